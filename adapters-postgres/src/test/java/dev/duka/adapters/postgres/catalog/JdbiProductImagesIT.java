package dev.duka.adapters.postgres.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.testing.ProductImagesContract;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiProductImagesIT extends ProductImagesContract {
  private static PostgresDatabase database;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected CategoryRepository categories() {
    return new JdbiCategoryRepository(database.jdbi());
  }

  @Override
  protected ProductRepository products() {
    return new JdbiProductRepository(database.jdbi());
  }

  @Override
  protected ProductImageRepository images() {
    return new JdbiProductImageRepository(database.jdbi());
  }

  @Test
  void aContentLockWaitsForTheTransactionHoldingIt() throws Exception {
    JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                transactions.run(
                    () -> {
                      images().lockContent("abc-original.png");
                      held.countDown();
                      await(release);
                    }));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(
            () -> transactions.run(() -> images().lockContent("abc-original.png")));
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () -> transactions.run(() -> images().lockContent("def-original.png")));

    other.get(10, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(waiter).as("the same content waits").isNotDone();
    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    waiter.get(10, TimeUnit.SECONDS);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
