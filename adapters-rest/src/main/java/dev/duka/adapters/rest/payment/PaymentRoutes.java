package dev.duka.adapters.rest.payment;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.common.MoneyBody;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.json.TextWithoutNul;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.Refund;
import dev.duka.domain.port.in.HandlePaymentWebhookUseCase;
import dev.duka.domain.port.in.ManagePaymentsUseCase;
import dev.duka.domain.port.in.PaymentView;
import dev.duka.domain.port.in.PaymentsUseCase;
import dev.duka.domain.user.Caller;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checkout, Stripe's webhooks, payments and refunds. The webhook route reads the raw body, as
 * signed; every other route needs a token.
 */
public final class PaymentRoutes implements Routes {
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

  private final PaymentsUseCase payments;
  private final HandlePaymentWebhookUseCase webhooks;
  private final ManagePaymentsUseCase management;
  private final Authentication authentication;
  private final JsonBodies bodies;

  public PaymentRoutes(
      PaymentsUseCase payments,
      HandlePaymentWebhookUseCase webhooks,
      ManagePaymentsUseCase management,
      Authentication authentication,
      JsonBodies bodies) {
    this.payments = payments;
    this.webhooks = webhooks;
    this.management = management;
    this.authentication = authentication;
    this.bodies = bodies;
  }

  record CheckoutRequest(@NotNull UUID orderId) {}

  record CheckoutResponse(String sessionId, String url) {}

  /**
   * An absent amount refunds all that remains; an explicit null is refused, so a client's unset
   * variable never turns a partial refund into a full one.
   */
  record RefundRequest(
      @JsonDeserialize(using = TextWithoutNul.NeverNull.class) @Size(max = 40) String amount,
      @NotBlank @Size(max = 500) String reason) {}

  record RefundBody(UUID id, MoneyBody amount, String reason, String status, Instant createdAt) {
    static RefundBody of(Refund refund) {
      return new RefundBody(
          refund.id().value(),
          MoneyBody.of(refund.amount()),
          refund.reason(),
          refund.status().wireName(),
          refund.createdAt());
    }
  }

  record PaymentResponse(
      UUID id,
      UUID orderId,
      String provider,
      String status,
      MoneyBody amount,
      MoneyBody refunded,
      String sessionId,
      List<RefundBody> refunds,
      Instant createdAt,
      Instant updatedAt) {
    static PaymentResponse of(PaymentView p) {
      return new PaymentResponse(
          p.id().value(),
          p.orderId().value(),
          p.provider().wireName(),
          p.status().wireName(),
          MoneyBody.of(p.amount()),
          MoneyBody.of(p.refunded()),
          p.sessionId().isEmpty() ? null : p.sessionId(),
          p.refunds().stream().map(RefundBody::of).toList(),
          p.createdAt(),
          p.updatedAt());
    }
  }

  record PaymentList(List<PaymentResponse> items) {}

  @Override
  public void declare() {
    post("/stripe/create-checkout-session", this::createCheckout);
    post("/orders/{id}/payment", this::payOrder);
    get("/stripe/verify/{session_id}", this::verify);
    get("/stripe/status/{session_id}", this::status);
    post("/stripe/webhooks", this::webhook);
    get("/payments", this::list);
    get("/payments/{id}", this::show);
    post("/admin/orders/{id}/refund", this::refund);
  }

  private void createCheckout(Context ctx) {
    Caller caller = authentication.require(ctx);
    CheckoutRequest body = bodies.read(ctx, CheckoutRequest.class);
    checkout(ctx, caller, new OrderId(body.orderId()));
  }

  private void payOrder(Context ctx) {
    Caller caller = authentication.require(ctx);
    checkout(ctx, caller, PathIds.of(ctx, "id", "order", OrderId::parse));
  }

  private void checkout(Context ctx, Caller caller, OrderId order) {
    PaymentsUseCase.Checkout checkout = payments.startCheckout(caller, order);
    ctx.status(201).json(new CheckoutResponse(checkout.sessionId(), checkout.url()));
  }

  private void verify(Context ctx) {
    Caller caller = authentication.require(ctx);
    ctx.json(PaymentResponse.of(payments.verifyCheckout(caller, sessionId(ctx))));
  }

  private void status(Context ctx) {
    Caller caller = authentication.require(ctx);
    ctx.json(PaymentResponse.of(payments.checkoutStatus(caller, sessionId(ctx))));
  }

  private void webhook(Context ctx) {
    webhooks.handle(ctx.body(), ctx.header("Stripe-Signature"));
    ctx.json(Map.of("received", true));
  }

  private void list(Context ctx) {
    Caller caller = authentication.require(ctx);
    String order = ctx.queryParam("order_id");
    if (order == null) {
      throw new InvalidValueException("order_id", "is required");
    }
    OrderId id;
    try {
      id = OrderId.parse(order);
    } catch (InvalidValueException notAnId) {
      throw new InvalidValueException("order_id", "must be an order's id");
    }
    ctx.json(
        new PaymentList(
            payments.paymentsOf(caller, id).stream().map(PaymentResponse::of).toList()));
  }

  private void show(Context ctx) {
    Caller caller = authentication.require(ctx);
    PaymentId id = PathIds.of(ctx, "id", "payment", PaymentId::parse);
    ctx.json(PaymentResponse.of(payments.payment(caller, id)));
  }

  private void refund(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    OrderId id = PathIds.of(ctx, "id", "order", OrderId::parse);
    RefundRequest body = bodies.read(ctx, RefundRequest.class);
    ctx.status(201)
        .json(PaymentResponse.of(management.refund(caller, id, body.amount(), body.reason())));
  }

  private static String sessionId(Context ctx) {
    String id = ctx.pathParam("session_id");
    if (!SESSION_ID.matcher(id).matches()) {
      throw new NotFoundException("checkout session", "(malformed)");
    }
    return id;
  }
}
