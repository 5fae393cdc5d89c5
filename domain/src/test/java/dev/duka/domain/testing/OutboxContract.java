package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.Outbox.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} promises. Claims see every due message, so each test starts from an
 * empty outbox. Times are whole seconds, which every store keeps exactly.
 */
public abstract class OutboxContract {
  private static final Instant T = Instant.parse("2026-01-15T09:30:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  private Outbox outbox;

  /** An outbox with no messages in it; called before each test. */
  protected abstract Outbox emptyOutbox();

  @BeforeEach
  void empty() {
    outbox = emptyOutbox();
  }

  private static Message aMessage(Instant createdAt) {
    return new Message(
        UUID.randomUUID(),
        "mail",
        Map.of("to", "asha@example.com", "subject", "Karibu", "text", "Hello"),
        createdAt,
        0);
  }

  private Message enqueued(Instant createdAt) {
    Message message = aMessage(createdAt);
    outbox.enqueue(message);
    return message;
  }

  private List<Message> claim(Instant now) {
    return outbox.claimDue(10, now, now.plus(LEASE));
  }

  private static List<UUID> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }

  @Test
  void claimsAnEnqueuedMessageOnceItIsDue() {
    Message message = enqueued(T);

    List<Message> claimed = claim(T);

    assertThat(claimed).singleElement().isEqualTo(withAttempts(message, 1));
  }

  @Test
  void doesNotHandOutAMessageBeforeItsTime() {
    Message message = enqueued(T.plusSeconds(60));

    assertThat(claim(T)).isEmpty();
    assertThat(claim(T.plusSeconds(59))).isEmpty();
    assertThat(ids(claim(T.plusSeconds(60)))).containsExactly(message.id());
  }

  @Test
  void aLeaseHidesAClaimedMessageUntilItEnds() {
    Message message = enqueued(T);
    claim(T);

    assertThat(claim(T.plusSeconds(1))).as("leased to the first caller").isEmpty();
    assertThat(claim(T.plus(LEASE).minusSeconds(1))).isEmpty();
    assertThat(claim(T.plus(LEASE)))
        .as("back once the lease ran out, as if its worker died")
        .singleElement()
        .isEqualTo(withAttempts(message, 2));
  }

  @Test
  void aDeliveredMessageIsNeverHandedOutAgain() {
    Message message = enqueued(T);
    claim(T);

    outbox.markDelivered(message.id(), T.plusSeconds(1));
    outbox.markFailed(message.id(), "a late failure report", T.plusSeconds(2));
    outbox.markDelivered(message.id(), T.plusSeconds(3));

    assertThat(claim(T.plus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void aFailedMessageComesBackAtItsRetryTimeWithAGrowingAttemptCount() {
    Message message = enqueued(T);
    assertThat(claim(T)).singleElement().extracting(Message::attempts).isEqualTo(1);

    Instant retryAt = T.plus(Duration.ofMinutes(10));
    outbox.markFailed(message.id(), "421 try again later", retryAt);

    assertThat(claim(T.plus(LEASE))).as("the retry time outlasts the lease").isEmpty();
    assertThat(claim(retryAt.minusSeconds(1))).isEmpty();
    List<Message> again = claim(retryAt);
    assertThat(again).singleElement().isEqualTo(withAttempts(message, 2));

    outbox.markFailed(message.id(), "still down", retryAt.plusSeconds(5));
    assertThat(claim(retryAt.plusSeconds(5)))
        .as("a retry time before the lease's end makes it due sooner")
        .singleElement()
        .extracting(Message::attempts)
        .isEqualTo(3);
  }

  @Test
  void claimsAtMostTheLimitOldestDueFirst() {
    Message third = enqueued(T.plusSeconds(2));
    Message first = enqueued(T);
    Message second = enqueued(T.plusSeconds(1));
    Instant now = T.plusSeconds(10);

    assertThat(ids(outbox.claimDue(2, now, now.plus(LEASE))))
        .containsExactly(first.id(), second.id());
    assertThat(ids(outbox.claimDue(2, now, now.plus(LEASE)))).containsExactly(third.id());
    assertThat(outbox.claimDue(2, now, now.plus(LEASE))).isEmpty();
  }

  @Test
  void aRetriedMessageQueuesBehindMessagesDueBeforeIt() {
    Message retried = enqueued(T);
    claim(T);
    outbox.markFailed(retried.id(), "timeout", T.plusSeconds(30));
    Message fresh = enqueued(T.plusSeconds(20));

    assertThat(ids(claim(T.plusSeconds(30)))).containsExactly(fresh.id(), retried.id());
  }

  @Test
  void keepsThePayloadExactly() {
    Map<String, String> payload =
        Map.of(
            "to", "ñandú@example.com",
            "subject", "Karibu Duka — ñ 🛒",
            "text", "Line one\r\nLine \"two\" \\ {not: json}\n\tKaribu sana, e\u0301 ≠ é, مرحبا",
            "empty", "",
            "ключ", "значение");
    Message message = new Message(UUID.randomUUID(), "mail", payload, T, 0);
    Message bare = new Message(UUID.randomUUID(), "ping", Map.of(), T.plusSeconds(1), 0);
    outbox.enqueue(message);
    outbox.enqueue(bare);

    List<Message> claimed = claim(T.plusSeconds(1));

    assertThat(claimed).hasSize(2);
    assertThat(claimed.get(0).payload()).isEqualTo(payload);
    assertThat(claimed.get(0).topic()).isEqualTo("mail");
    assertThat(claimed.get(1).payload()).isEmpty();
    assertThat(claimed.get(1).topic()).isEqualTo("ping");
  }

  @Test
  void refusesAMessageEnqueuedTwice() {
    Message message = enqueued(T);

    assertThatThrownBy(() -> outbox.enqueue(message)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesAClaimWithoutALimitOrALease() {
    assertThatThrownBy(() -> outbox.claimDue(0, T, T.plus(LEASE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> outbox.claimDue(1, T, T)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsAboutUnknownMessagesChangeNothing() {
    Message message = enqueued(T);

    assertThatCode(
            () -> {
              outbox.markDelivered(UUID.randomUUID(), T);
              outbox.markFailed(UUID.randomUUID(), "who?", T.plusSeconds(60));
            })
        .doesNotThrowAnyException();
    assertThat(ids(claim(T))).containsExactly(message.id());
  }

  @Test
  void neverHandsOneMessageToTwoConcurrentClaimers() throws Exception {
    Set<UUID> enqueued = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      enqueued.add(enqueued(T.plusSeconds(i % 7)).id());
    }
    Instant now = T.plusSeconds(10);
    int workers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<UUID>>> results = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<UUID> mine = new ArrayList<>();
                  for (List<Message> batch = outbox.claimDue(3, now, now.plus(LEASE));
                      !batch.isEmpty();
                      batch = outbox.claimDue(3, now, now.plus(LEASE))) {
                    mine.addAll(ids(batch));
                  }
                  return mine;
                }));
      }
      start.countDown();
      List<UUID> claimed = new ArrayList<>();
      for (Future<List<UUID>> result : results) {
        claimed.addAll(result.get(60, TimeUnit.SECONDS));
      }
      assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(enqueued);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Message withAttempts(Message message, int attempts) {
    return new Message(
        message.id(), message.topic(), message.payload(), message.createdAt(), attempts);
  }
}
