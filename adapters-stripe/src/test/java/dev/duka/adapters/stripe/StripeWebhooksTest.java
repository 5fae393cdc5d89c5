package dev.duka.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.adapters.stripe.testing.FakeStripe.Delivery;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.PaymentWebhooks.InvalidWebhookException;
import dev.duka.domain.port.out.PaymentWebhooks.PaymentEvent;
import dev.duka.domain.testing.FixedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signature checks and event mapping on deliveries signed like Stripe's. The fake only signs and
 * dates them here; no request goes over the network.
 */
class StripeWebhooksTest {
  private static final String ORDER_ID = "5d1f3a52-8c1e-4d57-9a0e-2f4b6c8d0e11";
  private static final Currency TZS = Currency.getInstance("TZS");

  private final FixedClock clock = new FixedClock();
  private final FakeStripe stripe = FakeStripe.start(clock);
  private final StripeWebhooks webhooks = new StripeWebhooks(stripe.webhookSecret(), clock);

  @AfterEach
  void stopStripe() {
    stripe.close();
  }

  @Test
  void readsACompletedAndPaidCheckout() {
    Delivery delivery =
        stripe.event("checkout.session.completed", session("complete", "paid", "\"pi_123\""));

    PaymentEvent event = read(delivery);

    assertThat(event).isInstanceOf(PaymentEvent.CheckoutCompleted.class);
    PaymentEvent.CheckoutCompleted completed = (PaymentEvent.CheckoutCompleted) event;
    assertThat(completed.id()).startsWith("evt_");
    assertThat(completed.type()).isEqualTo("checkout.session.completed");
    assertThat(completed.created()).isEqualTo(clock.now());
    assertThat(completed.sessionId()).isEqualTo("cs_test_a1");
    assertThat(completed.paid()).isTrue();
    assertThat(completed.amountTotal()).isEqualTo(Money.parse("38040.00", TZS));
    assertThat(completed.paymentReference()).isEqualTo("pi_123");
    assertThat(completed.orderReference()).isEqualTo(ORDER_ID);
  }

  @Test
  void aCheckoutCompletedAwaitingADelayedPaymentIsNotPaid() {
    Delivery delivery =
        stripe.event("checkout.session.completed", session("complete", "unpaid", "\"pi_123\""));

    assertThat(((PaymentEvent.CheckoutCompleted) read(delivery)).paid()).isFalse();
  }

  @Test
  void aCheckoutWithNothingToPayCountsAsPaid() {
    Delivery delivery =
        stripe.event(
            "checkout.session.completed", session("complete", "no_payment_required", "null"));

    PaymentEvent.CheckoutCompleted completed = (PaymentEvent.CheckoutCompleted) read(delivery);

    assertThat(completed.paid()).isTrue();
    assertThat(completed.paymentReference()).isEmpty();
  }

  @Test
  void readsASucceededDelayedPayment() {
    Delivery delivery =
        stripe.event(
            "checkout.session.async_payment_succeeded", session("complete", "paid", "\"pi_9\""));

    assertThat(read(delivery))
        .isInstanceOfSatisfying(
            PaymentEvent.AsyncPaymentSucceeded.class,
            succeeded -> {
              assertThat(succeeded.sessionId()).isEqualTo("cs_test_a1");
              assertThat(succeeded.amountTotal()).isEqualTo(Money.parse("38040.00", TZS));
              assertThat(succeeded.paymentReference()).isEqualTo("pi_9");
              assertThat(succeeded.orderReference()).isEqualTo(ORDER_ID);
            });
  }

  @Test
  void readsAFailedDelayedPayment() {
    Delivery delivery =
        stripe.event(
            "checkout.session.async_payment_failed", session("complete", "unpaid", "\"pi_9\""));

    assertThat(read(delivery))
        .isInstanceOfSatisfying(
            PaymentEvent.AsyncPaymentFailed.class,
            failed -> assertThat(failed.sessionId()).isEqualTo("cs_test_a1"));
  }

  @Test
  void readsAnExpiredCheckout() {
    Delivery delivery =
        stripe.event("checkout.session.expired", session("expired", "unpaid", "null"));

    assertThat(read(delivery))
        .isInstanceOfSatisfying(
            PaymentEvent.CheckoutExpired.class,
            expired -> assertThat(expired.sessionId()).isEqualTo("cs_test_a1"));
  }

