package dev.duka.adapters.postgres.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.port.out.AuditLog;
import org.jdbi.v3.core.Jdbi;

/** The append-only {@code audit_log} table; entries join the caller's transaction. */
public final class JdbiAuditLog implements AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;

  public JdbiAuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void record(Entry entry) {
    String data;
    try {
      data = JSON.writeValueAsString(entry.data());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit data must be plain strings", e);
    }
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "INSERT INTO audit_log (actor_id, action, subject, data, at)"
                        + " VALUES (:actor, :action, :subject, CAST(:data AS jsonb), :at)")
                .bind("actor", entry.actor().userId().map(id -> id.value()).orElse(null))
                .bind("action", entry.action())
                .bind("subject", entry.subject())
                .bind("data", data)
                .bind("at", entry.at())
                .execute());
  }
}
