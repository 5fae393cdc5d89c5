package dev.duka.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.duka.bootstrap.config.Config;
import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.port.out.Mailer.MailDeliveryException;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.user.Email;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpMailerIT {
  private static final String FROM = "Duka Shop <no-reply@duka.test>";

  private final FixedClock clock = new FixedClock();
  private GreenMail greenMail;
  private int port;

  @BeforeEach
  void startMailServer() throws IOException {
    port = freePort();
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    greenMail.setUser("shop@duka.test", "duka", "s3cret");
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  private SmtpMailer mailer(Optional<String> user, Optional<String> password) {
    return new SmtpMailer(new Config.Smtp("127.0.0.1", port, user, password, FROM), clock);
  }

  @Test
  void sendsAUtf8PlainTextMail() throws Exception {
    mailer(Optional.of("duka"), Optional.of("s3cret"))
        .send(
            new Mail(
                Email.of("asha@example.com"),
                "Karibu Duka — ñ",
                "Habari Asha,\nKaribu Duka — ñ, ü, 🛒.\nAsante!"));

    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Karibu Duka — ñ");
    assertThat(((String) received.getContent()).replace("\r\n", "\n"))
        .isEqualTo("Habari Asha,\nKaribu Duka — ñ, ü, 🛒.\nAsante!");
    assertThat(received.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("utf-8");
    assertThat(received.getFrom()).containsExactly(new InternetAddress("no-reply@duka.test"));
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Duka Shop");
    assertThat(received.getAllRecipients())
        .containsExactly(new InternetAddress("asha@example.com"));
    assertThat(received.getSentDate()).isEqualTo(Date.from(FixedClock.DEFAULT_START));
    assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
  }

  @Test
  void sendsWithoutAuthenticationWhenNoUserIsSet() {
    mailer(Optional.empty(), Optional.empty())
        .send(new Mail(Email.of("juma@example.com"), "Hello", "Text"));

    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
  }

  @Test
  void keepsLineBreaksInTheSubjectFromAddingHeaders() throws Exception {
    mailer(Optional.empty(), Optional.empty())
        .send(new Mail(Email.of("juma@example.com"), "Hello\r\nBcc: evil@example.com", "Text"));

    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Hello Bcc: evil@example.com");
    assertThat(received.getHeader("Bcc")).isNull();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRefusedLoginIsADeliveryFailure() {
    SmtpMailer wrongPassword = mailer(Optional.of("duka"), Optional.of("wrong"));

    assertThatThrownBy(() -> wrongPassword.send(new Mail(Email.of("a@example.com"), "s", "t")))
        .isInstanceOf(MailDeliveryException.class)
        .hasMessageContaining("127.0.0.1:" + port);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void failsFastWhenNothingListens() throws IOException {
    int closed = freePort();
    SmtpMailer nowhere =
        new SmtpMailer(
            new Config.Smtp("127.0.0.1", closed, Optional.empty(), Optional.empty(), FROM), clock);

    long start = System.nanoTime();
    assertThatThrownBy(() -> nowhere.send(new Mail(Email.of("a@example.com"), "s", "t")))
        .isInstanceOf(MailDeliveryException.class)
        .hasMessageContaining("127.0.0.1:" + closed);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void givesUpOnASilentServerAfterItsTimeout() throws Exception {
    CopyOnWriteArrayList<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      SmtpMailer mailer =
          new SmtpMailer(
              new Config.Smtp(
                  "127.0.0.1", silent.getLocalPort(), Optional.empty(), Optional.empty(), FROM),
              clock,
              Duration.ofMillis(500));

      long start = System.nanoTime();
      assertThatThrownBy(() -> mailer.send(new Mail(Email.of("a@example.com"), "s", "t")))
          .isInstanceOf(MailDeliveryException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void refusesAnInvalidSenderAtOnce() {
    assertThatThrownBy(
            () ->
                new SmtpMailer(
                    new Config.Smtp(
                        "127.0.0.1", port, Optional.empty(), Optional.empty(), "not an address"),
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an address");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
