package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duka.adapters.postgres.order.JdbiOrderRepository;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.domain.cart.Cart;
import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.CartPricing;
import dev.duka.domain.cart.PriceBreakdown;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.money.Currencies;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import dev.duka.domain.money.ShippingPolicy;
import dev.duka.domain.money.TaxRate;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Orders end to end on real PostgreSQL, every exchange checked against the contract. */
class OrdersIT {
  static TestShop shop;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    shop =
        TestShop.start(
            Map.of(
                "TAX_RATE", "0.18", "SHIPPING_FLAT", "5000.00", "FREE_SHIPPING_OVER", "100000.00"));
    api = shop.api;
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  static String address() {
    return "{\"full_name\":\"Asha Mwinyi\",\"line1\":\"Plot 12, Samora Avenue\",\"city\":\"Dar es Salaam\","
        + "\"country\":\"TZ\",\"phone\":\"+255712345678\"}";
  }

  static String cart(Object... productAndQuantity) {
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < productAndQuantity.length; i += 2) {
      if (i > 0) {
        items.append(',');
      }
      items
          .append("{\"product_id\":\"")
          .append(productAndQuantity[i])
          .append("\",\"quantity\":")
          .append(productAndQuantity[i + 1])
          .append('}');
    }
    return items.append(']').toString();
  }

  static String order(String notes, Object... productAndQuantity) {
    return "{\"items\":"
        + cart(productAndQuantity)
        + ",\"shipping_address\":"
        + address()
        + (notes == null ? "" : ",\"notes\":\"" + notes + "\"")
        + "}";
  }

  @Test
  void theSummaryAddsUpAsTheDomainDoes() {
    ProductId tee = shop.product("19990.00", 10);
    ProductId mug = shop.product("7500.00", 10);

    JsonNode summary =
        api.post("/api/v1/orders/cart/summary", "{\"items\":" + cart(tee, 2, mug, 1, tee, 1) + "}")
            .json();

    PricingPolicy policy =
        new PricingPolicy(
            Currencies.parse("TZS"),
            TaxRate.parse("0.18"),
            ShippingPolicy.freeFrom(
                Money.parse("5000.00", Currencies.parse("TZS")),
                Money.parse("100000.00", Currencies.parse("TZS"))));
    PriceBreakdown expected =
        new CartPricing(policy)
            .price(
                new Cart(List.of(new CartLine(tee, 2), new CartLine(mug, 1), new CartLine(tee, 1))),
                new dev.duka.adapters.postgres.catalog.JdbiProductRepository(shop.db.jdbi())
                    .findForPricing(List.of(tee, mug)));
    assertThat(summary.path("subtotal").path("minor").asLong())
        .isEqualTo(expected.subtotal().minor());
    assertThat(summary.path("tax").path("minor").asLong()).isEqualTo(expected.tax().minor());
    assertThat(summary.path("shipping").path("amount").asText()).isEqualTo("5000.00");
    assertThat(summary.path("total").path("minor").asLong()).isEqualTo(expected.total().minor());
    assertThat(summary.path("total").path("amount").asText()).isEqualTo("84614.60");
    assertThat(summary.path("lines").size()).as("repeated lines merged").isEqualTo(2);
    assertThat(shop.stockOf(tee)).isEqualTo(10);
  }

  @Test
  void theSummaryListsEachProblemLine() {
    ProductId few = shop.product("1000.00", 1);
    String ghost = UUID.randomUUID().toString();

    JsonNode summary =
        api.withToken(shop.signIn(Role.USER))
            .post("/api/v1/orders/cart/summary", "{\"items\":" + cart(few, 3, ghost, 1) + "}")
            .json();

    assertThat(summary.path("problems").findValuesAsText("code"))
        .containsExactlyInAnyOrder("insufficient_stock", "unknown_product");
  }

  @Test
  void placesAnOrderAndReadsItBack() {
    ProductId tee = shop.product("19990.00", 10);
    String token = shop.signIn(Role.USER);
    ApiClient me = api.withToken(token);

    ApiResponse placed = me.post("/api/v1/orders", order("ring twice", tee, 2));
    assertThat(placed.status()).isEqualTo(201);
    JsonNode order = placed.json();
    assertThat(order.path("number").asText()).matches("DK-[0-9A-Z]{8}");
    assertThat(order.path("status").asText()).isEqualTo("pending");
    assertThat(order.path("items").get(0).path("unit_price").path("amount").asText())
        .isEqualTo("19990.00");
    assertThat(placed.header("Location")).contains("/api/v1/orders/" + order.path("id").asText());
    assertThat(shop.stockOf(tee)).isEqualTo(8);
    assertThat(shop.ledgerOf(tee)).isEqualTo(8);

    String id = order.path("id").asText();
    assertThat(me.get("/api/v1/orders/" + id).json().path("notes").asText())
        .isEqualTo("ring twice");
    assertThat(me.get("/api/v1/orders?status=pending").json().path("total").asLong()).isEqualTo(1);
    JsonNode history = me.get("/api/v1/orders/" + id + "/history").json();
    assertThat(history.path("items").get(0).path("to_status").asText()).isEqualTo("pending");
    assertThat(history.path("items").get(0).path("from_status").isNull()).isTrue();
  }

  @Test
  void anOrderWithOneShortLineWritesNothing() {
    ProductId plenty = shop.product("1000.00", 50);
    ProductId few = shop.product("1000.00", 1);
    Map<String, Long> before = counts();

    ApiResponse refused =
        api.withToken(shop.signIn(Role.USER))
            .post("/api/v1/orders", order(null, plenty, 5, few, 2));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("problems").findValuesAsText("product_id"))
        .containsExactly(few.toString());
    assertThat(counts()).isEqualTo(before);
    assertThat(shop.stockOf(plenty)).isEqualTo(50);
    assertThat(shop.stockOf(few)).isEqualTo(1);
  }

  private static Map<String, Long> counts() {
    return Map.of(
        "orders", shop.count("orders"),
        "order_items", shop.count("order_items"),
        "order_status_history", shop.count("order_status_history"),
        "stock_movements", shop.count("stock_movements"),
        "outbox", shop.count("outbox"));
  }

  @Test
  void fiftyConcurrentBuyersNeverOversellTen() throws Exception {
    ProductId limited = shop.product("5000.00", 10);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tokens.add(shop.signIn(Role.USER));
    }
    ExecutorService pool = Executors.newFixedThreadPool(25);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (String token : tokens) {
        Callable<Integer> buy =
            () ->
                api.withToken(token)
                    .responsesOnly()
                    .post("/api/v1/orders", order(null, limited, 1))
                    .status();
        results.add(pool.submit(buy));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
      assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
    assertThat(shop.stockOf(limited)).isZero();
    assertThat(shop.ledgerOf(limited)).isZero();
    long ordersOfProduct =
        shop.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM order_items WHERE product_id = :p")
                        .bind("p", limited.value())
                        .mapTo(Long.class)
                        .one());
    assertThat(ordersOfProduct).isEqualTo(10);
  }

  @Test
  void tenConcurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
    ProductId tee = shop.product("19990.00", 100);
    UserId customer = shop.account(Role.USER);
    ApiClient me =
        api.withToken(shop.signIn(customer))
            .withHeader("Idempotency-Key", "checkout-" + UUID.randomUUID());
    String body = order(null, tee, 3);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    Set<String> ids = new HashSet<>();
    try {
      List<Future<ApiResponse>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(pool.submit(() -> me.post("/api/v1/orders", body)));
      }
      for (Future<ApiResponse> result : results) {
        ApiResponse response = result.get(60, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(201);
        ids.add(response.json().path("id").asText());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids).hasSize(1);
    assertThat(shop.stockOf(tee)).isEqualTo(97);
    long orders =
        shop.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM orders WHERE user_id = :u")
                        .bind("u", customer.value())
                        .mapTo(Long.class)
                        .one());
    assertThat(orders).isEqualTo(1);

    ApiResponse other = me.responsesOnly().post("/api/v1/orders", order(null, tee, 4));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().path("detail").asText()).contains("Idempotency-Key");
  }

  @Test
  void refusesAnUnverifiedCustomer() {
    ProductId tee = shop.product("1000.00", 5);
    UserId unverified = new UserId(UUID.randomUUID());
    new dev.duka.adapters.postgres.user.JdbiUserRepository(shop.db.jdbi())
        .insert(
            dev.duka.domain.user.User.register(
                unverified,
                dev.duka.domain.user.Email.of(TestShop.emailOf(unverified)),
                "New",
                Role.USER,
                new dev.duka.domain.user.PasswordHash("x"),
                Instant.now()));

    ApiResponse refused =
        api.withToken(shop.signIn(unverified)).post("/api/v1/orders", order(null, tee, 1));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void refusesBadQuantitiesOnEveryRoute() {
    ProductId tee = shop.product("1000.00", 5);
    ApiClient me = api.withToken(shop.signIn(Role.USER)).responsesOnly();
    for (String quantity : List.of("0", "-1", "1000", "1.5", "\"1\"", "2147483648", "null")) {
      String items = "[{\"product_id\":\"" + tee + "\",\"quantity\":" + quantity + "}]";
      assertThat(me.post("/api/v1/orders/cart/summary", "{\"items\":" + items + "}").status())
          .as("summary with quantity %s", quantity)
          .isEqualTo(400);
      assertThat(
              me.post(
                      "/api/v1/orders",
                      "{\"items\":" + items + ",\"shipping_address\":" + address() + "}")
                  .status())
          .as("order with quantity %s", quantity)
          .isEqualTo(400);
    }
    assertThat(
            me.post(
                    "/api/v1/orders",
                    "{\"items\":"
                        + cart(tee, 1)
                        + ",\"shipping_address\":"
                        + address()
                        + ",\"total\":\"1.00\"}")
                .json()
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("total");
  }

  @Test
  void strangersSeeNoOrderAndCustomersMoveNoStatus() {
    ProductId tee = shop.product("1000.00", 5);
    ApiClient owner = api.withToken(shop.signIn(Role.USER));
    String id = owner.post("/api/v1/orders", order(null, tee, 1)).json().path("id").asText();
    ApiClient stranger = api.withToken(shop.signIn(Role.USER));

    assertThat(stranger.get("/api/v1/orders/" + id).status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/orders/" + id + "/history").status()).isEqualTo(404);
    assertThat(stranger.post("/api/v1/orders/" + id + "/cancel", "{}").status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/orders/not-a-uuid").status()).isEqualTo(404);
    assertThat(owner.patch("/api/v1/orders/" + id, "{\"status\":\"shipped\"}").status())
        .isEqualTo(403);
    assertThat(api.responsesOnly().get("/api/v1/orders/" + id).status()).isEqualTo(401);
  }

  @Test
  void administratorsMoveOrdersStrictlyByTheTable() {
    ProductId tee = shop.product("1000.00", 5);
    ApiClient owner = api.withToken(shop.signIn(Role.USER));
    JsonNode placed = owner.post("/api/v1/orders", order(null, tee, 1)).json();
    String id = placed.path("id").asText();
    ApiClient admin = api.withToken(shop.signIn(Role.ADMIN));

    ApiResponse illegal = admin.patch("/api/v1/orders/" + id, "{\"status\":\"delivered\"}");
    assertThat(illegal.status()).isEqualTo(409);
    assertThat(illegal.json().path("allowed_moves").toString()).contains("confirmed", "cancelled");

    ApiResponse stale =
        admin.patch(
            "/api/v1/orders/" + id,
            "{\"status\":\"cancelled\",\"version\":" + (placed.path("version").asLong() + 5) + "}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("code").asText()).isEqualTo("concurrent_update");

    JsonNode cancelled =
        admin
            .patch("/api/v1/orders/" + id, "{\"status\":\"cancelled\",\"reason\":\"no stock\"}")
            .json();
    assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
    assertThat(shop.stockOf(tee)).isEqualTo(5);
    assertThat(shop.ledgerOf(tee)).isEqualTo(5);
    assertThat(shop.count("audit_log")).isPositive();
  }

  @Test
  void customersCancelTheirPendingOrders() {
    ProductId tee = shop.product("1000.00", 5);
    ApiClient owner = api.withToken(shop.signIn(Role.USER));
    String id = owner.post("/api/v1/orders", order(null, tee, 2)).json().path("id").asText();

    assertThat(
            owner
                .patch("/api/v1/orders/" + id, "{\"notes\":\"leave at the gate\"}")
                .json()
                .path("notes")
                .asText())
        .isEqualTo("leave at the gate");
    ApiResponse cancelled =
        owner.post("/api/v1/orders/" + id + "/cancel", "{\"reason\":\"changed my mind\"}");
    assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
    assertThat(shop.stockOf(tee)).isEqualTo(5);
    assertThat(owner.post("/api/v1/orders/" + id + "/cancel", "{}").status()).isEqualTo(409);
  }

  @Test
  void exportsCsvWithFormulasNeutralised() {
    ProductId tee = shop.product("1000.00", 5);
    UserId customer = shop.account(Role.USER);
    api.withToken(shop.signIn(customer))
        .post("/api/v1/orders", order("=HYPERLINK(\\\"http://evil\\\"), \\\"quoted\\\"", tee, 1));

    ApiResponse csv =
        api.withToken(shop.signIn(Role.ADMIN))
            .get("/api/v1/admin/orders/export?user_id=" + customer);

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("number,created_at,customer_id,status");
    assertThat(lines[1]).endsWith(",\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\"");
    assertThat(lines[1])
        .as("a phone number is neutralised too: it starts with +")
        .contains(",'+255712345678,");
  }

  @Test
  void theSalesReportEqualsAHandComputation() {
    ProductId tee = shop.product("10000.00", 100);
    UserId customer = shop.account(Role.USER);
    JdbiOrderRepository orders = new JdbiOrderRepository(shop.db.jdbi());
    // Placed through the API, then dated and paid directly: three paid orders on two days,
    // one unpaid order that is not revenue.
    List<OrderId> ids = new ArrayList<>();
    for (int quantity : new int[] {1, 2, 3, 4}) {
      ids.add(
          OrderId.parse(
              api.withToken(shop.signIn(customer))
                  .post("/api/v1/orders", order(null, tee, quantity))
                  .json()
                  .path("id")
                  .asText()));
    }
    String[] days = {
      "2031-05-01T09:00:00Z", "2031-05-01T22:00:00Z", "2031-05-03T12:00:00Z", "2031-05-03T13:00:00Z"
    };
    for (int i = 0; i < ids.size(); i++) {
      OrderId id = ids.get(i);
      String day = days[i];
      shop.db
          .jdbi()
          .useHandle(
              (Handle h) ->
                  h.execute(
                      "UPDATE orders SET created_at = ?::timestamptz WHERE id = ?",
                      day,
                      id.value()));
      if (i < 3) {
        Order order = orders.findById(id).orElseThrow();
        order.recordPayment(PaymentStatus.PAID, Actor.system(), Instant.parse(day));
        orders.update(order);
      }
    }
    // totals: 1 × 10000 + 5000 shipping + 18% tax = 16800.00; 2 × = 28600.00; 3 × = 40400.00
    JsonNode report =
        api.withToken(shop.signIn(Role.ADMIN))
            .get("/api/v1/admin/reports/sales?from=2031-05-01&to=2031-05-03")
            .json();

    assertThat(report.path("days").size()).isEqualTo(3);
    assertThat(report.path("days").get(0).path("orders").asLong()).isEqualTo(2);
    assertThat(report.path("days").get(0).path("revenue").path("amount").asText())
        .isEqualTo("45400.00");
    assertThat(report.path("days").get(0).path("average_order_value").path("amount").asText())
        .isEqualTo("22700.00");
    assertThat(report.path("days").get(1).path("orders").asLong()).isZero();
    assertThat(report.path("days").get(2).path("revenue").path("amount").asText())
        .isEqualTo("40400.00");
    assertThat(report.path("total").path("orders").asLong()).isEqualTo(3);
    assertThat(report.path("total").path("revenue").path("amount").asText()).isEqualTo("85800.00");
    assertThat(report.path("total").path("average_order_value").path("amount").asText())
        .isEqualTo("28600.00");
  }

  @Test
  void administratorsFilterAllOrders() {
    ProductId tee = shop.product("1000.00", 5);
    UserId customer = shop.account(Role.USER);
    String number =
        api.withToken(shop.signIn(customer))
            .post("/api/v1/orders", order(null, tee, 1))
            .json()
            .path("number")
            .asText();
    ApiClient admin = api.withToken(shop.signIn(Role.ADMIN));

    assertThat(
            admin
                .get("/api/v1/admin/orders?number=" + number)
                .json()
                .path("items")
                .get(0)
                .path("number")
                .asText())
        .isEqualTo(number);
    assertThat(
            admin
                .get(
                    "/api/v1/admin/orders?user_id="
                        + customer
                        + "&status=pending&payment_status=pending")
                .json()
                .path("total")
                .asLong())
        .isEqualTo(1);
    assertThat(admin.responsesOnly().get("/api/v1/admin/orders?status=lost").status())
        .isEqualTo(400);
    assertThat(
            api.withToken(shop.signIn(customer))
                .responsesOnly()
                .get("/api/v1/admin/orders")
                .status())
        .isEqualTo(403);
  }

  @Test
  void withoutStripeCardPaymentsAre503AndManualPaymentsWork() {
    ProductId tee = shop.product("1000.00", 5);
    ApiClient owner = api.withToken(shop.signIn(Role.USER));
    String id = owner.post("/api/v1/orders", order(null, tee, 1)).json().path("id").asText();

    ApiResponse card = owner.post("/api/v1/orders/" + id + "/payment", "");
    assertThat(card.status()).isEqualTo(503);
    assertThat(card.json().path("code").asText()).isEqualTo("payment_unavailable");
    ApiResponse webhook =
        api.withHeader("Stripe-Signature", "t=1,v1=00").post("/api/v1/stripe/webhooks", "{}");
    assertThat(webhook.status()).isEqualTo(503);

    ApiResponse paid =
        api.withToken(shop.signIn(Role.ADMIN))
            .post("/api/v1/admin/orders/" + id + "/mark-paid", "");
    assertThat(paid.json().path("status").asText()).isEqualTo("confirmed");
  }
}
