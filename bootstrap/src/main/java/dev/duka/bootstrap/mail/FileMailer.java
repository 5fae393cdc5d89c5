package dev.duka.bootstrap.mail;

import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail as an RFC 822 {@code .eml} file (which mail clients open) instead of sending it:
 * the mailer of a shop without an SMTP server, such as a developer's machine. Files appear whole
 * (written to a temporary file, then moved into place) and are readable by their owner only, since
 * mails carry sign-in links. Names sort by time: {@code 20260115T093000.000000Z-<random>.eml}.
 */
public final class FileMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(FileMailer.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final InternetAddress from;
  private final Session session;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * A mailer writing into {@code directory} (created when the first mail comes).
   *
   * @param from the sender address, e.g. {@code "Duka <no-reply@localhost>"}
   * @throws IllegalArgumentException when {@code from} is not a valid address
   */
  public FileMailer(Path directory, String from, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.from = MimeMails.sender(from);
    this.session = Session.getInstance(MimeMails.baseProperties(this.from));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void send(Mail mail) {
    Instant now = clock.now();
    Path temporary = null;
    try {
      MimeMessage message = MimeMails.compose(session, from, mail, now);
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, ".writing-", ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        message.writeTo(out);
      }
      Path target = directory.resolve(fileName(now));
      move(temporary, target);
      temporary = null;
      LOG.info("wrote the mail \"{}\" to {}", mail.subject(), target);
    } catch (IOException | MessagingException e) {
      throw new MailDeliveryException("cannot write the mail under " + directory, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private String fileName(Instant now) {
    byte[] suffix = new byte[6];
    random.nextBytes(suffix);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix) + ".eml";
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a stray temporary file is harmless; the failure that left it is already reported
    }
  }
}
