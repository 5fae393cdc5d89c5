package dev.duka.application.order;

import dev.duka.domain.order.OrderId;

/** Gives all the money of a cancelled, paid order back (implemented by the payment service). */
@FunctionalInterface
public interface FullRefunds {

  /**
   * Refunds what remains of the order's captured payment; does nothing when nothing was paid.
   * Called after the cancellation committed, outside any transaction (it calls the provider).
   */
  void refundAll(OrderId orderId, String reason);

  /** For shops and tests where nothing can have been paid. */
  static FullRefunds none() {
    return (orderId, reason) -> {};
  }
}
