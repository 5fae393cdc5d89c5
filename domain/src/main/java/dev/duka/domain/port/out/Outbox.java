package dev.duka.domain.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Messages to deliver after a transaction commits (emails, notifications). Enqueued in the same
 * transaction as the change that causes them, so a change is never committed without its message
 * nor a message sent for a change that rolled back.
 *
 * <p>Delivery is at least once: a worker claims due messages with a lease, delivers them, then
 * marks each delivered or failed. A worker that dies mid-delivery leaves its messages to come back
 * when the lease runs out, so a message may be delivered twice but is never lost. Several workers
 * (in several processes) may claim at the same time; no two are handed the same message while its
 * lease lasts.
 */
public interface Outbox {

  /**
   * Adds a message, due at once (from its {@code createdAt}); joins the caller's transaction, so a
   * rolled-back change leaves no message.
   *
   * @throws IllegalStateException when a message with the same id was enqueued before
   */
  void enqueue(Message message);

  /**
   * Takes up to {@code limit} messages that are due at {@code now} (enqueued, or failed with a
   * retry time, no later than {@code now}, and not delivered), oldest due time first. Each taken
   * message is hidden from every caller until {@code leaseUntil}, and is due again from then on
   * unless it was marked delivered or failed before.
   *
   * <p>Claiming counts an attempt: each returned message's {@code attempts} includes this one (1 on
   * the first claim), so a message whose delivery crashes the worker still counts its attempts.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1 or {@code leaseUntil} is not
   *     after {@code now}
   */
  List<Message> claimDue(int limit, Instant now, Instant leaseUntil);

  /**
   * Marks a delivered message done; it is never handed out again. Marking twice, or marking an
   * unknown id, changes nothing.
   */
  void markDelivered(UUID messageId, Instant now);

  /**
   * Records a failed delivery: the message is due again at {@code retryAt} (not before, even if its
   * lease ends sooner) and keeps {@code error} as its last error. A message already delivered, or
   * an unknown id, is left as it is.
   */
  void markFailed(UUID messageId, String error, Instant retryAt);

  /**
   * A message: its kind ({@code "mail"}), flat data, when it was enqueued, and how many delivery
   * attempts it has had (0 when enqueued).
   */
  record Message(
      UUID id, String topic, Map<String, String> payload, Instant createdAt, int attempts) {
    public Message {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(topic, "topic");
      payload = Map.copyOf(payload);
      Objects.requireNonNull(createdAt, "createdAt");
      if (attempts < 0) {
        throw new IllegalArgumentException("attempts cannot be negative");
      }
    }
  }
}
