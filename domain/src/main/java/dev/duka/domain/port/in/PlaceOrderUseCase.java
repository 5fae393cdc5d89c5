package dev.duka.domain.port.in;

import dev.duka.domain.cart.CartLine;
import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.user.Caller;
import java.util.List;

/** Buys a cart. */
public interface PlaceOrderUseCase {

  /**
   * Prices the cart from the database, takes the stock of every line and writes the order, its
   * lines, its first history entry and one ledger row per line, all in one transaction: either the
   * whole order exists or nothing changed. With an idempotency key, the same request again returns
   * the order placed the first time, even while that first request is still running.
   *
   * @throws dev.duka.domain.order.OrderNotPlaceableException when a line cannot be ordered (out of
   *     stock: 409; unknown, inactive or a bad quantity: 400), naming the lines
   * @throws dev.duka.domain.error.ForbiddenException until the customer's email is verified
   * @throws dev.duka.domain.error.ConflictException when the idempotency key was used for another
   *     request
   */
  PlacedOrder placeOrder(Caller caller, PlaceOrderCommand command);

  /**
   * What to buy and where it goes.
   *
   * @param idempotencyKey the client's {@code Idempotency-Key}, or null
   */
  record PlaceOrderCommand(
      List<CartLine> lines, ShippingAddress shippingAddress, String notes, String idempotencyKey) {
    public PlaceOrderCommand {
      lines = List.copyOf(lines);
    }
  }

  /** The order, and whether it was placed by an earlier request with the same key. */
  record PlacedOrder(OrderView order, boolean replayed) {}
}
