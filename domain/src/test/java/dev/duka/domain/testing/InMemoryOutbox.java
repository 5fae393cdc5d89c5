package dev.duka.domain.testing;

import dev.duka.domain.port.out.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox in memory, with the leases and retry times of the real one. Messages are immutable
 * records, so storing them stores copies; claiming hands out new records with the counted attempt.
 * It does not roll back with a failed transaction: that belongs to the PostgreSQL adapter's tests.
 */
public final class InMemoryOutbox implements Outbox {
  private final Map<UUID, Entry> entries = new LinkedHashMap<>();

  /**
   * One stored message and its delivery state. {@code message().attempts()} counts the claims so
   * far; {@code availableAt} is when it is next due.
   */
  public record Entry(
      Message message, Instant availableAt, String lastError, Optional<Instant> deliveredAt) {
    public Entry {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(availableAt, "availableAt");
      Objects.requireNonNull(lastError, "lastError");
      Objects.requireNonNull(deliveredAt, "deliveredAt");
    }

    public boolean delivered() {
      return deliveredAt.isPresent();
    }

    private Entry claimed(Instant leaseUntil) {
      Message m = message;
      return new Entry(
          new Message(m.id(), m.topic(), m.payload(), m.createdAt(), m.attempts() + 1),
          leaseUntil,
          lastError,
          deliveredAt);
    }
  }

  @Override
  public synchronized void enqueue(Message message) {
    Objects.requireNonNull(message, "message");
    if (entries.containsKey(message.id())) {
      throw new IllegalStateException("outbox message " + message.id() + " was enqueued before");
    }
    entries.put(message.id(), new Entry(message, message.createdAt(), "", Optional.empty()));
  }

  @Override
  public synchronized List<Message> claimDue(int limit, Instant now, Instant leaseUntil) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (!leaseUntil.isAfter(now)) {
      throw new IllegalArgumentException("a lease must end after now");
    }
    List<Entry> due = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (!entry.delivered() && !entry.availableAt().isAfter(now)) {
        due.add(entry);
      }
    }
    // a stable sort keeps enqueue order among messages due and created at the same instants
    due.sort(
        Comparator.comparing(Entry::availableAt)
            .thenComparing(entry -> entry.message().createdAt()));
    List<Message> claimed = new ArrayList<>();
    for (Entry entry : due.subList(0, Math.min(limit, due.size()))) {
      Entry leased = entry.claimed(leaseUntil);
      entries.put(leased.message().id(), leased);
      claimed.add(leased.message());
    }
    return claimed;
  }

  @Override
  public synchronized void markDelivered(UUID messageId, Instant now) {
    Entry entry = entries.get(messageId);
    if (entry == null || entry.delivered()) {
      return;
    }
    entries.put(
        messageId,
        new Entry(entry.message(), entry.availableAt(), entry.lastError(), Optional.of(now)));
  }

  @Override
  public synchronized void markFailed(UUID messageId, String error, Instant retryAt) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(retryAt, "retryAt");
    Entry entry = entries.get(messageId);
    if (entry == null || entry.delivered()) {
      return;
    }
    entries.put(messageId, new Entry(entry.message(), retryAt, error, Optional.empty()));
  }

  /** Every stored message with its state, in enqueue order. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The stored state of one message. */
  public synchronized Optional<Entry> find(UUID messageId) {
    return Optional.ofNullable(entries.get(messageId));
  }

  /** The messages not delivered yet, in enqueue order. */
  public synchronized List<Entry> pending() {
    return entries.values().stream().filter(e -> !e.delivered()).toList();
  }
}
