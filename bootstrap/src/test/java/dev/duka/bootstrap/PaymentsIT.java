package dev.duka.bootstrap;

import static dev.duka.bootstrap.OrdersIT.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Role;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments end to end: the real server, real PostgreSQL, stripe-java talking to a local server that
 * speaks Stripe's wire format, webhooks signed as Stripe signs them.
 */
class PaymentsIT {
  static FakeStripe stripe;
  static TestShop shop;
  static ApiClient api;
  static URI webhookUrl;

  @BeforeAll
  static void start() throws Exception {
    stripe = FakeStripe.start();
    Map<String, String> settings = new HashMap<>(TestShop.paymentsThrough(stripe));
    settings.put("TAX_RATE", "0.18");
    settings.put("SHIPPING_FLAT", "5000.00");
    settings.put("FRONTEND_URL", "https://shop.test");
    shop = TestShop.start(settings);
    api = shop.api;
    webhookUrl = URI.create("http://127.0.0.1:" + shop.app.port() + "/api/v1/stripe/webhooks");
  }

  @AfterAll
  static void stop() {
    shop.close();
    stripe.close();
  }

  record Placed(ApiClient customer, String orderId, String total) {}

  static Placed placed() {
    ProductId tee = shop.product("10000.00", 100);
    ApiClient customer = api.withToken(shop.signIn(Role.USER));
    JsonNode order = customer.post("/api/v1/orders", order(null, tee, 1)).json();
    return new Placed(
        customer, order.path("id").asText(), order.path("total").path("amount").asText());
  }

  static String checkout(Placed placed) {
    ApiResponse session =
        placed.customer().post("/api/v1/orders/" + placed.orderId() + "/payment", "");
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    return session.json().path("session_id").asText();
  }

  static ApiResponse deliver(FakeStripe.Delivery delivery) {
    return api.withHeader("Stripe-Signature", delivery.signatureHeader())
        .post("/api/v1/stripe/webhooks", delivery.body());
  }

  static JsonNode orderOf(Placed placed) {
    return placed.customer().get("/api/v1/orders/" + placed.orderId()).json();
  }

  static long confirmations(Placed placed) {
    JsonNode history =
        placed.customer().get("/api/v1/orders/" + placed.orderId() + "/history").json();
    List<String> moves = new ArrayList<>();
    history.path("items").forEach(e -> moves.add(e.path("to_status").asText()));
    return moves.stream().filter("confirmed"::equals).count();
  }

  @Test
  void orderSessionWebhookPaid() {
    Placed placed = placed();
    String session = checkout(placed);

    var sent =
        stripe.requests("POST", "/v1/checkout/sessions").stream()
            .filter(r -> r.param("client_reference_id").orElse("").equals(placed.orderId()))
            .findFirst()
            .orElseThrow();
    assertThat(sent.param("success_url").orElseThrow())
        .startsWith("https://shop.test/checkout/success");
    assertThat(sent.idempotencyKey().orElseThrow()).startsWith("duka-checkout-" + placed.orderId());
    assertThat(
            placed
                .customer()
                .post(
                    "/api/v1/stripe/create-checkout-session",
                    "{\"order_id\":\"" + placed.orderId() + "\"}")
                .json()
                .path("session_id")
                .asText())
        .as("one open session per order")
        .isEqualTo(session);

    stripe.complete(session);
    assertThat(deliver(stripe.checkoutCompleted(session)).status()).isEqualTo(200);

    JsonNode order = orderOf(placed);
    assertThat(order.path("status").asText()).isEqualTo("confirmed");
    assertThat(order.path("payment_status").asText()).isEqualTo("paid");
    JsonNode payments =
        placed.customer().get("/api/v1/payments?order_id=" + placed.orderId()).json();
    assertThat(payments.path("items")).hasSize(1);
    assertThat(payments.path("items").get(0).path("status").asText()).isEqualTo("paid");
    assertThat(payments.path("items").get(0).path("amount").path("amount").asText())
        .isEqualTo(placed.total());
    String paymentId = payments.path("items").get(0).path("id").asText();
    assertThat(
            placed
                .customer()
                .get("/api/v1/payments/" + paymentId)
                .json()
                .path("session_id")
                .asText())
        .isEqualTo(session);
    assertThat(
            placed
                .customer()
                .get("/api/v1/stripe/status/" + session)
                .json()
                .path("status")
                .asText())
        .isEqualTo("paid");
  }

