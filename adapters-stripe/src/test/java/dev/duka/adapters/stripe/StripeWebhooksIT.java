package dev.duka.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.adapters.stripe.testing.FakeStripe.Delivery;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.port.out.PaymentGateway.ChargeLine;
import dev.duka.domain.port.out.PaymentGateway.CheckoutOutcome;
import dev.duka.domain.port.out.PaymentGateway.CheckoutRequest;
import dev.duka.domain.port.out.PaymentGateway.RefundRequest;
import dev.duka.domain.port.out.PaymentGateway.SessionOutcome;
import dev.duka.domain.port.out.PaymentWebhooks.InvalidWebhookException;
import dev.duka.domain.port.out.PaymentWebhooks.PaymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deliveries FakeStripe builds for sessions opened through the real gateway read back as the
 * events Duka acts on, also after a trip over HTTP.
 */
class StripeWebhooksIT {
  private static final Currency TZS = Currency.getInstance("TZS");
  private static final OrderId ORDER =
      new OrderId(UUID.fromString("0c9a7e3b-21d4-4f7a-8b6e-9d0c1a2b3c4d"));

  private final FakeStripe stripe = FakeStripe.start();
  private final StripePaymentGateway gateway =
      new StripePaymentGateway(stripe.apiKey(), stripe.baseUri());
  private final StripeWebhooks webhooks = new StripeWebhooks(stripe.webhookSecret(), Instant::now);

  @AfterEach
  void stopStripe() {
    stripe.close();
  }

  @Test
  void aPaidCheckoutIsReportedWithItsPaymentAndOrder() {
    String sessionId = openCheckout();
    String paymentIntent = stripe.complete(sessionId);

    PaymentEvent event = read(stripe.checkoutCompleted(sessionId));

    assertThat(event)
        .isInstanceOfSatisfying(
            PaymentEvent.CheckoutCompleted.class,
            completed -> {
              assertThat(completed.sessionId()).isEqualTo(sessionId);
              assertThat(completed.paid()).isTrue();
              assertThat(completed.amountTotal()).isEqualTo(tzs("26500.00"));
              assertThat(completed.paymentReference()).isEqualTo(paymentIntent);
              assertThat(completed.orderReference()).isEqualTo(ORDER.toString());
            });
  }

  @Test
  void aDelayedPaymentIsReportedUnpaidThenPaid() {
    String sessionId = openCheckout();
    String paymentIntent = stripe.completeAwaitingPayment(sessionId);

    PaymentEvent completed = read(stripe.checkoutCompleted(sessionId));
    PaymentEvent succeeded = read(stripe.asyncPaymentSucceeded(sessionId));

    assertThat(((PaymentEvent.CheckoutCompleted) completed).paid()).isFalse();
    assertThat(succeeded)
        .isInstanceOfSatisfying(
            PaymentEvent.AsyncPaymentSucceeded.class,
            paid -> assertThat(paid.paymentReference()).isEqualTo(paymentIntent));
    assertThat(((SessionOutcome.Found) gateway.fetchSession(sessionId)).paid()).isTrue();
  }

  @Test
  void aFailedDelayedPaymentIsReported() {
    String sessionId = openCheckout();
    stripe.completeAwaitingPayment(sessionId);

    PaymentEvent event = read(stripe.asyncPaymentFailed(sessionId));

    assertThat(event).isInstanceOf(PaymentEvent.AsyncPaymentFailed.class);
    assertThat(((PaymentEvent.AsyncPaymentFailed) event).sessionId()).isEqualTo(sessionId);
    assertThat(((SessionOutcome.Found) gateway.fetchSession(sessionId)).paid()).isFalse();
  }

  @Test
  void anExpiredCheckoutIsReported() {
    String sessionId = openCheckout();
    stripe.expire(sessionId);

    PaymentEvent event = read(stripe.sessionExpired(sessionId));

    assertThat(((PaymentEvent.CheckoutExpired) event).sessionId()).isEqualTo(sessionId);
  }

  @Test
  void aRefundMadeThroughTheGatewayIsReportedOnTheCharge() {
    String paymentIntent = stripe.complete(openCheckout());
    gateway.refund(new RefundRequest(paymentIntent, tzs("5000.00"), "duplicate", "refund-1"));

    PaymentEvent event = read(stripe.chargeRefunded(paymentIntent));

    assertThat(event)
        .isInstanceOfSatisfying(
            PaymentEvent.ChargeRefunded.class,
            refunded -> {
              assertThat(refunded.paymentReference()).isEqualTo(paymentIntent);
              assertThat(refunded.amountRefunded()).isEqualTo(tzs("5000.00"));
            });
  }

  @Test
  void aDeclinedPaymentIsReported() {
    String paymentIntent = stripe.complete(openCheckout());

    PaymentEvent event = read(stripe.paymentFailed(paymentIntent));

    assertThat(((PaymentEvent.PaymentFailed) event).paymentReference()).isEqualTo(paymentIntent);
  }

  @Test
  void theFakeRefusesToReportACompletionThatDidNotHappen() {
    String sessionId = openCheckout();

    assertThatThrownBy(() -> stripe.checkoutCompleted(sessionId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call complete");
  }

  @Test
  void aDeliveryPostedOverHttpVerifiesOnTheRawBody() throws IOException {
    String sessionId = openCheckout();
    stripe.complete(sessionId);
    HttpServer endpoint =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endpoint.createContext(
        "/webhooks",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
          int status;
          try {
            webhooks.read(body, signature);
            status = 200;
          } catch (InvalidWebhookException refused) {
            status = 400;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    endpoint.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks");
      Delivery delivery = stripe.checkoutCompleted(sessionId);

      Delivery notAscii =
          stripe.event(
              "customer.created",
              "{\"id\":\"cus_1\",\"object\":\"customer\",\"name\":\"Zuhura Mţwara — ☕\"}");

      HttpResponse<String> accepted = FakeStripe.deliver(delivery, uri);
      HttpResponse<String> acceptedUtf8 = FakeStripe.deliver(notAscii, uri);
      HttpResponse<String> forged =
          FakeStripe.deliver(
              FakeStripe.sign(delivery.body(), Instant.now(), "whsec_somebody_else"), uri);

      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(acceptedUtf8.statusCode()).isEqualTo(200);
      assertThat(forged.statusCode()).isEqualTo(400);
    } finally {
      endpoint.stop(0);
    }
  }

  private PaymentEvent read(Delivery delivery) {
    return webhooks.read(delivery.body(), delivery.signatureHeader());
  }

  /** A checkout of 26,500.00 TZS for {@link #ORDER}, opened through the gateway. */
  private String openCheckout() {
    CheckoutRequest request =
        new CheckoutRequest(
            ORDER,
            new OrderNumber("DK-3M9XH7KQ"),
            List.of(
                new ChargeLine("Kahawa ya Kilimanjaro — 500 g", tzs("12500.00"), 1),
                new ChargeLine("Tax (18%)", tzs("2250.00"), 1),
                new ChargeLine("Shipping", tzs("11750.00"), 1)),
            tzs("26500.00"),
            "baraka@example.com",
            "https://shop.example/paid?session_id={CHECKOUT_SESSION_ID}",
            "https://shop.example/cart",
            "checkout-" + ORDER);
    CheckoutOutcome outcome = gateway.openCheckout(request);
    assertThat(outcome).isInstanceOf(CheckoutOutcome.Opened.class);
    return ((CheckoutOutcome.Opened) outcome).sessionId();
  }

  private static Money tzs(String amount) {
    return Money.parse(amount, TZS);
  }
}