  @Test
  void readsARefundedChargeWithTheTotalRefundedSoFar() {
    Delivery delivery =
        stripe.event(
            "charge.refunded",
            "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":3804000,\"amount_refunded\":1000000,"
                + "\"currency\":\"tzs\",\"paid\":true,\"payment_intent\":\"pi_123\","
                + "\"refunded\":false,\"status\":\"succeeded\"}");

    assertThat(read(delivery))
        .isInstanceOfSatisfying(
            PaymentEvent.ChargeRefunded.class,
            refunded -> {
              assertThat(refunded.paymentReference()).isEqualTo("pi_123");
              assertThat(refunded.amountRefunded()).isEqualTo(Money.parse("10000.00", TZS));
            });
  }

  @Test
  void readsAFailedPayment() {
    Delivery delivery = stripe.paymentFailed("pi_declined");

    assertThat(read(delivery))
        .isInstanceOfSatisfying(
            PaymentEvent.PaymentFailed.class,
            failed -> assertThat(failed.paymentReference()).isEqualTo("pi_declined"));
  }

  @Test
  void ignoresEventsDukaDoesNotActOn() {
    Delivery delivery =
        stripe.event("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");

    PaymentEvent event = read(delivery);

    assertThat(event).isInstanceOf(PaymentEvent.Ignored.class);
    assertThat(event.type()).isEqualTo("customer.created");
    assertThat(event.id()).startsWith("evt_");
  }

  @Test
  void readsAnEventOfAnOlderApiVersion() {
    String body = completedEvent().body().replace(Stripe.API_VERSION, "2024-06-20");

    PaymentEvent event = read(stripe.sign(body));

    assertThat(event).isInstanceOf(PaymentEvent.CheckoutCompleted.class);
    assertThat(((PaymentEvent.CheckoutCompleted) event).amountTotal())
        .isEqualTo(Money.parse("38040.00", TZS));
  }

  @Test
  void readsAnEventWithoutAnApiVersion() {
    String body =
        completedEvent().body().replace("\"api_version\":\"" + Stripe.API_VERSION + "\",", "");
    assertThat(body).doesNotContain("api_version");

    PaymentEvent event = read(stripe.sign(body));

    assertThat(event).isInstanceOf(PaymentEvent.CheckoutCompleted.class);
  }

  @Test
  void refusesADeliveryWithoutASignature() {
    Delivery delivery = completedEvent();

    assertRefused(delivery.body(), null, "the Stripe-Signature header is missing");
    assertRefused(delivery.body(), " ", "the Stripe-Signature header is missing");
  }

  @Test
  void refusesADeliverySignedWithAnotherSecret() {
    Delivery forged =
        FakeStripe.sign(completedEvent().body(), clock.now(), "whsec_an_attacker_guess");

    assertRefused(
        forged.body(),
        forged.signatureHeader(),
        "the Stripe-Signature does not match the body (another secret, or a changed body)");
  }

  @Test
  void refusesADeliverySignedMoreThanFiveMinutesAgo() {
    Delivery stale =
        stripe.sign(completedEvent().body(), clock.now().minus(Duration.ofSeconds(301)));

    assertRefused(
        stale.body(),
        stale.signatureHeader(),
        "the Stripe-Signature timestamp is more than 5 minutes old");
  }

  @Test
  void acceptsADeliverySignedJustUnderFiveMinutesAgo() {
    Delivery late =
        stripe.sign(completedEvent().body(), clock.now().minus(Duration.ofSeconds(299)));

    assertThat(read(late)).isInstanceOf(PaymentEvent.CheckoutCompleted.class);
  }

  @Test
  void theToleranceFollowsTheClock() {
    Delivery delivery = completedEvent();
    clock.advance(Duration.ofMinutes(6));

    assertRefused(
        delivery.body(),
        delivery.signatureHeader(),
        "the Stripe-Signature timestamp is more than 5 minutes old");
  }

