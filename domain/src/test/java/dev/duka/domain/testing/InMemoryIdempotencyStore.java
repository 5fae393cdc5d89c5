package dev.duka.domain.testing;

import dev.duka.domain.port.out.IdempotencyStore;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Idempotency keys in a map. Without transactions, a claimed key whose request failed before {@link
 * #complete} is simply free again on the next claim, as after a rollback.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private record Key(UserId user, String key) {}

  private record Entry(String fingerprint, StoredResponse response) {}

  private final Map<Key, Entry> entries = new HashMap<>();

  @Override
  public synchronized Claim claim(
      UserId userId, String key, String requestFingerprint, Instant now) {
    Entry entry = entries.get(new Key(userId, key));
    if (entry == null || entry.response() == null) {
      entries.put(new Key(userId, key), new Entry(requestFingerprint, null));
      return new Claim.Acquired();
    }
    if (!entry.fingerprint().equals(requestFingerprint)) {
      return new Claim.Mismatch();
    }
    return new Claim.Replay(entry.response());
  }

  @Override
  public synchronized void complete(
      UserId userId, String key, StoredResponse response, Instant now) {
    Entry entry = entries.get(new Key(userId, key));
    if (entry == null) {
      throw new IllegalStateException("complete a key only after claiming it");
    }
    entries.put(new Key(userId, key), new Entry(entry.fingerprint(), response));
  }
}
