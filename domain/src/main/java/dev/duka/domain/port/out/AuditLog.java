package dev.duka.domain.port.out;

import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** An append-only record of security-relevant and administrative actions. */
public interface AuditLog {

  /** Appends an entry; joins the caller's transaction, so a rolled-back action leaves no entry. */
  void record(Entry entry);

  /**
   * One audited action: who, what ({@code "user.role_changed"}), on which subject (an id), extra
   * facts, and when.
   */
  record Entry(Actor actor, String action, String subject, Map<String, String> data, Instant at) {
    public Entry {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(subject, "subject");
      data = Map.copyOf(data);
      Objects.requireNonNull(at, "at");
    }
  }
}
