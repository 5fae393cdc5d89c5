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
 */
public interface Outbox {

  /** Adds a message; joins the caller's transaction. */
  void enqueue(Message message);

  /**
   * Takes up to {@code limit} messages due at {@code now} for delivery. A message taken by one
   * caller is not handed to another until {@code leaseUntil}.
   */
  List<Message> claimDue(int limit, Instant now, Instant leaseUntil);

  /** Marks a delivered message done; it is never handed out again. */
  void markDelivered(UUID messageId, Instant now);

  /** Records a failed delivery and when to try again. */
  void markFailed(UUID messageId, String error, Instant retryAt);

  /** A message: its kind ({@code "mail.verify_email"}) and flat data. */
  record Message(
      UUID id, String topic, Map<String, String> payload, Instant createdAt, int attempts) {
    public Message {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(topic, "topic");
      payload = Map.copyOf(payload);
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }
}
