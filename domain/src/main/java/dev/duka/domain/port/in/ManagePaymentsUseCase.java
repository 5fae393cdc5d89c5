package dev.duka.domain.port.in;

import dev.duka.domain.order.OrderId;
import dev.duka.domain.user.Caller;

/** Administrators settle orders by hand and give money back. */
public interface ManagePaymentsUseCase {

  /**
   * Records a cash-on-delivery or bank-transfer payment of the full total and confirms the order.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.ConflictException unless the order is pending and unpaid
   */
  OrderView markPaid(Caller caller, OrderId orderId);

  /**
   * Refunds {@code amount} (all that remains when null) of the order's payment. The refund is
   * recorded before the provider is asked and settled after, so a crash in between leaves a record
   * that the next attempt completes with the same idempotency key: never twice. A full refund moves
   * the order to refunded.
   *
   * @param amount a decimal string in the order's currency, or null for the rest
   * @param reason why, kept on the refund; the provider gets one of its own reasons
   * @throws dev.duka.domain.error.ConflictException when the order is not paid
   * @throws dev.duka.domain.error.InvalidValueException for an amount above what remains
   * @throws dev.duka.domain.error.PaymentProviderException when the provider fails or refuses
   */
  PaymentView refund(Caller caller, OrderId orderId, String amount, String reason);
}
