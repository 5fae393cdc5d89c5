package dev.duka.bootstrap.mail;

import dev.duka.domain.port.out.Mailer.Mail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Turns the domain's plain-text mails into MIME messages, the same for every transport. */
final class MimeMails {
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeMails() {}

  /**
   * The sender address in {@code from} ({@code "Duka <no-reply@example.com>"}), with its display
   * name encoded as UTF-8 when it needs to be.
   *
   * @throws IllegalArgumentException when {@code from} is not one valid address
   */
  static InternetAddress sender(String from) {
    try {
      InternetAddress parsed = new InternetAddress(from, true);
      return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException(
          "the sender address \"" + from + "\" is not a valid email address", e);
    }
  }

  /** Session settings every transport shares. */
  static Properties baseProperties(InternetAddress from) {
    Properties properties = new Properties();
    // Used for the envelope sender and the Message-ID, so no host name lookup happens on send.
    properties.setProperty("mail.from", from.getAddress());
    properties.setProperty("mail.mime.charset", UTF_8);
    return properties;
  }

  /**
   * A UTF-8 plain-text message. Line breaks in the subject become spaces so no caller-provided text
   * can add a header.
   */
  static MimeMessage compose(Session session, InternetAddress from, Mail mail, Instant sentAt)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(RecipientType.TO, new InternetAddress(mail.to().value()));
    message.setSubject(mail.subject().replaceAll("[\\r\\n]+", " "), UTF_8);
    message.setText(mail.text(), UTF_8);
    message.setSentDate(Date.from(sentAt));
    // RFC 3834: tells autoresponders not to answer a machine's mail.
    message.setHeader("Auto-Submitted", "auto-generated");
    message.saveChanges();
    return message;
  }
}
