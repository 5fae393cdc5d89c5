package dev.duka.application.mail;

import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.Outbox.Message;
import dev.duka.domain.user.Email;
import java.util.Map;
import java.util.Objects;

/**
 * Puts mails into the outbox instead of sending them, so a use case writes its change and its mail
 * in one transaction and a failing mail server never fails the use case:
 *
 * <pre>{@code
 * transactions.run(() -> {
 *   users.insert(user);
 *   outboundMail.enqueue(new Mail(user.email(), "Verify your email", text));
 * });
 * }</pre>
 */
public final class OutboundMail {
  /** The outbox topic of mails. */
  public static final String TOPIC = "mail";

  static final String TO = "to";
  static final String SUBJECT = "subject";
  static final String TEXT = "text";

  private final Outbox outbox;
  private final IdGenerator ids;
  private final Clock clock;

  public OutboundMail(Outbox outbox, IdGenerator ids, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Enqueues {@code mail} for delivery after commit. Joins the caller's transaction: if it rolls
   * back, the mail is never sent.
   */
  public void enqueue(Mail mail) {
    outbox.enqueue(message(mail));
  }

  /** The outbox message that carries {@code mail}: topic {@value #TOPIC}, due at once. */
  public Message message(Mail mail) {
    return new Message(
        ids.newId(),
        TOPIC,
        Map.of(TO, mail.to().value(), SUBJECT, mail.subject(), TEXT, mail.text()),
        clock.now(),
        0);
  }

  /**
   * The mail a {@value #TOPIC} message carries.
   *
   * @throws IllegalArgumentException when a field is missing
   * @throws dev.duka.domain.error.InvalidValueException when the address is not an email address
   */
  static Mail mailOf(Message message) {
    return new Mail(Email.of(field(message, TO)), field(message, SUBJECT), field(message, TEXT));
  }

  private static String field(Message message, String key) {
    String value = message.payload().get(key);
    if (value == null) {
      throw new IllegalArgumentException("the mail has no \"" + key + "\"");
    }
    return value;
  }
}
