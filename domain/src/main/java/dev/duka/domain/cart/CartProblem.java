package dev.duka.domain.cart;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.common.WireNames;
import java.util.Objects;

/** Why one product of a cart cannot be ordered as asked. */
public record CartProblem(ProductId productId, Code code, String message) {
  public CartProblem {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Each kind of problem has its own code, so clients can react without parsing text. */
  public enum Code {
    /** No product has this id. */
    UNKNOWN_PRODUCT,
    /** The product exists but is not for sale. */
    INACTIVE_PRODUCT,
    /** The quantity is not between 1 and 999 (after merging repeated lines). */
    INVALID_QUANTITY,
    /** Fewer are in stock than asked for. */
    INSUFFICIENT_STOCK,
    /** The product is priced in another currency than the cart. */
    CURRENCY_MISMATCH;

    /** The code as it appears on the wire: {@code insufficient_stock}. */
    public String wireName() {
      return WireNames.of(this);
    }
  }
}
