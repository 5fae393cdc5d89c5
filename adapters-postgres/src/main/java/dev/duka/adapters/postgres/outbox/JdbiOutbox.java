package dev.duka.adapters.postgres.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.port.out.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code outbox} table. A claim is one statement that locks the due rows it picks with {@code
 * FOR UPDATE SKIP LOCKED} and moves their {@code available_at} to the lease's end, so concurrent
 * workers, in this process or another, neither wait for each other nor take the same row; a worker
 * that dies leaves its rows to come back when the lease ends.
 */
public final class JdbiOutbox implements Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> FLAT = new TypeReference<>() {};

  // MATERIALIZED keeps the locking subquery from being inlined into the UPDATE, where the planner
  // may evaluate it more than once and so claim more rows than the limit.
  private static final String CLAIM =
      "WITH due AS MATERIALIZED ("
          + " SELECT id, available_at FROM outbox"
          + " WHERE delivered_at IS NULL AND available_at <= :now"
          + " ORDER BY available_at, created_at, id LIMIT :limit"
          + " FOR UPDATE SKIP LOCKED),"
          + " claimed AS ("
          + " UPDATE outbox o SET available_at = :leaseUntil, attempts = o.attempts + 1"
          + " FROM due WHERE o.id = due.id"
          + " RETURNING o.id, o.topic, o.payload::text AS payload, o.created_at, o.attempts,"
          + " due.available_at AS due_at)"
          + " SELECT id, topic, payload, created_at, attempts FROM claimed"
          + " ORDER BY due_at, created_at, id";

  private final Jdbi jdbi;

  public JdbiOutbox(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void enqueue(Message message) {
    String payload;
    try {
      payload = JSON.writeValueAsString(message.payload());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outbox payload must be plain strings", e);
    }
    Instant createdAt = stored(message.createdAt());
    try {
      Sql.run(
          jdbi,
          h ->
              h.createUpdate(
                      "INSERT INTO outbox (id, topic, payload, created_at, available_at, attempts)"
                          + " VALUES (:id, :topic, CAST(:payload AS jsonb), :createdAt,"
                          + " :createdAt, :attempts)")
                  .bind("id", message.id())
                  .bind("topic", message.topic())
                  .bind("payload", payload)
                  .bind("createdAt", createdAt)
                  .bind("attempts", message.attempts())
                  .execute());
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesUnique(failure, "outbox_pkey")) {
        throw new IllegalStateException(
            "outbox message " + message.id() + " was enqueued before", failure);
      }
      throw failure;
    }
  }

  @Override
  public List<Message> claimDue(int limit, Instant now, Instant leaseUntil) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (!leaseUntil.isAfter(now)) {
      throw new IllegalArgumentException("a lease must end after now");
    }
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(CLAIM)
                .bind("now", stored(now))
                .bind("leaseUntil", stored(leaseUntil))
                .bind("limit", limit)
                .map(JdbiOutbox::message)
                .list());
  }

  @Override
  public void markDelivered(UUID messageId, Instant now) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "UPDATE outbox SET delivered_at = :now"
                        + " WHERE id = :id AND delivered_at IS NULL")
                .bind("id", messageId)
                .bind("now", stored(now))
                .execute());
  }

  @Override
  public void markFailed(UUID messageId, String error, Instant retryAt) {
    Objects.requireNonNull(error, "error");
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "UPDATE outbox SET available_at = :retryAt, last_error = :error"
                        + " WHERE id = :id AND delivered_at IS NULL")
                .bind("id", messageId)
                .bind("error", error)
                .bind("retryAt", stored(retryAt))
                .execute());
  }

  private static Message message(ResultSet rs, StatementContext ctx) throws SQLException {
    Map<String, String> payload;
    try {
      payload = JSON.readValue(rs.getString("payload"), FLAT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox payload is not a flat JSON object of strings", e);
    }
    return new Message(
        rs.getObject("id", UUID.class),
        rs.getString("topic"),
        payload,
        Sql.instant(rs, "created_at"),
        rs.getInt("attempts"));
  }

  /**
   * What {@code timestamptz} keeps of an instant: whole microseconds. Cutting them here, rather
   * than letting the driver round, keeps a message enqueued at {@code t} due at {@code t}.
   */
  private static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