  @Test
  void verifyAndWebhookRacingMarkItPaidOnce() throws Exception {
    Placed placed = placed();
    String session = checkout(placed);
    stripe.complete(session);
    FakeStripe.Delivery completed = stripe.checkoutCompleted(session);

    List<CompletableFuture<Integer>> racers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racers.add(
          CompletableFuture.supplyAsync(
              () -> placed.customer().get("/api/v1/stripe/verify/" + session).status()));
      racers.add(CompletableFuture.supplyAsync(() -> deliver(completed).status()));
    }
    for (CompletableFuture<Integer> racer : racers) {
      assertThat(racer.get()).isEqualTo(200);
    }

    assertThat(orderOf(placed).path("status").asText()).isEqualTo("confirmed");
    assertThat(confirmations(placed)).isEqualTo(1);
    assertThat(
            placed
                .customer()
                .get("/api/v1/payments?order_id=" + placed.orderId())
                .json()
                .path("items"))
        .hasSize(1);
  }

  @Test
  void aDuplicatedWebhookIsAppliedOnceAndAStaleOneIsRefused() {
    Placed placed = placed();
    String session = checkout(placed);
    stripe.complete(session);
    FakeStripe.Delivery completed = stripe.checkoutCompleted(session);

    assertThat(deliver(completed).status()).isEqualTo(200);
    assertThat(deliver(completed).status()).isEqualTo(200);
    assertThat(confirmations(placed)).isEqualTo(1);

    Placed other = placed();
    String otherSession = checkout(other);
    stripe.complete(otherSession);
    FakeStripe.Delivery fresh = stripe.checkoutCompleted(otherSession);
    FakeStripe.Delivery stale = stripe.sign(fresh.body(), Instant.now().minusSeconds(600));
    ApiResponse refused =
        api.responsesOnly()
            .withHeader("Stripe-Signature", stale.signatureHeader())
            .post("/api/v1/stripe/webhooks", stale.body());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(orderOf(other).path("payment_status").asText()).isEqualTo("pending");
  }

  @Test
  void aForgedSignatureChangesNothing() {
    Placed placed = placed();
    String session = checkout(placed);
    stripe.complete(session);
    FakeStripe.Delivery genuine = stripe.checkoutCompleted(session);
    FakeStripe.Delivery forged = FakeStripe.sign(genuine.body(), Instant.now(), "whsec_attacker");

    ApiResponse refused =
        api.responsesOnly()
            .withHeader("Stripe-Signature", forged.signatureHeader())
            .post("/api/v1/stripe/webhooks", forged.body());
    ApiResponse unsigned = api.responsesOnly().post("/api/v1/stripe/webhooks", genuine.body());
    ApiResponse reserialized =
        api.responsesOnly()
            .withHeader("Stripe-Signature", genuine.signatureHeader())
            .post("/api/v1/stripe/webhooks", genuine.body().replace(",", ", "));

    assertThat(List.of(refused.status(), unsigned.status(), reserialized.status()))
        .containsOnly(400);
    assertThat(orderOf(placed).path("payment_status").asText()).isEqualTo("pending");
  }

  @Test
  void anExpiredEventAfterCompletionLeavesItPaid() {
    Placed placed = placed();
    String session = checkout(placed);
    stripe.complete(session);
    deliver(stripe.checkoutCompleted(session));

    FakeStripe.Delivery late =
        stripe.event(
            "checkout.session.expired",
            "{\"id\":\""
                + session
                + "\",\"object\":\"checkout.session\",\"status\":\"expired\","
                + "\"payment_status\":\"unpaid\",\"amount_total\":1000,\"currency\":\"tzs\"}");
    assertThat(deliver(late).status()).isEqualTo(200);

    assertThat(orderOf(placed).path("payment_status").asText()).isEqualTo("paid");
    assertThat(orderOf(placed).path("status").asText()).isEqualTo("confirmed");
  }

  @Test
  void aDelayedPaymentStaysPendingUntilItSucceeds() {
    Placed placed = placed();
    String session = checkout(placed);
    stripe.completeAwaitingPayment(session);
    deliver(stripe.checkoutCompleted(session));
    assertThat(orderOf(placed).path("payment_status").asText()).isEqualTo("pending");

    deliver(stripe.asyncPaymentSucceeded(session));
    assertThat(orderOf(placed).path("payment_status").asText()).isEqualTo("paid");
  }

  @Test
  void aSessionOfAnotherAmountLeavesTheOrderUnpaid() {
    Placed placed = placed();
    String session = checkout(placed);
    FakeStripe.Delivery wrong =
        stripe.event(
            "checkout.session.completed",
            "{\"id\":\""
                + session
                + "\",\"object\":\"checkout.session\",\"status\":\"complete\","
                + "\"payment_status\":\"paid\",\"amount_total\":100,\"currency\":\"tzs\","
                + "\"payment_intent\":\"pi_wrong\",\"client_reference_id\":\""
                + placed.orderId()
                + "\"}");

    assertThat(deliver(wrong).status()).isEqualTo(200);
    assertThat(orderOf(placed).path("payment_status").asText()).isEqualTo("pending");
    long alerts =
        shop.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM audit_log WHERE action = 'payment.amount_mismatch' AND subject = :o")
                        .bind("o", placed.orderId())
                        .mapTo(Long.class)
                        .one());
    assertThat(alerts).isEqualTo(1);
  }

  @Test
  void refundsPartThenAllAndRefusesMore() {
    Placed placed = placed();
    String session = checkout(placed);
    String intent = stripe.complete(session);
    deliver(stripe.checkoutCompleted(session));
    ApiClient admin = api.withToken(shop.signIn(Role.ADMIN));

    JsonNode partly =
        admin
            .post(
                "/api/v1/admin/orders/" + placed.orderId() + "/refund",
                "{\"amount\":\"5000.00\",\"reason\":\"Damaged box\"}")
            .json();
    assertThat(partly.path("status").asText()).isEqualTo("partially_refunded");
    assertThat(partly.path("refunded").path("amount").asText()).isEqualTo("5000.00");
    var refundRequests = stripe.requests("POST", "/v1/refunds");
    assertThat(refundRequests.get(refundRequests.size() - 1).param("reason"))
        .contains("requested_by_customer");

    ApiResponse tooMuch =
        admin.post(
            "/api/v1/admin/orders/" + placed.orderId() + "/refund",
            "{\"amount\":\"99999.00\",\"reason\":\"oops\"}");
    assertThat(tooMuch.status()).isEqualTo(400);

    JsonNode full =
        admin
            .post(
                "/api/v1/admin/orders/" + placed.orderId() + "/refund",
                "{\"reason\":\"duplicate\"}")
            .json();
    assertThat(full.path("status").asText()).isEqualTo("refunded");
    assertThat(full.path("refunded").path("amount").asText()).isEqualTo(placed.total());
    assertThat(orderOf(placed).path("status").asText()).isEqualTo("refunded");

    // Stripe reports the refunds it made for us; they are not counted twice
    assertThat(deliver(stripe.chargeRefunded(intent)).status()).isEqualTo(200);
    assertThat(
            placed
                .customer()
                .get("/api/v1/payments?order_id=" + placed.orderId())
                .json()
                .path("items")
                .get(0)
                .path("refunded")
                .path("amount")
                .asText())
        .isEqualTo(placed.total());
    assertThat(
            admin
                .post(
                    "/api/v1/admin/orders/" + placed.orderId() + "/refund",
                    "{\"reason\":\"again\"}")
                .status())
        .isEqualTo(409);
  }

  @Test
  void refusingToRefundAnUnpaidOrder() {
    Placed placed = placed();
    ApiClient admin = api.withToken(shop.signIn(Role.ADMIN));

    assertThat(
            admin
                .post("/api/v1/admin/orders/" + placed.orderId() + "/refund", "{\"reason\":\"x\"}")
                .status())
        .isEqualTo(409);
    assertThat(
            placed
                .customer()
                .post("/api/v1/admin/orders/" + placed.orderId() + "/refund", "{\"reason\":\"x\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void aStripeOutageAtSessionCreationIs502WithNothingWritten() {
    Placed placed = placed();
    stripe.failNext(10, 503);

    ApiResponse failed =
        placed.customer().post("/api/v1/orders/" + placed.orderId() + "/payment", "");

    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.contentType()).startsWith("application/problem+json");
    assertThat(
            placed
                .customer()
                .get("/api/v1/payments?order_id=" + placed.orderId())
                .json()
                .path("items"))
        .isEmpty();
    stripe.failNext(0, 503);
    assertThat(checkout(placed)).startsWith("cs_");
  }

  @Test
  void aTamperedSuccessPageFulfilsNothing() {
    Placed victim = placed();
    String session = checkout(victim);
    stripe.complete(session);
    ApiClient attacker = api.withToken(shop.signIn(Role.USER));

    assertThat(attacker.get("/api/v1/stripe/verify/" + session).status()).isEqualTo(404);
    assertThat(attacker.get("/api/v1/stripe/status/" + session).status()).isEqualTo(404);
    assertThat(attacker.post("/api/v1/orders/" + victim.orderId() + "/payment", "").status())
        .isEqualTo(404);
    assertThat(attacker.get("/api/v1/payments?order_id=" + victim.orderId()).status())
        .isEqualTo(404);
  }

  @Test
  void theManualGatewayFlow() {
    Placed placed = placed();
    ApiClient admin = api.withToken(shop.signIn(Role.ADMIN));

    JsonNode confirmed =
        admin.post("/api/v1/admin/orders/" + placed.orderId() + "/mark-paid", "").json();
    assertThat(confirmed.path("status").asText()).isEqualTo("confirmed");
    assertThat(confirmed.path("payment_status").asText()).isEqualTo("paid");
    assertThat(admin.post("/api/v1/admin/orders/" + placed.orderId() + "/mark-paid", "").status())
        .isEqualTo(409);

    JsonNode refunded =
        admin
            .post(
                "/api/v1/admin/orders/" + placed.orderId() + "/refund",
                "{\"reason\":\"returned goods\"}")
            .json();
    assertThat(refunded.path("provider").asText()).isEqualTo("manual");
    assertThat(refunded.path("status").asText()).isEqualTo("refunded");
  }

  @Test
  void cancellingAPaidOrderRefundsItInFull() {
    Placed placed = placed();
    String session = checkout(placed);
    stripe.complete(session);
    deliver(stripe.checkoutCompleted(session));

    JsonNode cancelled =
        placed
            .customer()
            .post(
                "/api/v1/orders/" + placed.orderId() + "/cancel",
                "{\"reason\":\"changed my mind\"}")
            .json();

    assertThat(cancelled.path("status").asText()).isEqualTo("refunded");
    assertThat(cancelled.path("payment_status").asText()).isEqualTo("refunded");
    assertThat(
            stripe.requests("POST", "/v1/refunds").stream()
                .anyMatch(r -> r.idempotencyKey().orElse("").startsWith("duka-refund-")))
        .isTrue();
  }
}
