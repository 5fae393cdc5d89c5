package dev.duka.application.mail;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.port.in.DeliverMailUseCase;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.Mailer;
import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.port.out.Mailer.MailDeliveryException;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.Outbox.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sends the mails waiting in the outbox, one claim at a time. A mail the server refuses is retried
 * after a delay that doubles with each attempt up to a cap, forever: an outage of the mail server
 * delays mails but never loses one. Delivery is at least once: a crash between sending and marking
 * sends that mail again after the lease.
 *
 * <p>No transaction is opened: each outbox call stands on its own, and the mail server is never
 * called while a transaction holds locks.
 */
public final class DeliverMailService implements DeliverMailUseCase {
  private static final int MAX_ERROR_LENGTH = 2000;

  private final Outbox outbox;
  private final Mailer mailer;
  private final Clock clock;
  private final Settings settings;

  /**
   * How long a claim lasts and how long to wait before retrying.
   *
   * @param lease how long claimed messages stay hidden from other workers; longer than sending a
   *     whole batch takes, or another worker may send the rest of it too
   * @param firstRetry the wait after the first failed attempt; each further failure doubles it
   * @param maxRetry the longest wait; also the wait before retrying a message that cannot be sent
   *     as it is (an unknown topic, a malformed mail), in case a newer version of Duka knows it
   */
  public record Settings(Duration lease, Duration firstRetry, Duration maxRetry) {
    public Settings {
      requirePositive(lease, "lease");
      requirePositive(firstRetry, "firstRetry");
      requirePositive(maxRetry, "maxRetry");
      if (maxRetry.compareTo(firstRetry) < 0) {
        throw new IllegalArgumentException("maxRetry must not be shorter than firstRetry");
      }
    }

    /** A two-minute lease; retries after 5 s, 10 s, 20 s… and then every 15 minutes. */
    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(15));
    }

    /**
     * The wait after the {@code attempts}-th failed attempt (counting from 1): {@code firstRetry ×
     * 2^(attempts − 1)}, at most {@code maxRetry}.
     */
    public Duration retryDelay(int attempts) {
      Duration delay = firstRetry;
      for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      return delay.compareTo(maxRetry) < 0 ? delay : maxRetry;
    }

    private static void requirePositive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
    }
  }

  public DeliverMailService(Outbox outbox, Mailer mailer, Clock clock, Settings settings) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public int deliverDue(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    Instant claimedAt = clock.now();
    Instant leaseUntil = claimedAt.plus(settings.lease());
    int delivered = 0;
    for (Message message : outbox.claimDue(limit, claimedAt, leaseUntil)) {
      if (!clock.now().isBefore(leaseUntil)) {
        // Another worker may hold these now; sending them late could send them twice. They are
        // due again already, so the next claim takes them.
        break;
      }
      if (deliver(message)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliver(Message message) {
    if (!OutboundMail.TOPIC.equals(message.topic())) {
      park(message, "no delivery for topic \"" + message.topic() + "\"");
      return false;
    }
    Mail mail;
    try {
      mail = OutboundMail.mailOf(message);
    } catch (IllegalArgumentException | DomainException malformed) {
      park(message, "malformed mail: " + malformed.getMessage());
      return false;
    }
    try {
      mailer.send(mail);
    } catch (MailDeliveryException refused) {
      retryLater(message, describe(refused));
      return false;
    } catch (RuntimeException bug) {
      // A bug in the mailer: keep the mail for a retry and let the caller report the bug.
      retryLater(message, "unexpected " + describe(bug));
      throw bug;
    }
    outbox.markDelivered(message.id(), clock.now());
    return true;
  }

  private void retryLater(Message message, String error) {
    Instant retryAt = clock.now().plus(settings.retryDelay(message.attempts()));
    outbox.markFailed(message.id(), clip(error), retryAt);
  }

  private void park(Message message, String error) {
    outbox.markFailed(message.id(), clip(error), clock.now().plus(settings.maxRetry()));
  }

  private static String describe(RuntimeException failure) {
    String text = failure.getMessage();
    if (text == null || text.isBlank()) {
      text = failure.getClass().getSimpleName();
    }
    Throwable cause = failure.getCause();
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text = text + ": " + cause.getMessage();
    }
    return text;
  }

  private static String clip(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
  }
}
