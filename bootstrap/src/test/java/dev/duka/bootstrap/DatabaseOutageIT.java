package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.EmbeddedPostgresServer;
import dev.duka.adapters.postgres.EmbeddedPostgresServer.Durability;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost database answers fast with 503 and Retry-After, and the service recovers by itself when
 * the database returns, with no order half-written by the requests the outage cut. Runs its own
 * PostgreSQL, since it stops it.
 */
class DatabaseOutageIT {
  private static final int STOCK = 10_000;

  @TempDir Path dir;

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
    Path pgDir = dir.resolve("pg");
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgDir, 0, Durability.FAST);
    int pgPort = postgres.port();
    ExecutorService buyers = Executors.newFixedThreadPool(4);
    AtomicBoolean buying = new AtomicBoolean(true);
    try (TestShop shop = TestShop.start(postgres.target(), Map.of())) {
      ApiClient api = shop.api;
      assertThat(api.get("/health").status()).isEqualTo(200);
      ProductId tee = shop.product("1000.00", STOCK);
      ProductId mug = shop.product("500.00", STOCK);
      String order = OrdersIT.order(null, tee, 1, mug, 2);
      ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String token = shop.signIn(Role.USER);
        running.add(
            buyers.submit(
                () -> {
                  ApiClient customer = api.withToken(token).unchecked();
                  while (buying.get()) {
                    ApiResponse placed = customer.post("/api/v1/orders", order);
                    if (placed.status() != 201) {
                      answers.add(placed.status() + " " + placed.contentType());
                    }
                  }
                  return null;
                }));
      }
      Thread.sleep(500);

      postgres.close();
      Instant asked = Instant.now();
      ApiResponse down = api.get("/health");
      Duration took = Duration.between(asked, Instant.now());
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().path("database").path("status").asText()).isEqualTo("down");
      assertThat(down.header("Retry-After")).contains("2");
      assertThat(took).as("a lost database answers fast").isLessThan(Duration.ofSeconds(2));
      assertThat(api.get("/ready").status()).isEqualTo(503);
      List<String> slow = new ArrayList<>();
      for (String path :
          List.of("/api/v1/products/" + tee, "/api/v1/products", "/api/v1/brands", "/health")) {
        asked = Instant.now();
        ApiResponse refused = api.get(path);
        took = Duration.between(asked, Instant.now());
        assertThat(refused.status()).as(path).isEqualTo(503);
        assertThat(refused.contentType())
            .startsWith(path.equals("/health") ? "application/json" : "application/problem+json");
        assertThat(refused.header("Retry-After")).as(path).contains("2");
        if (took.compareTo(Duration.ofSeconds(2)) >= 0) {
          slow.add(path + " took " + took);
        }
      }
      assertThat(slow).as("answered within 2 s").isEmpty();

      postgres = EmbeddedPostgresServer.start(pgDir, pgPort, Durability.FAST);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 200) {
        status = api.get("/health").status();
        Thread.sleep(100);
      }
      assertThat(status).as("recovered without a restart").isEqualTo(200);
      buying.set(false);
      for (Future<?> buyer : running) {
        buyer.get(30, TimeUnit.SECONDS);
      }
      assertThat(answers).as("the outage was seen").isNotEmpty();
      assertThat(answers).allMatch(a -> a.startsWith("503 application/problem+json"));
      assertThat(shop.api.withToken(shop.signIn(Role.USER)).post("/api/v1/orders", order).status())
          .isEqualTo(201);
      assertNoOrderHalfWritten(shop, tee, mug);
    } finally {
      buying.set(false);
      buyers.shutdownNow();
      postgres.close();
    }
  }

  /** Every order has both its lines, and the stock taken is exactly what the orders hold. */
  private static void assertNoOrderHalfWritten(TestShop shop, ProductId tee, ProductId mug) {
    long orders = shop.count("orders");
    assertThat(orders).isPositive();
    long withoutBothLines =
        shop.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_items i"
                                + " WHERE i.order_id = o.id) <> 2")
                        .mapTo(Long.class)
                        .one());
    assertThat(withoutBothLines).isZero();
    assertThat(shop.stockOf(tee)).isEqualTo(STOCK - orders);
    assertThat(shop.stockOf(mug)).isEqualTo(STOCK - 2 * orders);
    assertThat(shop.ledgerOf(tee)).isEqualTo(shop.stockOf(tee));
    assertThat(shop.ledgerOf(mug)).isEqualTo(shop.stockOf(mug));
  }
}
