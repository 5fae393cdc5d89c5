package dev.duka.adapters.postgres.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.Outbox.Message;
import dev.duka.domain.testing.OutboxContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiOutboxIT extends OutboxContract {
  private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");

  private static PostgresDatabase database;
  private static JdbiOutbox outbox;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    outbox = new JdbiOutbox(database.jdbi());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected Outbox emptyOutbox() {
    database.jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));
    return outbox;
  }

  private static Message aMessage(Instant createdAt) {
    return new Message(UUID.randomUUID(), "mail", Map.of("to", "a@example.com"), createdAt, 0);
  }

  private static int rows() {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM outbox").mapTo(Integer.class).one());
  }

  @Test
  void aMessageEnqueuedInARolledBackTransactionIsGone() {
    emptyOutbox();
    JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      outbox.enqueue(aMessage(NOW));
                      assertThat(rows()).as("visible inside the transaction").isEqualTo(1);
                      throw new IllegalStateException("the registration failed after the mail");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(rows()).isZero();
    assertThat(outbox.claimDue(10, NOW, NOW.plusSeconds(60))).isEmpty();
  }

  @Test
  void aMessageEnqueuedInACommittedTransactionIsKept() {
    emptyOutbox();
    Message message = aMessage(NOW);

    new JdbiTransactions(database.jdbi()).run(() -> outbox.enqueue(message));

    assertThat(outbox.claimDue(10, NOW, NOW.plusSeconds(60)))
        .extracting(Message::id)
        .containsExactly(message.id());
  }

  @Test
  void aClaimInAnOpenTransactionNeitherBlocksNorSharesItsRows() throws Exception {
    emptyOutbox();
    Message first = aMessage(NOW);
    Message second = aMessage(NOW.plusSeconds(1));
    outbox.enqueue(first);
    outbox.enqueue(second);
    JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Instant later = NOW.plusSeconds(10);

    CompletableFuture<List<Message>> holder =
        CompletableFuture.supplyAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      List<Message> mine = outbox.claimDue(1, later, later.plusSeconds(60));
                      claimed.countDown();
                      await(release);
                      return mine;
                    }));
    try {
      assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
      // The first claim's rows stay locked until its transaction ends; a second claim that waited
      // for them would time out here instead of skipping to the next row.
      List<Message> other =
          CompletableFuture.supplyAsync(() -> outbox.claimDue(5, later, later.plusSeconds(60)))
              .get(10, TimeUnit.SECONDS);
      assertThat(other).extracting(Message::id).containsExactly(second.id());
    } finally {
      release.countDown();
    }
    assertThat(holder.get(30, TimeUnit.SECONDS))
        .extracting(Message::id)
        .containsExactly(first.id());
  }

  @Test
  void keepsTheLastErrorAndAttemptsForOperators() {
    emptyOutbox();
    Message message = aMessage(NOW);
    outbox.enqueue(message);
    outbox.claimDue(1, NOW, NOW.plusSeconds(60));

    outbox.markFailed(message.id(), "connect timed out", NOW.plus(Duration.ofMinutes(5)));

    Map<String, Object> row =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT attempts, last_error FROM outbox WHERE id = :id")
                        .bind("id", message.id())
                        .mapToMap()
                        .one());
    assertThat(row).containsEntry("attempts", 1).containsEntry("last_error", "connect timed out");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
