package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.bootstrap.config.Config;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection pool under abuse: every connection held by stuck requests gives a fast 503, not a
 * hang, and failing requests by the thousand give every connection back.
 */
class PoolExhaustionIT {
  static TestShop shop;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    shop = TestShop.start(Map.of());
    api = shop.api;
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  /**
   * The connections to the shop's database, the server's and the scene's (at most 8), by what they
   * are doing.
   */
  private static Map<String, Long> serverConnections() {
    return shop.db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT coalesce(state, '?') AS state, count(*) AS n FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND backend_type = 'client backend' GROUP BY state")
                    .reduceRows(
                        new java.util.TreeMap<String, Long>(),
                        (map, row) -> {
                          map.put(
                              row.getColumn("state", String.class), row.getColumn("n", Long.class));
                          return map;
                        }));
  }

  @Test
  void withEveryConnectionHeldANewRequestGetsA503InsteadOfWaiting() throws Exception {
    ProductId product = shop.product("1000.00", 5);
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<ApiResponse>> held = new ArrayList<>();
    // a lock the scene holds makes every read of products wait, each on a pool connection
    Handle locker = shop.db.jdbi().open();
    try {
      locker.begin();
      locker.execute("LOCK TABLE products IN ACCESS EXCLUSIVE MODE");
      // the pool grows lazily: requests that find it still growing give up, so send more
      Instant deadline = Instant.now().plusSeconds(60);
      while (TestShop.sessionsWaitingOnLocks(shop.db) < Config.DEFAULT_DATABASE_POOL_SIZE) {
        assertThat(Instant.now()).as("the requests hold every connection").isBefore(deadline);
        long running = held.stream().filter(f -> !f.isDone()).count();
        for (long i = running; i < Config.DEFAULT_DATABASE_POOL_SIZE + 4; i++) {
          held.add(pool.submit(() -> api.unchecked().get("/api/v1/products/" + product)));
        }
        Thread.sleep(200);
      }

      Instant asked = Instant.now();
      ApiResponse refused = api.get("/api/v1/products/" + product);
      Duration took = Duration.between(asked, Instant.now());

      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.header("Retry-After")).isPresent();
      assertThat(took).as("refused, not queued forever").isLessThan(Duration.ofSeconds(2));
    } finally {
      locker.rollback();
      locker.close();
    }
    for (Future<ApiResponse> request : held) {
      assertThat(request.get(30, TimeUnit.SECONDS).status()).isIn(200, 503);
    }
    pool.shutdownNow();
    assertThat(api.get("/api/v1/products/" + product).status())
        .as("served again once the connections are back")
        .isEqualTo(200);
  }

  @Test
  void aThousandFailingRequestsLeaveNoConnectionBehind() throws Exception {
    ProductId scarce = shop.product("1000.00", 0);
    String token = shop.signIn(Role.USER);
    ApiClient customer = api.withToken(token).responsesOnly();
    String order = OrdersIT.order(null, scarce, 1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        int kind = i % 4;
        answers.add(
            pool.submit(
                () ->
                    switch (kind) {
                      // rolled back inside a transaction: out of stock
                      case 0 -> customer.post("/api/v1/orders", order).status();
                      // refused before the database
                      case 1 -> customer.post("/api/v1/orders", "{\"items\":").status();
                      // a database read that finds nothing
                      case 2 ->
                          customer.get("/api/v1/orders/" + java.util.UUID.randomUUID()).status();
                      // a bad token
                      default ->
                          api.responsesOnly().withToken("x.y.z").get("/api/v1/orders").status();
                    }));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(120, TimeUnit.SECONDS)).isBetween(400, 499);
      }
    } finally {
      pool.shutdownNow();
    }
    Instant deadline = Instant.now().plusSeconds(10);
    Map<String, Long> connections = serverConnections();
    while (connections.keySet().stream().anyMatch(s -> !s.equals("idle"))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      connections = serverConnections();
    }
    assertThat(connections.keySet())
        .as("nothing active or idle in a transaction")
        .containsOnly("idle");
    assertThat(connections.get("idle")).isLessThanOrEqualTo(Config.DEFAULT_DATABASE_POOL_SIZE + 8L);
    // every connection can still be taken at once
    ExecutorService wide = Executors.newFixedThreadPool(Config.DEFAULT_DATABASE_POOL_SIZE);
    try {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < Config.DEFAULT_DATABASE_POOL_SIZE * 2; i++) {
        all.add(wide.submit(() -> customer.post("/api/v1/orders", order).status()));
      }
      for (Future<Integer> answer : all) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(409);
      }
    } finally {
      wide.shutdownNow();
    }
  }
}
