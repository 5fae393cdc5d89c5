package dev.duka.adapters.postgres.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.StoredFixtures;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.port.out.IdempotencyStore;
import dev.duka.domain.port.out.IdempotencyStore.Claim;
import dev.duka.domain.port.out.IdempotencyStore.StoredResponse;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.testing.IdempotencyStoreContract;
import dev.duka.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiIdempotencyStoreIT extends IdempotencyStoreContract {
  private static PostgresDatabase database;
  private static StoredFixtures stored;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    stored = new StoredFixtures(database);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected IdempotencyStore store() {
    return new JdbiIdempotencyStore(database.jdbi());
  }

  @Override
  protected Transactions transactions() {
    return new JdbiTransactions(database.jdbi());
  }

  @Override
  protected UserId aUser() {
    return stored.aCustomer();
  }

  @Test
  void aConcurrentClaimWaitsForTheFirstAndReplaysItsOutcome() throws Exception {
    UserId user = aUser();
    Instant now = FixedClock.DEFAULT_START;
    CountDownLatch claimed = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                transactions()
                    .run(
                        () -> {
                          assertThat(store().claim(user, "k", "f", now))
                              .isInstanceOf(Claim.Acquired.class);
                          claimed.countDown();
                          sleep(Duration.ofMillis(500));
                          store().complete(user, "k", new StoredResponse(201, "order-1"), now);
                        }));
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    Claim second = transactions().inTransaction(() -> store().claim(user, "k", "f", now));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;

    first.get(10, TimeUnit.SECONDS);
    assertThat(second).isEqualTo(new Claim.Replay(new StoredResponse(201, "order-1")));
    assertThat(waitedMillis).as("the second claim waited for the first").isGreaterThan(200);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
