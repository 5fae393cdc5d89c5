package dev.duka.domain.testing;

import dev.duka.domain.port.out.AuditLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps audit entries in a list. */
public final class InMemoryAuditLog implements AuditLog {
  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized void record(Entry entry) {
    entries.add(entry);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The entries with this action, oldest first. */
  public synchronized List<Entry> withAction(String action) {
    return entries.stream().filter(e -> e.action().equals(action)).toList();
  }
}
