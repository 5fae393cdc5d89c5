package dev.duka.domain.port.in;

import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.PriceBreakdown;
import java.util.List;

/** Prices a cart without buying it; anyone may ask. */
public interface PriceCartUseCase {

  /**
   * Prices the lines from the products as they are now in the catalog, listing each line that
   * cannot be ordered as asked. Writes nothing.
   *
   * @throws dev.duka.domain.error.InvalidValueException for an empty cart or more than {@link
   *     dev.duka.domain.cart.Cart#MAX_LINES} lines
   */
  PriceBreakdown priceCart(List<CartLine> lines);
}
