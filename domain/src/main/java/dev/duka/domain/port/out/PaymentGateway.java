package dev.duka.domain.port.out;

import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import java.util.List;
import java.util.Objects;

/**
 * A card payment provider with hosted checkout pages (Stripe Checkout). Calls cross the network:
 * never make them inside a transaction. Outcomes are values, recorded by the caller before it acts
 * on them; no provider exception crosses this port.
 */
public interface PaymentGateway {

  /**
   * Opens a hosted checkout for an order. Retries with the same {@code request.idempotencyKey()}
   * return the same session instead of a second one.
   */
  CheckoutOutcome openCheckout(CheckoutRequest request);

  /** The provider's current view of a checkout session. */
  SessionOutcome fetchSession(String sessionId);

  /**
   * Refunds {@code amount} of the payment behind {@code paymentReference}. Retries with the same
   * {@code request.idempotencyKey()} refund once.
   */
  RefundOutcome refund(RefundRequest request);

  /**
   * What to charge: the order's product lines, then tax and shipping as lines of their own, summing
   * to the order total; where to send the customer afterwards.
   */
  record CheckoutRequest(
      OrderId orderId,
      OrderNumber orderNumber,
      List<ChargeLine> lines,
      Money total,
      String customerEmail,
      String successUrl,
      String cancelUrl,
      String idempotencyKey) {
    public CheckoutRequest {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(orderNumber, "orderNumber");
      lines = List.copyOf(lines);
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(customerEmail, "customerEmail");
      Objects.requireNonNull(successUrl, "successUrl");
      Objects.requireNonNull(cancelUrl, "cancelUrl");
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
      if (unitAmount.isNegative()) {
        throw new IllegalArgumentException("a charge line is never negative");
      }
    }
  }

  /** The result of opening a checkout. */
  sealed interface CheckoutOutcome
      permits CheckoutOutcome.Opened, CheckoutOutcome.Refused, CheckoutOutcome.Unreachable {
    /** The session exists; send the customer to {@code url}. */
    record Opened(String sessionId, String url) implements CheckoutOutcome {}

    /**
     * The provider said no (e.g. a currency or amount it does not take); retrying will not help.
     */
    record Refused(String reason) implements CheckoutOutcome {}

    /** The provider failed or did not answer in time; retrying may help. */
    record Unreachable(String reason) implements CheckoutOutcome {}
  }

  /** Where a checkout session is. */
  enum SessionStatus {
    OPEN,
    COMPLETE,
    EXPIRED
  }

  /** The result of fetching a session. */
  sealed interface SessionOutcome
      permits SessionOutcome.Found, SessionOutcome.NotFound, SessionOutcome.Unreachable {
    /**
     * The session as the provider sees it.
     *
     * @param paid true once the money is captured (a completed session may still wait for a delayed
     *     payment method)
     * @param paymentReference the provider's payment id, for refunds; empty until there is one
     * @param orderReference the order id the session was opened for (client reference)
     * @param url the checkout page while the session is open; empty otherwise
     */
    record Found(
        String sessionId,
        SessionStatus status,
        boolean paid,
        Money amountTotal,
        String paymentReference,
        String orderReference,
        String url)
        implements SessionOutcome {
      public Found {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amountTotal, "amountTotal");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(url, "url");
      }
    }

    record NotFound() implements SessionOutcome {}

    record Unreachable(String reason) implements SessionOutcome {}
  }

  /**
   * What to refund, with a key that makes retries of one refund safe.
   *
   * @param providerReason the reason to give the provider: one of its own ({@code
   *     requested_by_customer}, {@code duplicate}, {@code fraudulent}); anything else is sent as
   *     {@code requested_by_customer} (the free-text reason stays on Duka's refund row)
   */
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
