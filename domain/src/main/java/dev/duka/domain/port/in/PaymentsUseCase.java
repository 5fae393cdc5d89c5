package dev.duka.domain.port.in;

import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.user.Caller;
import java.util.List;

/**
 * Paying for orders: hosted checkout, confirming it, reading payments. The order's customer may do
 * all of it for their own orders; administrators may read and verify any.
 */
public interface PaymentsUseCase {

  /**
   * Opens a hosted checkout for a pending, unpaid order of the caller, or returns the one still
   * open for it: an order never has two open checkouts. No row is written unless the provider
   * opened the session.
   *
   * @throws dev.duka.domain.error.NotFoundException for an order that is not the caller's
   * @throws dev.duka.domain.error.ConflictException when the order is not pending or already paid
   * @throws dev.duka.domain.error.PaymentUnavailableException when no card provider is set up
   * @throws dev.duka.domain.error.PaymentProviderException when the provider fails or refuses
   */
  Checkout startCheckout(Caller caller, OrderId orderId);

  /**
   * Asks the provider about a checkout session and, when it is paid, marks the payment paid and
   * confirms the order, exactly once however often it is asked (and whatever the webhook does
   * meanwhile).
   *
   * @throws dev.duka.domain.error.NotFoundException for a session that is not the caller's
   */
  PaymentView verifyCheckout(Caller caller, String sessionId);

  /**
   * Duka's own view of a checkout session's payment; asks the provider nothing.
   *
   * @throws dev.duka.domain.error.NotFoundException for a session that is not the caller's
   */
  PaymentView checkoutStatus(Caller caller, String sessionId);

  /**
   * The payments of an order, oldest first.
   *
   * @throws dev.duka.domain.error.NotFoundException for an order the caller may not see
   */
  List<PaymentView> paymentsOf(Caller caller, OrderId orderId);

  /**
   * One payment.
   *
   * @throws dev.duka.domain.error.NotFoundException for a payment the caller may not see
   */
  PaymentView payment(Caller caller, PaymentId id);

  /** Where to send the customer to pay. */
  record Checkout(String sessionId, String url) {}
}
