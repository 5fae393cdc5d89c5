package dev.duka.bootstrap.mail;

import dev.duka.bootstrap.config.Config;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail to an SMTP server with Angus Mail: one connection per mail, STARTTLS whenever the
 * server offers it (implicit TLS on port 465), AUTH when a user is configured. Connecting, reading
 * and writing each give up after the timeout (10 s by default), so an unreachable server fails the
 * delivery, not the worker.
 */
public final class SmtpMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final int IMPLICIT_TLS_PORT = 465;

  private final String server;
  private final Optional<String> user;
  private final Optional<String> password;
  private final InternetAddress from;
  private final Session session;
  private final Clock clock;

  /**
   * A mailer for the server in {@code smtp}.
   *
   * @throws IllegalArgumentException when {@code smtp.from()} is not a valid address
   */
  public SmtpMailer(Config.Smtp smtp, Clock clock) {
    this(smtp, clock, DEFAULT_TIMEOUT);
  }

  /** A mailer whose connections give up after {@code timeout} of silence. */
  public SmtpMailer(Config.Smtp smtp, Clock clock, Duration timeout) {
    Objects.requireNonNull(smtp, "smtp");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.server = smtp.host() + ":" + smtp.port();
    this.user = smtp.user();
    this.password = smtp.password();
    this.from = MimeMails.sender(smtp.from());
    Properties properties = MimeMails.baseProperties(from);
    properties.setProperty("mail.smtp.host", smtp.host());
    properties.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
    String millis = Long.toString(timeout.toMillis());
    properties.setProperty("mail.smtp.connectiontimeout", millis);
    properties.setProperty("mail.smtp.timeout", millis);
    properties.setProperty("mail.smtp.writetimeout", millis);
    properties.setProperty("mail.smtp.starttls.enable", "true");
    properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    if (smtp.port() == IMPLICIT_TLS_PORT) {
      properties.setProperty("mail.smtp.ssl.enable", "true");
    }
    properties.setProperty("mail.smtp.auth", Boolean.toString(user.isPresent()));
    this.session = Session.getInstance(properties);
  }

  @Override
  public void send(Mail mail) {
    try {
      MimeMessage message = MimeMails.compose(session, from, mail, clock.now());
      if (user.isPresent()) {
        Transport.send(message, user.get(), password.orElse(""));
      } else {
        Transport.send(message);
      }
    } catch (MessagingException e) {
      // No recipient in the log: addresses are personal data.
      LOG.warn("the mail server {} did not take a mail: {}", server, e.toString());
      throw new MailDeliveryException(
          "the mail server " + server + " did not take the mail: " + e.getMessage(), e);
    }
  }
}
