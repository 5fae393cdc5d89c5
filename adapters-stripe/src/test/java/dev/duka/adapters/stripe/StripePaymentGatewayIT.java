package dev.duka.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.adapters.stripe.testing.RecordedRequest;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.port.out.PaymentGateway.ChargeLine;
import dev.duka.domain.port.out.PaymentGateway.CheckoutOutcome;
import dev.duka.domain.port.out.PaymentGateway.CheckoutRequest;
import dev.duka.domain.port.out.PaymentGateway.RefundOutcome;
import dev.duka.domain.port.out.PaymentGateway.RefundRequest;
import dev.duka.domain.port.out.PaymentGateway.SessionOutcome;
import dev.duka.domain.port.out.PaymentGateway.SessionStatus;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripePaymentGatewayIT {
  private static final Currency TZS = Currency.getInstance("TZS");
  private static final OrderId ORDER =
      new OrderId(UUID.fromString("5d1f3a52-8c1e-4d57-9a0e-2f4b6c8d0e11"));
  private static final OrderNumber NUMBER = new OrderNumber("DK-7KQ2M9XH");
  private static final String SUCCESS_URL =
      "https://shop.example/orders/paid?session_id={CHECKOUT_SESSION_ID}";
  private static final String CANCEL_URL = "https://shop.example/cart";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  private final FakeStripe stripe = FakeStripe.start();
  private final StripePaymentGateway gateway =
      new StripePaymentGateway(
          stripe.apiKey(), stripe.baseUri(), Duration.ofSeconds(2), READ_TIMEOUT, 2);

  @AfterEach
  void stopStripe() {
    stripe.close();
  }

  @Test
  void opensACheckoutWithTheProductTaxAndShippingLines() {
    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Opened.class);
    CheckoutOutcome.Opened opened = (CheckoutOutcome.Opened) outcome;
    assertThat(opened.sessionId()).startsWith("cs_test_");
    assertThat(opened.url()).startsWith(stripe.baseUri() + "/c/pay/" + opened.sessionId());
    RecordedRequest sent = onlyRequest("POST", "/v1/checkout/sessions");
    assertThat(sent.params())
        .containsEntry("mode", "payment")
        .containsEntry("line_items[0][price_data][currency]", "tzs")
        .containsEntry("line_items[0][price_data][product_data][name]", "Kahawa — 500 g")
        .containsEntry("line_items[0][price_data][unit_amount]", "1250000")
        .containsEntry("line_items[0][quantity]", "2")
        .containsEntry("line_items[1][price_data][product_data][name]", "Chai")
        .containsEntry("line_items[1][price_data][unit_amount]", "300000")
        .containsEntry("line_items[1][quantity]", "1")
        .containsEntry("line_items[2][price_data][product_data][name]", "Tax (18%)")
        .containsEntry("line_items[2][price_data][unit_amount]", "504000")
        .containsEntry("line_items[2][quantity]", "1")
        .containsEntry("line_items[3][price_data][product_data][name]", "Shipping")
        .containsEntry("line_items[3][price_data][unit_amount]", "500000")
        .containsEntry("client_reference_id", ORDER.toString())
        .containsEntry("metadata[order_id]", ORDER.toString())
        .containsEntry("metadata[order_number]", "DK-7KQ2M9XH")
        .containsEntry("customer_email", "amina@example.com")
        .containsEntry("success_url", SUCCESS_URL)
        .containsEntry("cancel_url", CANCEL_URL)
        .doesNotContainKey("line_items[4][quantity]");
    assertThat(sent.idempotencyKey()).contains("checkout-1");
    assertThat(sent.header("Stripe-Version")).contains(com.stripe.Stripe.API_VERSION);
  }

  @Test
  void theSessionTotalIsTheOrderTotal() {
    String sessionId = opened(order("checkout-1"));

    SessionOutcome.Found found = found(sessionId);

    assertThat(found.amountTotal()).isEqualTo(tzs("38040.00"));
  }

  @Test
  void sendsZeroDecimalCurrenciesInWholeUnits() {
    Currency yen = Currency.getInstance("JPY");
    CheckoutRequest request =
        request(
            List.of(new ChargeLine("Matcha", Money.parse("1500", yen), 1)),
            Money.parse("1500", yen),
            "yen-1");

    assertThat(gateway.openCheckout(request)).isInstanceOf(CheckoutOutcome.Opened.class);
    assertThat(onlyRequest("POST", "/v1/checkout/sessions").params())
        .containsEntry("line_items[0][price_data][currency]", "jpy")
        .containsEntry("line_items[0][price_data][unit_amount]", "1500");
  }

  @Test
  void leavesTheEmailOutWhenTheOrderHasNone() {
    CheckoutRequest request =
        new CheckoutRequest(
            ORDER,
            NUMBER,
            List.of(new ChargeLine("Chai", tzs("3000.00"), 1)),
            tzs("3000.00"),
            "",
            SUCCESS_URL,
            CANCEL_URL,
            "no-email");

    assertThat(gateway.openCheckout(request)).isInstanceOf(CheckoutOutcome.Opened.class);
    assertThat(onlyRequest("POST", "/v1/checkout/sessions").params())
        .doesNotContainKey("customer_email");
  }

  @Test
  void theSameIdempotencyKeyOpensTheSameSessionOnce() {
    String first = opened(order("checkout-1"));
    String second = opened(order("checkout-1"));

    assertThat(second).isEqualTo(first);
    assertThat(stripe.sessionIds()).containsExactly(first);
    assertThat(stripe.requests("POST", "/v1/checkout/sessions"))
        .extracting(request -> request.idempotencyKey().orElseThrow())
        .containsExactly("checkout-1", "checkout-1");
  }

  @Test
  void anotherIdempotencyKeyOpensAnotherSession() {
    String first = opened(order("checkout-1"));
    String second = opened(order("checkout-2"));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void reusingAKeyForAnotherCheckoutIsRefused() {
    opened(order("checkout-1"));
    CheckoutRequest other =
        request(List.of(new ChargeLine("Chai", tzs("3000.00"), 1)), tzs("3000.00"), "checkout-1");

    CheckoutOutcome outcome = gateway.openCheckout(other);

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Refused.class);
    assertThat(((CheckoutOutcome.Refused) outcome).reason())
        .startsWith("Keys for idempotent requests can only be used with the same parameters");
    assertThat(stripe.sessionIds()).hasSize(1);
  }

  @Test
  void retriesAServerErrorWithTheSameKeyAndOpens() {
    stripe.failNext(1, 500);

    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Opened.class);
    assertThat(stripe.requests("POST", "/v1/checkout/sessions"))
        .extracting(request -> request.idempotencyKey().orElseThrow())
        .containsExactly("checkout-1", "checkout-1");
    assertThat(stripe.sessionIds()).hasSize(1);
  }

  @Test
  void aStripeThatStaysDownIsUnreachable() {
    stripe.failNext(10, 503);

    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Unreachable.class);
    assertThat(((CheckoutOutcome.Unreachable) outcome).reason()).contains("unknown error");
    assertThat(stripe.requests("POST", "/v1/checkout/sessions")).hasSize(3);
  }

  @Test
  void aSlowAnswerIsRetriedAndStripeReturnsTheSessionItAlreadyOpened() {
    stripe.delayNext(READ_TIMEOUT.multipliedBy(4));

    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Opened.class);
    assertThat(stripe.requests("POST", "/v1/checkout/sessions")).hasSize(2);
    assertThat(stripe.sessionIds()).containsExactly(((CheckoutOutcome.Opened) outcome).sessionId());
  }

  @Test
  void aStripeThatNeverAnswersInTimeIsUnreachableQuickly() {
    stripe.delayNext(10, Duration.ofSeconds(5));
    long started = System.nanoTime();

    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(outcome).isInstanceOf(CheckoutOutcome.Unreachable.class);
    assertThat(((CheckoutOutcome.Unreachable) outcome).reason())
        .isEqualTo("no answer from Stripe: Read timed out");
    // Three attempts of 0.5 s and backoffs of about 0.5 s and 1 s: about 3 s, with room for a
    // busy machine; with the defaults a dead Stripe holds a request for about 32 s.
    assertThat(took).isLessThan(Duration.ofSeconds(6));
    assertThat(stripe.requests("POST", "/v1/checkout/sessions")).hasSize(3);
  }

  @Test
  void aStripeThatCannotBeReachedIsUnreachable() {
    stripe.close();

    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Unreachable.class);
    assertThat(((CheckoutOutcome.Unreachable) outcome).reason()).contains("Connection refused");
  }

  @Test
  void aRefusalIsNotRetriedAndCarriesStripesMessage() {
    stripe.failNext(1, 400);

    CheckoutOutcome outcome = gateway.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Refused.class);
    assertThat(((CheckoutOutcome.Refused) outcome).reason())
        .isEqualTo("The request was refused (simulated by FakeStripe).");
    assertThat(stripe.requests()).hasSize(1);
  }

  @Test
  void aLineStripeRejectsIsRefused() {
    CheckoutRequest request =
        request(List.of(new ChargeLine(" ", tzs("3000.00"), 1)), tzs("3000.00"), "blank-name");

    CheckoutOutcome outcome = gateway.openCheckout(request);

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Refused.class);
    assertThat(((CheckoutOutcome.Refused) outcome).reason())
        .contains("line_items[0][price_data][product_data][name]");
  }

  @Test
  void refusesATotalBelowStripesMinimumWithoutCallingStripe() {
    Currency dollars = Currency.getInstance("USD");
    CheckoutRequest request =
        request(
            List.of(new ChargeLine("Sticker", Money.parse("0.30", dollars), 1)),
            Money.parse("0.30", dollars),
            "tiny");

    CheckoutOutcome outcome = gateway.openCheckout(request);

    assertThat(outcome)
        .isEqualTo(
            new CheckoutOutcome.Refused(
                "Stripe's smallest charge in USD is 0.50 USD; the total is 0.30 USD"));
    assertThat(stripe.requests()).isEmpty();
  }

  @Test
  void refusesAThreeDecimalLineStripeCannotTakeWithoutCallingStripe() {
    Currency dinar = Currency.getInstance("KWD");
    CheckoutRequest request =
        request(
            List.of(
                new ChargeLine("Dates", Money.parse("2.005", dinar), 1),
                new ChargeLine("Tax", Money.parse("0.005", dinar), 1)),
            Money.parse("2.010", dinar),
            "fils");

    CheckoutOutcome outcome = gateway.openCheckout(request);

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Refused.class);
    assertThat(((CheckoutOutcome.Refused) outcome).reason())
        .startsWith("Dates: Stripe takes KWD amounts only in steps of 0.010 KWD");
    assertThat(stripe.requests()).isEmpty();
  }

  @Test
  void aWrongApiKeyIsUnreachableAndNotRetried() {
    StripePaymentGateway misconfigured =
        new StripePaymentGateway(
            "sk_test_not_the_right_key_000000",
            stripe.baseUri(),
            Duration.ofSeconds(2),
            READ_TIMEOUT,
            2);

    CheckoutOutcome outcome = misconfigured.openCheckout(order("checkout-1"));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Unreachable.class);
    assertThat(((CheckoutOutcome.Unreachable) outcome).reason())
        .contains("Invalid API Key")
        .doesNotContain("sk_test_not_the_right_key_000000");
    assertThat(stripe.requests()).hasSize(1);
    assertThat(stripe.sessionIds()).isEmpty();
  }

  @Test
  void anOpenSessionIsFoundOpenAndUnpaid() {
    CheckoutOutcome.Opened opened =
        (CheckoutOutcome.Opened) gateway.openCheckout(order("checkout-1"));

    SessionOutcome outcome = gateway.fetchSession(opened.sessionId());

    assertThat(outcome)
        .isEqualTo(
            new SessionOutcome.Found(
                opened.sessionId(),
                SessionStatus.OPEN,
                false,
                tzs("38040.00"),
                "",
                ORDER.toString(),
                opened.url()));
  }

  @Test
  void aPaidSessionIsFoundCompleteAndPaidWithItsPayment() {
    String sessionId = opened(order("checkout-1"));
    String paymentIntent = stripe.complete(sessionId);

    SessionOutcome.Found found = found(sessionId);

    assertThat(found.status()).isEqualTo(SessionStatus.COMPLETE);
    assertThat(found.paid()).isTrue();
    assertThat(found.paymentReference()).isEqualTo(paymentIntent).startsWith("pi_");
    assertThat(found.url()).isEmpty();
  }

  @Test
  void aSessionAwaitingADelayedPaymentIsCompleteButNotPaid() {
    String sessionId = opened(order("checkout-1"));
    stripe.completeAwaitingPayment(sessionId);

    SessionOutcome.Found found = found(sessionId);

    assertThat(found.status()).isEqualTo(SessionStatus.COMPLETE);
    assertThat(found.paid()).isFalse();
  }

  @Test
  void anExpiredSessionIsFoundExpired() {
    String sessionId = opened(order("checkout-1"));
    stripe.expire(sessionId);

    SessionOutcome.Found found = found(sessionId);

    assertThat(found.status()).isEqualTo(SessionStatus.EXPIRED);
    assertThat(found.paid()).isFalse();
    assertThat(found.url()).isEmpty();
  }

  @Test
  void anUnknownSessionIsNotFound() {
    assertThat(gateway.fetchSession("cs_test_unknown")).isEqualTo(new SessionOutcome.NotFound());
    assertThat(stripe.requests()).hasSize(1);
  }

  @Test
  void somethingThatIsNotASessionIdIsNotFoundWithoutAskingStripe() {
    assertThat(gateway.fetchSession("../customers/cus_1")).isEqualTo(new SessionOutcome.NotFound());
    assertThat(gateway.fetchSession("")).isEqualTo(new SessionOutcome.NotFound());
    assertThat(gateway.fetchSession(null)).isEqualTo(new SessionOutcome.NotFound());
    assertThat(stripe.requests()).isEmpty();
  }

  @Test
  void aSessionCannotBeReadWhileStripeIsDown() {
    String sessionId = opened(order("checkout-1"));
    stripe.failNext(10, 503);

    assertThat(gateway.fetchSession(sessionId)).isInstanceOf(SessionOutcome.Unreachable.class);
  }

  @Test
  void refundsPartOfAPaymentWithTheKeyAndAmountInStripesUnits() {
    String paymentIntent = stripe.complete(opened(order("checkout-1")));

    RefundOutcome outcome =
        gateway.refund(
            new RefundRequest(paymentIntent, tzs("10000.00"), "requested_by_customer", "refund-1"));

    assertThat(outcome).isInstanceOf(RefundOutcome.Succeeded.class);
    assertThat(((RefundOutcome.Succeeded) outcome).refundReference()).startsWith("re_");
    RecordedRequest sent = onlyRequest("POST", "/v1/refunds");
    assertThat(sent.params())
        .containsEntry("payment_intent", paymentIntent)
        .containsEntry("amount", "1000000")
        .containsEntry("reason", "requested_by_customer");
    assertThat(sent.idempotencyKey()).contains("refund-1");
  }

  @Test
  void retryingARefundWithTheSameKeyRefundsOnce() {
    String paymentIntent = stripe.complete(opened(order("checkout-1")));
    RefundRequest refund =
        new RefundRequest(paymentIntent, tzs("38040.00"), "duplicate", "refund-1");

    RefundOutcome first = gateway.refund(refund);
    RefundOutcome second = gateway.refund(refund);

    assertThat(first).isInstanceOf(RefundOutcome.Succeeded.class);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void refusesToRefundMoreThanRemains() {
    String paymentIntent = stripe.complete(opened(order("checkout-1")));
    gateway.refund(new RefundRequest(paymentIntent, tzs("38000.00"), "duplicate", "refund-1"));

    RefundOutcome outcome =
        gateway.refund(new RefundRequest(paymentIntent, tzs("100.00"), "duplicate", "refund-2"));

    assertThat(outcome).isInstanceOf(RefundOutcome.Refused.class);
    assertThat(((RefundOutcome.Refused) outcome).reason())
        .contains("greater than unrefunded amount");
  }

  @Test
  void sendsAReasonStripeDoesNotKnowAsRequestedByCustomer() {
    String paymentIntent = stripe.complete(opened(order("checkout-1")));

    gateway.refund(new RefundRequest(paymentIntent, tzs("100.00"), "arrived broken", "refund-1"));
    gateway.refund(new RefundRequest(paymentIntent, tzs("100.00"), "fraudulent", "refund-2"));

    assertThat(stripe.requests("POST", "/v1/refunds"))
        .extracting(request -> request.param("reason").orElseThrow())
        .containsExactly("requested_by_customer", "fraudulent");
  }

  @Test
  void aRefundIsUnreachableWhileStripeIsDown() {
    String paymentIntent = stripe.complete(opened(order("checkout-1")));
    stripe.failNext(10, 500);

    RefundOutcome outcome =
        gateway.refund(new RefundRequest(paymentIntent, tzs("100.00"), "duplicate", "refund-1"));

    assertThat(outcome).isInstanceOf(RefundOutcome.Unreachable.class);
  }

  @Test
  void refusesAPublishableKeyAtStartup() {
    assertThatThrownBy(() -> new StripePaymentGateway("pk_test_123", stripe.baseUri()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publishable");
  }

  private String opened(CheckoutRequest request) {
    CheckoutOutcome outcome = gateway.openCheckout(request);
    assertThat(outcome).isInstanceOf(CheckoutOutcome.Opened.class);
    return ((CheckoutOutcome.Opened) outcome).sessionId();
  }

  private SessionOutcome.Found found(String sessionId) {
    SessionOutcome outcome = gateway.fetchSession(sessionId);
    assertThat(outcome).isInstanceOf(SessionOutcome.Found.class);
    return (SessionOutcome.Found) outcome;
  }

  private RecordedRequest onlyRequest(String method, String path) {
    List<RecordedRequest> sent = stripe.requests(method, path);
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  /** Two products, then tax and shipping as lines of their own: 38,040.00 TZS. */
  private static CheckoutRequest order(String idempotencyKey) {
    return request(
        List.of(
            new ChargeLine("Kahawa — 500 g", tzs("12500.00"), 2),
            new ChargeLine("Chai", tzs("3000.00"), 1),
            new ChargeLine("Tax (18%)", tzs("5040.00"), 1),
            new ChargeLine("Shipping", tzs("5000.00"), 1)),
        tzs("38040.00"),
        idempotencyKey);
  }

  private static CheckoutRequest request(
      List<ChargeLine> lines, Money total, String idempotencyKey) {
    return new CheckoutRequest(
        ORDER, NUMBER, lines, total, "amina@example.com", SUCCESS_URL, CANCEL_URL, idempotencyKey);
  }

  private static Money tzs(String amount) {
    return Money.parse(amount, TZS);
  }
}
