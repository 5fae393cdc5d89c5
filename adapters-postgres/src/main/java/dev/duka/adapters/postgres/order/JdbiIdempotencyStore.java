package dev.duka.adapters.postgres.order;

import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.port.out.IdempotencyStore;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys in {@code idempotency_keys}. The claim is an {@code INSERT … ON CONFLICT DO
 * NOTHING} inside the caller's transaction: PostgreSQL makes a concurrent insert of the same key
 * wait until the first transaction ends, which is exactly "never two orders for one key".
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {
  private final Jdbi jdbi;

  public JdbiIdempotencyStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private record Stored(String fingerprint, String status, Integer responseStatus, String body) {}

  @Override
  public Claim claim(UserId userId, String key, String requestFingerprint, Instant now) {
    return Sql.call(
        jdbi,
        h -> {
          boolean inserted =
              h.createQuery(
                      "INSERT INTO idempotency_keys (user_id, key, request_fingerprint, status,"
                          + " created_at) VALUES (:user, :key, :fingerprint, 'in_progress', :now)"
                          + " ON CONFLICT (user_id, key) DO NOTHING RETURNING 1")
                  .bind("user", userId.value())
                  .bind("key", key)
                  .bind("fingerprint", requestFingerprint)
                  .bind("now", now)
                  .mapTo(Integer.class)
                  .findOne()
                  .isPresent();
          if (inserted) {
            return new Claim.Acquired();
          }
          Optional<Stored> stored =
              h.createQuery(
                      "SELECT request_fingerprint, status, response_status, response_body"
                          + " FROM idempotency_keys WHERE user_id = :user AND key = :key")
                  .bind("user", userId.value())
                  .bind("key", key)
                  .map(
                      (rs, ctx) ->
                          new Stored(
                              rs.getString("request_fingerprint"),
                              rs.getString("status"),
                              (Integer) rs.getObject("response_status"),
                              rs.getString("response_body")))
                  .findOne();
          Stored found =
              stored.orElseThrow(() -> new IllegalStateException("an idempotency key vanished"));
          if (!found.fingerprint().equals(requestFingerprint)) {
            return new Claim.Mismatch();
          }
          if (!found.status().equals("completed")) {
            throw new IllegalStateException("a committed idempotency key was never completed");
          }
          return new Claim.Replay(new StoredResponse(found.responseStatus(), found.body()));
        });
  }

  @Override
  public void complete(UserId userId, String key, StoredResponse response, Instant now) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "UPDATE idempotency_keys SET status = 'completed', response_status = :status,"
                        + " response_body = :body, completed_at = :now"
                        + " WHERE user_id = :user AND key = :key")
                .bind("user", userId.value())
                .bind("key", key)
                .bind("status", response.status())
                .bind("body", response.body())
                .bind("now", now)
                .execute());
  }
}
