package dev.duka.domain.catalog;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;
import java.util.Map;

/**
 * A stock change would take a product's stock below zero (or past its maximum); nothing changed.
 */
public final class InsufficientStockException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String productId;
  private final int stock;
  private final int delta;

  public InsufficientStockException(ProductId productId, int stock, int delta) {
    super(
        ErrorCode.OUT_OF_STOCK,
        delta < 0
            ? "product " + productId + " has " + stock + " in stock; cannot take " + -delta
            : "product " + productId + " cannot hold " + delta + " more (it has " + stock + ")");
    this.productId = productId.toString();
    this.stock = stock;
    this.delta = delta;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("product_id", productId, "stock", stock, "delta", delta);
  }
}