  @Test
  void refusesABodyPrettyPrintedAfterSigning() {
    Delivery delivery = completedEvent();
    String reformatted = delivery.body().replace(",\"", ",\n  \"");

    assertRefused(
        reformatted,
        delivery.signatureHeader(),
        "the Stripe-Signature does not match the body (another secret, or a changed body)");
  }

  @Test
  void refusesABodyWithItsKeysReordered() {
    Delivery delivery = completedEvent();
    String body = delivery.body();
    int type = body.lastIndexOf(",\"type\":");
    String reordered =
        "{" + body.substring(type + 1, body.length() - 1) + "," + body.substring(1, type) + "}";
    assertThat(reordered).hasSameSizeAs(body).isNotEqualTo(body);

    assertRefused(
        reordered,
        delivery.signatureHeader(),
        "the Stripe-Signature does not match the body (another secret, or a changed body)");
  }

  @Test
  void refusesAChangedAmount() {
    Delivery delivery = completedEvent();

    assertRefused(
        delivery.body().replace("3804000", "100"),
        delivery.signatureHeader(),
        "the Stripe-Signature does not match the body (another secret, or a changed body)");
  }

  @Test
  void refusesMalformedSignatureHeaders() {
    String body = completedEvent().body();

    assertRefused(body, "garbage", "the Stripe-Signature header has no timestamp");
    assertRefused(body, "t=soon,v1=abc", "the Stripe-Signature timestamp is not a number");
    assertRefused(body, "t,v1=abc", "the Stripe-Signature header is malformed");
    assertRefused(
        body,
        "t=" + clock.now().getEpochSecond() + ",v0=abc",
        "the Stripe-Signature header has no v1 signature");
  }

  @Test
  void refusesASignedBodyThatIsNotAnEvent() {
    Delivery notJson = stripe.sign("this is not json");

    assertThatThrownBy(() -> read(notJson))
        .isInstanceOf(InvalidWebhookException.class)
        .hasMessageStartingWith("the webhook body is not a Stripe event");
  }

  @Test
  void refusesACheckoutEventThatCarriesSomethingElse() {
    Delivery delivery =
        stripe.event("checkout.session.completed", "{\"id\":\"ch_1\",\"object\":\"charge\"}");

    assertThatThrownBy(() -> read(delivery))
        .isInstanceOf(InvalidWebhookException.class)
        .hasMessageEndingWith("(checkout.session.completed) does not carry a Session");
  }

  @Test
  void refusesABlankSigningSecret() {
    assertThatThrownBy(() -> new StripeWebhooks(" ", clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usesStripesDefaultTolerance() {
    assertThat(StripeWebhooks.TOLERANCE_SECONDS).isEqualTo(300);
  }

  private PaymentEvent read(Delivery delivery) {
    return webhooks.read(delivery.body(), delivery.signatureHeader());
  }

  private void assertRefused(String body, String header, String reason) {
    assertThatThrownBy(() -> webhooks.read(body, header))
        .isInstanceOf(InvalidWebhookException.class)
        .hasMessage(reason);
  }

  private Delivery completedEvent() {
    return stripe.event("checkout.session.completed", session("complete", "paid", "\"pi_123\""));
  }

  /** A Checkout Session as Stripe sends it in events, trimmed to a realistic core. */
  private static String session(String status, String paymentStatus, String paymentIntentJson) {
    return "{\"id\":\"cs_test_a1\",\"object\":\"checkout.session\",\"amount_subtotal\":3804000,"
        + "\"amount_total\":3804000,\"cancel_url\":\"https://shop.example/cart\","
        + "\"client_reference_id\":\""
        + ORDER_ID
        + "\",\"created\":"
        + Instant.parse("2026-01-15T09:00:00Z").getEpochSecond()
        + ",\"currency\":\"tzs\",\"customer_email\":\"amina@example.com\",\"livemode\":false,"
        + "\"metadata\":{\"order_id\":\""
        + ORDER_ID
        + "\",\"order_number\":\"DK-7KQ2M9XH\"},\"mode\":\"payment\",\"payment_intent\":"
        + paymentIntentJson
        + ",\"payment_status\":\""
        + paymentStatus
        + "\",\"status\":\""
        + status
        + "\",\"success_url\":\"https://shop.example/paid?session_id={CHECKOUT_SESSION_ID}\","
        + "\"url\":null}";
  }
}
