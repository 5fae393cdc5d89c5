package dev.duka.bootstrap;

import static dev.duka.bootstrap.OrdersIT.address;
import static dev.duka.bootstrap.OrdersIT.cart;
import static dev.duka.bootstrap.OrdersIT.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the rules rather than the syntax: prices, totals and statuses a client makes up, carts
 * that split one product over lines, orders crossing each other's locks, and a failure in the
 * middle of placing an order. (A tampered success page is {@code
 * PaymentsIT#aTamperedSuccessPageFulfilsNothing}; overselling under concurrency is {@code
 * OrdersIT#fiftyConcurrentBuyersNeverOversellTen}.)
 */
class BusinessAttacksIT {
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

  @Test
  void pricesTotalsCurrenciesDiscountsAndStatusesFromTheClientAreRefusedAndNeverUsed() {
    ProductId tee = shop.product("1000.00", 10);
    ApiClient customer = api.withToken(shop.signIn(Role.USER)).responsesOnly();
    String line = "{\"product_id\":\"" + tee + "\",\"quantity\":1";
    List<String> bodies =
        List.of(
            "{\"items\":["
                + line
                + ",\"unit_price\":\"1.00\"}],\"shipping_address\":"
                + address()
                + "}",
            "{\"items\":[" + line + ",\"price\":\"1.00\"}],\"shipping_address\":" + address() + "}",
            "{\"items\":["
                + line
                + ",\"currency\":\"USD\"}],\"shipping_address\":"
                + address()
                + "}",
            "{\"items\":"
                + cart(tee, 1)
                + ",\"shipping_address\":"
                + address()
                + ",\"total\":\"1.00\"}",
            "{\"items\":"
                + cart(tee, 1)
                + ",\"shipping_address\":"
                + address()
                + ",\"subtotal\":\"1.00\"}",
            "{\"items\":"
                + cart(tee, 1)
                + ",\"shipping_address\":"
                + address()
                + ",\"currency\":\"USD\"}",
            "{\"items\":"
                + cart(tee, 1)
                + ",\"shipping_address\":"
                + address()
                + ",\"discount\":\"999.00\"}",
            "{\"items\":"
                + cart(tee, 1)
                + ",\"shipping_address\":"
                + address()
                + ",\"status\":\"delivered\"}",
            "{\"items\":"
                + cart(tee, 1)
                + ",\"shipping_address\":"
                + address()
                + ",\"payment_status\":\"paid\"}");
    Map<String, String> before = shop.checksum();
    for (String body : bodies) {
      ApiResponse refused = customer.post("/api/v1/orders", body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.json().path("errors").size()).as(body).isPositive();
      assertThat(customer.post("/api/v1/orders/cart/summary", body).status())
          .as(body)
          .isEqualTo(400);
    }
    assertThat(shop.checksum()).isEqualTo(before);

    JsonNode placed = customer.post("/api/v1/orders", order(null, tee, 2)).json();
    assertThat(placed.path("subtotal").path("amount").asText()).isEqualTo("2000.00");
    assertThat(placed.path("subtotal").path("currency").asText()).isEqualTo("TZS");
    assertThat(placed.path("discount").path("minor").asLong()).isZero();
    assertThat(placed.path("status").asText()).isEqualTo("pending");
    assertThat(placed.path("payment_status").asText()).isEqualTo("pending");
  }

  @Test
  void aCustomerMovesNoStatusAndMarksNoPayment() {
    ProductId tee = shop.product("1000.00", 10);
    ApiClient owner = api.withToken(shop.signIn(Role.USER)).responsesOnly();
    String id = owner.post("/api/v1/orders", order(null, tee, 1)).json().path("id").asText();

    for (String change :
        List.of(
            "{\"status\":\"confirmed\"}",
            "{\"status\":\"shipped\"}",
            "{\"tracking_number\":\"X1\"}",
            "{\"carrier\":\"DHL\"}")) {
      assertThat(owner.patch("/api/v1/orders/" + id, change).status()).as(change).isEqualTo(403);
    }
    assertThat(owner.patch("/api/v1/orders/" + id, "{\"payment_status\":\"paid\"}").status())
        .isEqualTo(400);
    assertThat(owner.post("/api/v1/admin/orders/" + id + "/mark-paid", "").status()).isEqualTo(403);
    assertThat(
            owner.post("/api/v1/admin/orders/" + id + "/refund", "{\"reason\":\"mine\"}").status())
        .isEqualTo(403);

    JsonNode after = owner.get("/api/v1/orders/" + id).json();
    assertThat(after.path("status").asText()).isEqualTo("pending");
    assertThat(after.path("payment_status").asText()).isEqualTo("pending");
    assertThat(after.path("tracking_number").isNull()).isTrue();
  }

  @Test
  void twoLinesOfOneProductAreCountedTogetherAgainstTheStock() {
    ProductId tee = shop.product("1000.00", 3);
    ApiClient customer = api.withToken(shop.signIn(Role.USER));
    Map<String, String> before = shop.checksum();

    ApiResponse tooMany =
        customer.responsesOnly().post("/api/v1/orders", order(null, tee, 2, tee, 2));
    assertThat(tooMany.status()).as(tooMany.toString()).isIn(400, 409);
    assertThat(shop.checksum()).isEqualTo(before);
    assertThat(shop.stockOf(tee)).isEqualTo(3);

    JsonNode summary =
        customer
            .post("/api/v1/orders/cart/summary", "{\"items\":" + cart(tee, 2, tee, 2) + "}")
            .json();
    assertThat(summary.path("problems").size()).as(summary.toString()).isPositive();

    ApiResponse exactly = customer.post("/api/v1/orders", order(null, tee, 1, tee, 2));
    assertThat(exactly.status()).as(exactly.toString()).isEqualTo(201);
    assertThat(shop.stockOf(tee)).isZero();
    assertThat(shop.ledgerOf(tee)).isZero();
  }

  @Test
  void ordersCrossingTheSameProductsInOppositeOrderNeverDeadlock() throws Exception {
    ProductId a = shop.product("1000.00", 1000);
    ProductId b = shop.product("2000.00", 1000);
    int buyers = 24;
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      tokens.add(shop.signIn(Role.USER));
    }
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ApiResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < buyers; i++) {
        String token = tokens.get(i);
        String body = i % 2 == 0 ? order(null, a, 1, b, 1) : order(null, b, 1, a, 1);
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  List<ApiResponse> mine = new ArrayList<>();
                  for (int n = 0; n < 3; n++) {
                    mine.add(api.withToken(token).post("/api/v1/orders", body));
                  }
                  return mine.stream()
                      .filter(r -> r.status() != 201)
                      .findFirst()
                      .orElse(mine.get(0));
                }));
      }
      go.countDown();
      for (Future<ApiResponse> answer : answers) {
        ApiResponse response = answer.get(120, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(shop.stockOf(a)).isEqualTo(1000 - buyers * 3);
    assertThat(shop.stockOf(b)).isEqualTo(1000 - buyers * 3);
    assertThat(shop.ledgerOf(a)).isEqualTo(shop.stockOf(a));
  }

  @Test
  void aFailureAfterTheStockIsTakenLeavesTheStockAndTheOrdersAsTheyWere() {
    ProductId tee = shop.product("1000.00", 5);
    ProductId mug = shop.product("500.00", 5);
    // a 500 is no answer the contract lists: this one is the injected fault's
    ApiClient customer = api.withToken(shop.signIn(Role.USER)).unchecked();
    // the order's mail is written after its rows and its stock: fail that write
    shop.db
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;"
                        + " CREATE TRIGGER injected_failure BEFORE INSERT ON outbox"
                        + " FOR EACH ROW EXECUTE FUNCTION injected_failure()"));
    Map<String, String> before;
    ApiResponse failed;
    try {
      before = shop.checksum();
      failed = customer.post("/api/v1/orders", order(null, tee, 2, mug, 3));
    } finally {
      shop.db
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "DROP TRIGGER injected_failure ON outbox; DROP FUNCTION injected_failure()"));
    }
    assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
    assertThat(failed.contentType()).startsWith("application/problem+json");
    assertThat(failed.body()).doesNotContain("injected");
    assertThat(shop.checksum()).isEqualTo(before);
    assertThat(shop.stockOf(tee)).isEqualTo(5);
    assertThat(shop.stockOf(mug)).isEqualTo(5);

    assertThat(customer.post("/api/v1/orders", order(null, tee, 2, mug, 3)).status())
        .as("the same order once the fault is gone")
        .isEqualTo(201);
    assertThat(shop.stockOf(tee)).isEqualTo(3);
  }
}
