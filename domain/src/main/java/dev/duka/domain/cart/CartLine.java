package dev.duka.domain.cart;

import dev.duka.domain.catalog.ProductId;
import java.util.Objects;

/**
 * One line as the client asked for it. The quantity is not checked here: pricing reports a bad
 * quantity as a problem of the cart, next to the other problems.
 */
public record CartLine(ProductId productId, long quantity) {
  public CartLine {
    Objects.requireNonNull(productId, "productId");
  }
}
