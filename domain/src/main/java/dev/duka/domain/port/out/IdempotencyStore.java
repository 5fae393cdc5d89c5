package dev.duka.domain.port.out;

import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers what a client's {@code Idempotency-Key} produced, so a retried request returns the
 * first outcome instead of acting twice. Keys belong to a user: two users may use the same key.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code key} inside the caller's transaction. The claim becomes visible to others when
   * that transaction commits; a concurrent claim of the same key waits until then and sees the
   * outcome: a replay when the first request committed, or the key free again when it rolled back.
   * So one key never acts twice, and a failed request never blocks its retry.
   *
   * @return {@link Claim.Acquired} for a key that is free; {@link Claim.Replay} with the stored
   *     response when the same request completed before; {@link Claim.Mismatch} when the key was
   *     used with another request (another fingerprint)
   */
  Claim claim(UserId userId, String key, String requestFingerprint, Instant now);

  /** Stores the outcome of a claimed key, in the same transaction as the claim. */
  void complete(UserId userId, String key, StoredResponse response, Instant now);

  /** The outcome of a claim. */
  sealed interface Claim permits Claim.Acquired, Claim.Replay, Claim.Mismatch {
    record Acquired() implements Claim {}

    record Replay(StoredResponse response) implements Claim {}

    record Mismatch() implements Claim {}
  }

  /**
   * The outcome kept for replays: a status and a body whose meaning belongs to the use case (for
   * orders, the id of the order placed).
   */
  record StoredResponse(int status, String body) {
    public StoredResponse {
      Objects.requireNonNull(body, "body");
    }
  }
}
