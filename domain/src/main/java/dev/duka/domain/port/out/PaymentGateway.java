package dev.duka.domain.port.out;

import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.payment.PaymentProvider;
import java.util.List;
import java.util.Objects;

/**
 * A payment provider. Calls cross the network: never make them inside a transaction. Outcomes are
 * values, recorded by the caller before it acts on them.
 */
public interface PaymentGateway {

  PaymentProvider provider();

  /**
   * Opens a hosted checkout for an order. {@code request.idempotencyKey()} makes retries of one
   * attempt return the same session instead of a second one.
   */
  CheckoutOutcome openCheckout(CheckoutRequest request);

  /** The provider's current view of a checkout session. */
  SessionOutcome fetchSession(String sessionId);

  /** Refunds {@code amount} of the payment behind {@code providerReference}. */
  RefundOutcome refund(RefundRequest request);

  /** What to charge: the order's lines, tax and shipping, summing to the order total. */
  record CheckoutRequest(
      OrderId orderId,
      OrderNumber orderNumber,
      List<ChargeLine> lines,
      Money total,
      String customerEmail,
      String idempotencyKey) {
    public CheckoutRequest {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(orderNumber, "orderNumber");
      lines = List.copyOf(lines);
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(customerEmail, "customerEmail");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Money sum = Money.zero(total.currency());
      for (ChargeLine line : lines) {
        sum = sum.plus(line.unitAmount().times(line.quantity()));
      }
      if (!sum.equals(total)) {
        throw new IllegalArgumentException("charge lines must add up to the total");
      }
    }
  }

  /** One line of a checkout page. */
  record ChargeLine(String name, Money unitAmount, int quantity) {
    public ChargeLine {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unitAmount, "unitAmount");
      if (quantity < 1) {
        throw new IllegalArgumentException("quantity must be positive");
      }
    }
  }

  /** The result of opening a checkout. */
  sealed interface CheckoutOutcome
      permits CheckoutOutcome.Opened, CheckoutOutcome.Refused, CheckoutOutcome.Unreachable {
    /** The session exists; send the customer to {@code url}. */
    record Opened(String sessionId, String url) implements CheckoutOutcome {}

    /** The provider said no (e.g. below its minimum charge); retrying will not help. */
    record Refused(String reason) implements CheckoutOutcome {}

    /** The provider failed or did not answer; retrying may help. */
    record Unreachable(String reason) implements CheckoutOutcome {}
  }

  /** The result of fetching a session. */
  sealed interface SessionOutcome
      permits SessionOutcome.Found, SessionOutcome.NotFound, SessionOutcome.Unreachable {
    /**
     * The session: whether it is paid, the amount and currency it charged, and the provider's
     * payment id (for refunds).
     */
    record Found(
        String sessionId, boolean paid, boolean expired, Money amountTotal, String paymentReference)
        implements SessionOutcome {}

    record NotFound() implements SessionOutcome {}

    record Unreachable(String reason) implements SessionOutcome {}
  }

  /** What to refund, with a key that makes retries of one refund safe. */
  record RefundRequest(
      String paymentReference, Money amount, String providerReason, String idempotencyKey) {
    public RefundRequest {
      Objects.requireNonNull(paymentReference, "paymentReference");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(providerReason, "providerReason");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      if (!amount.isPositive()) {
        throw new IllegalArgumentException("a refund is of a positive amount");
      }
    }
  }

  /** The result of a refund. */
  sealed interface RefundOutcome
      permits RefundOutcome.Succeeded, RefundOutcome.Refused, RefundOutcome.Unreachable {
    record Succeeded(String refundReference) implements RefundOutcome {}

    record Refused(String reason) implements RefundOutcome {}

    record Unreachable(String reason) implements RefundOutcome {}
  }
}
