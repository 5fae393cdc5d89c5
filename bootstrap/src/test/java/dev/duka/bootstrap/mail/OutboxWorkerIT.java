package dev.duka.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.outbox.JdbiOutbox;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.application.mail.DeliverMailService;
import dev.duka.application.mail.OutboundMail;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.system.SecureIdGenerator;
import dev.duka.bootstrap.system.SystemClock;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.user.Email;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole mail path: a committed change, the outbox table, the worker, an SMTP server. */
class OutboxWorkerIT {
  private static PostgresDatabase database;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static Map<String, Object> outboxRow() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT attempts, last_error, delivered_at FROM outbox")
                    .mapToMap()
                    .one());
  }

  @Test
  void aMailEnqueuedDuringAnSmtpOutageArrivesOnceTheServerIsBack() throws Exception {
    int port = SmtpMailerIT.freePort();
    Clock clock = new SystemClock();
    JdbiOutbox outbox = new JdbiOutbox(database.jdbi());
    SmtpMailer mailer =
        new SmtpMailer(
            new Config.Smtp(
                "127.0.0.1", port, Optional.empty(), Optional.empty(), "Duka <no-reply@duka.test>"),
            clock,
            Duration.ofSeconds(2));
    DeliverMailService delivery =
        new DeliverMailService(
            outbox,
            mailer,
            clock,
            new DeliverMailService.Settings(
                Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(400)));
    OutboundMail outboundMail = new OutboundMail(outbox, new SecureIdGenerator(), clock);
    Mail mail = new Mail(Email.of("asha@example.com"), "Karibu Duka — ñ", "Verify: https://x");

    new JdbiTransactions(database.jdbi()).run(() -> outboundMail.enqueue(mail));

    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    MimeMessage[] received;
    try (OutboxWorker worker = new OutboxWorker(delivery, Duration.ofMillis(50), 10)) {
      worker.start();
      eventually(() -> ((Integer) outboxRow().get("attempts")) >= 2);
      assertThat(outboxRow().get("delivered_at")).as("the server is down").isNull();
      assertThat((String) outboxRow().get("last_error")).contains("127.0.0.1:" + port);

      greenMail.start();

      assertThat(greenMail.waitForIncomingEmail(15_000, 1)).isTrue();
      eventually(() -> outboxRow().get("delivered_at") != null);
      Thread.sleep(300);
      received = greenMail.getReceivedMessages();
    } finally {
      greenMail.stop();
    }
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Karibu Duka — ñ");
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not hold within 15 s");
      }
      Thread.sleep(20);
    }
  }
}
