package dev.duka.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.port.out.Mailer.Mail;
import dev.duka.domain.port.out.Outbox.Message;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.testing.InMemoryOutbox;
import dev.duka.domain.testing.SequentialIdGenerator;
import dev.duka.domain.user.Email;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboundMailTest {
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final FixedClock clock = new FixedClock();
  private final OutboundMail outboundMail =
      new OutboundMail(outbox, new SequentialIdGenerator(), clock);
  private final Mail mail = new Mail(Email.of("asha@example.com"), "Karibu Duka — ñ", "Habari!");

  @Test
  void carriesTheMailAsAFlatMessageDueNow() {
    Message message = outboundMail.message(mail);

    assertThat(message.id()).isEqualTo(new UUID(0, 1));
    assertThat(message.topic()).isEqualTo("mail");
    assertThat(message.payload())
        .isEqualTo(
            Map.of("to", "asha@example.com", "subject", "Karibu Duka — ñ", "text", "Habari!"));
    assertThat(message.createdAt()).isEqualTo(clock.now());
    assertThat(message.attempts()).isZero();
  }

  @Test
  void readsTheMailBackFromItsMessage() {
    assertThat(OutboundMail.mailOf(outboundMail.message(mail))).isEqualTo(mail);
  }

  @Test
  void enqueuesInsteadOfSending() {
    outboundMail.enqueue(mail);

    assertThat(outbox.pending())
        .singleElement()
        .satisfies(entry -> assertThat(OutboundMail.mailOf(entry.message())).isEqualTo(mail));
  }

  @Test
  void refusesAMessageWithoutAllItsFields() {
    Message noSubject =
        new Message(
            UUID.randomUUID(), "mail", Map.of("to", "a@example.com", "text", "x"), clock.now(), 0);

    assertThatThrownBy(() -> OutboundMail.mailOf(noSubject))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject");
  }
}
