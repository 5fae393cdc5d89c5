package dev.duka.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.application.mail.DeliverMailService.Settings;
import dev.duka.domain.port.out.Mailer;
import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.port.out.Outbox.Message;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.testing.InMemoryMailer;
import dev.duka.domain.testing.InMemoryOutbox;
import dev.duka.domain.testing.InMemoryOutbox.Entry;
import dev.duka.domain.testing.SequentialIdGenerator;
import dev.duka.domain.user.Email;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliverMailServiceTest {
  private static final Settings SETTINGS = Settings.defaults();

  private final FixedClock clock = new FixedClock();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final OutboundMail outboundMail =
      new OutboundMail(outbox, new SequentialIdGenerator(), clock);
  private final DeliverMailService delivery =
      new DeliverMailService(outbox, mailer, clock, SETTINGS);

  private static Mail aMail(String to) {
    return new Mail(Email.of(to), "Verify your email", "Karibu Duka — ñ");
  }

  private Entry onlyEntry() {
    assertThat(outbox.entries()).hasSize(1);
    return outbox.entries().get(0);
  }

  @Test
  void deliversAnEnqueuedMailOnce() {
    Mail mail = aMail("asha@example.com");
    outboundMail.enqueue(mail);

    assertThat(delivery.deliverDue(10)).isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    assertThat(delivery.deliverDue(10)).isZero();

    assertThat(mailer.sent()).containsExactly(mail);
    assertThat(onlyEntry().deliveredAt()).contains(FixedClock.DEFAULT_START);
  }

  @Test
  void anOutageRetriesWithGrowingDelaysAndLosesNothing() {
    Mail mail = aMail("asha@example.com");
    outboundMail.enqueue(mail);
    mailer.startOutage();

    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= 5; attempt++) {
      Instant triedAt = clock.now();
      assertThat(delivery.deliverDue(10)).isZero();
      assertThat(mailer.refused()).isEqualTo(attempt);
      Entry entry = onlyEntry();
      assertThat(entry.lastError()).contains("cannot be reached");
      Duration wait = Duration.between(triedAt, entry.availableAt());
      waits.add(wait);

      clock.advance(wait.minusSeconds(1));
      assertThat(delivery.deliverDue(10)).as("not retried early").isZero();
      assertThat(mailer.refused()).isEqualTo(attempt);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80));

    mailer.endOutage();
    assertThat(delivery.deliverDue(10)).isEqualTo(1);
    assertThat(mailer.sent()).containsExactly(mail);
    assertThat(onlyEntry().delivered()).isTrue();
    assertThat(onlyEntry().message().attempts()).isEqualTo(6);
  }

  @Test
  void retryDelaysDoubleUpToTheCap() {
    assertThat(SETTINGS.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(SETTINGS.retryDelay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SETTINGS.retryDelay(8)).isEqualTo(Duration.ofSeconds(640));
    assertThat(SETTINGS.retryDelay(9)).isEqualTo(Duration.ofMinutes(15));
    assertThat(SETTINGS.retryDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aMailLeasedByAnotherWorkerIsNotSentUntilItsLeaseEnds() {
    Mail mail = aMail("asha@example.com");
    outboundMail.enqueue(mail);
    Instant otherWorkersLease = clock.now().plus(SETTINGS.lease());
    outbox.claimDue(10, clock.now(), otherWorkersLease);

    assertThat(delivery.deliverDue(10)).isZero();
    clock.advance(SETTINGS.lease().minusSeconds(1));
    assertThat(delivery.deliverDue(10)).isZero();
    assertThat(mailer.sent()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(delivery.deliverDue(10)).as("the other worker died").isEqualTo(1);
    clock.advance(SETTINGS.lease());
    assertThat(delivery.deliverDue(10)).isZero();
    assertThat(mailer.sent()).containsExactly(mail);
  }

  @Test
  void deliversAtMostTheLimitOldestFirst() {
    Mail first = aMail("first@example.com");
    Mail second = aMail("second@example.com");
    Mail third = aMail("third@example.com");
    outboundMail.enqueue(first);
    clock.advance(Duration.ofSeconds(1));
    outboundMail.enqueue(second);
    clock.advance(Duration.ofSeconds(1));
    outboundMail.enqueue(third);

    assertThat(delivery.deliverDue(2)).isEqualTo(2);
    assertThat(mailer.sent()).containsExactly(first, second);
    assertThat(delivery.deliverDue(2)).isEqualTo(1);
    assertThat(mailer.sent()).containsExactly(first, second, third);
  }

  @Test
  void oneRefusedMailDoesNotHoldBackTheOthers() {
    Mailer refusesOne =
        mail -> {
          if (mail.to().value().startsWith("bounce")) {
            throw new Mailer.MailDeliveryException("550 mailbox unavailable", null);
          }
          mailer.send(mail);
        };
    DeliverMailService picky = new DeliverMailService(outbox, refusesOne, clock, SETTINGS);
    outboundMail.enqueue(aMail("bounce@example.com"));
    outboundMail.enqueue(aMail("asha@example.com"));

    assertThat(picky.deliverDue(10)).isEqualTo(1);

    assertThat(mailer.sent()).extracting(m -> m.to().value()).containsExactly("asha@example.com");
    assertThat(outbox.pending())
        .singleElement()
        .satisfies(e -> assertThat(e.lastError()).isEqualTo("550 mailbox unavailable"));
  }

  @Test
  void stopsSendingWhenTheLeaseRunsOutMidBatch() {
    Mailer slow =
        mail -> {
          clock.advance(SETTINGS.lease());
          mailer.send(mail);
        };
    DeliverMailService slowDelivery = new DeliverMailService(outbox, slow, clock, SETTINGS);
    outboundMail.enqueue(aMail("first@example.com"));
    outboundMail.enqueue(aMail("second@example.com"));

    assertThat(slowDelivery.deliverDue(10)).isEqualTo(1);
    assertThat(mailer.sent()).hasSize(1);
    assertThat(outbox.pending())
        .as("left for the next claim, which may be another worker's")
        .singleElement()
        .satisfies(e -> assertThat(e.availableAt()).isBeforeOrEqualTo(clock.now()));

    assertThat(slowDelivery.deliverDue(10)).isEqualTo(1);
    assertThat(mailer.sent()).hasSize(2);
  }

  @Test
  void parksAMessageOfAnUnknownTopicWithAClearError() {
    outbox.enqueue(new Message(UUID.randomUUID(), "sms", Map.of("to", "+255"), clock.now(), 0));

    assertThat(delivery.deliverDue(10)).isZero();

    Entry entry = onlyEntry();
    assertThat(entry.lastError()).isEqualTo("no delivery for topic \"sms\"");
    assertThat(entry.availableAt()).isEqualTo(clock.now().plus(SETTINGS.maxRetry()));
    assertThat(entry.delivered()).isFalse();
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void parksAMalformedMailWithAClearError() {
    outbox.enqueue(
        new Message(
            UUID.randomUUID(),
            "mail",
            Map.of("to", "not an address", "subject", "s", "text", "t"),
            clock.now(),
            0));

    assertThat(delivery.deliverDue(10)).isZero();

    Entry entry = onlyEntry();
    assertThat(entry.lastError()).startsWith("malformed mail: ");
    assertThat(entry.availableAt()).isEqualTo(clock.now().plus(SETTINGS.maxRetry()));
  }

  @Test
  void aBugInTheMailerKeepsTheMailAndIsReported() {
    Mailer broken =
        mail -> {
          throw new IllegalStateException("template missing");
        };
    outboundMail.enqueue(aMail("asha@example.com"));

    assertThatThrownBy(() -> new DeliverMailService(outbox, broken, clock, SETTINGS).deliverDue(10))
        .isInstanceOf(IllegalStateException.class);

    Entry entry = onlyEntry();
    assertThat(entry.delivered()).isFalse();
    assertThat(entry.lastError()).isEqualTo("unexpected template missing");
    assertThat(entry.availableAt()).isEqualTo(clock.now().plus(SETTINGS.firstRetry()));
  }

  @Test
  void refusesNonsenseSettingsAndLimits() {
    assertThatThrownBy(() -> delivery.deliverDue(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Settings(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Settings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
