package dev.duka.domain.port.out;

import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers what a client's {@code Idempotency-Key} produced, so a retried request returns the
 * first response instead of acting twice.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code key} for this user and request fingerprint. Atomic: of two concurrent claims of
   * one key exactly one gets {@link Claim.Acquired}.
   *
   * @return {@link Claim.Acquired} for a new key; {@link Claim.Replay} with the stored response
   *     when the same request completed before; {@link Claim.InProgress} while the first request
   *     runs; {@link Claim.Mismatch} when the key was used with another request
   */
  Claim claim(UserId userId, String key, String requestFingerprint, Instant now);

  /** Stores the response of a claimed key for later replays. */
  void complete(UserId userId, String key, StoredResponse response, Instant now);

  /** Forgets a claimed key whose request failed, so the client may retry with it. */
  void release(UserId userId, String key);

  /** The outcome of a claim. */
  sealed interface Claim permits Claim.Acquired, Claim.Replay, Claim.InProgress, Claim.Mismatch {
    record Acquired() implements Claim {}

    record Replay(StoredResponse response) implements Claim {}

    record InProgress() implements Claim {}

    record Mismatch() implements Claim {}
  }

  /** A response kept for replay: the status and the body as sent. */
  record StoredResponse(int status, String body) {
    public StoredResponse {
      Objects.requireNonNull(body, "body");
    }
  }
}
