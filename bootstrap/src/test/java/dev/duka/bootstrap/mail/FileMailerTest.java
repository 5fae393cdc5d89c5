package dev.duka.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.port.out.Mailer.MailDeliveryException;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.user.Email;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailerTest {
  @TempDir Path dataDir;

  private final FixedClock clock = new FixedClock();

  private FileMailer mailer() {
    return new FileMailer(dataDir.resolve("mail"), "Duka <no-reply@localhost>", clock);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dataDir.resolve("mail"))) {
      return files.sorted().toList();
    }
  }

  private static MimeMessage parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  @Test
  void writesAMailAsAnEmlFileThatParsesBack() throws Exception {
    mailer()
        .send(new Mail(Email.of("asha@example.com"), "Karibu Duka — ñ", "Habari!\nKaribu — ñ 🛒"));

    List<Path> files = files();
    assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".eml"));
    assertThat(files.get(0).getFileName().toString()).startsWith("20260115T093000.000000Z-");
    MimeMessage message = parse(files.get(0));
    assertThat(message.getSubject()).isEqualTo("Karibu Duka — ñ");
    assertThat(((String) message.getContent()).replace("\r\n", "\n"))
        .isEqualTo("Habari!\nKaribu — ñ 🛒");
    assertThat(message.getFrom()).containsExactly(new InternetAddress("no-reply@localhost"));
    assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("asha@example.com"));
    assertThat(message.getSentDate()).isEqualTo(Date.from(FixedClock.DEFAULT_START));
  }

  @Test
  void writesEachMailToAFileOfItsOwnInTimeOrder() throws Exception {
    FileMailer mailer = mailer();
    mailer.send(new Mail(Email.of("a@example.com"), "first", "1"));
    mailer.send(new Mail(Email.of("b@example.com"), "second", "2"));
    clock.advance(Duration.ofSeconds(1));
    mailer.send(new Mail(Email.of("c@example.com"), "third", "3"));

    List<Path> files = files();
    assertThat(files).hasSize(3);
    assertThat(parse(files.get(2)).getSubject()).isEqualTo("third");
  }

  @Test
  void leavesNoTemporaryFilesAndKeepsMailsPrivate() throws Exception {
    mailer().send(new Mail(Email.of("a@example.com"), "Reset your password", "secret link"));

    assertThat(files())
        .singleElement()
        .satisfies(f -> assertThat(f.getFileName().toString()).doesNotStartWith("."));
    if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(files().get(0)))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void anUnwritableDirectoryIsADeliveryFailure() throws IOException {
    Path notADirectory = Files.writeString(dataDir.resolve("mail"), "in the way");

    assertThatThrownBy(
            () ->
                new FileMailer(notADirectory, "no-reply@localhost", clock)
                    .send(new Mail(Email.of("a@example.com"), "s", "t")))
        .isInstanceOf(MailDeliveryException.class)
        .hasMessageContaining(notADirectory.toString());
  }
}
