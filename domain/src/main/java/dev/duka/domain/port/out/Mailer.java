package dev.duka.domain.port.out;

import dev.duka.domain.user.Email;
import java.util.Objects;

/** Sends email. Called after commit (from the outbox), never inside a transaction. */
public interface Mailer {

  /**
   * Sends one message.
   *
   * @throws MailDeliveryException when the mail server refuses or cannot be reached; the caller
   *     retries later
   */
  void send(Mail mail);

  /** A plain-text email. */
  record Mail(Email to, String subject, String text) {
    public Mail {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The message could not be handed to the mail server. */
  final class MailDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
