package dev.duka.domain.cart;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import java.util.Objects;

/** A line that can be ordered: the product as priced now, the quantity and their product. */
public record PricedLine(
    ProductId productId, Sku sku, String name, Money unitPrice, int quantity, Money lineTotal) {
  public PricedLine {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(lineTotal, "lineTotal");
    if (quantity < CartPricing.MIN_QUANTITY || quantity > CartPricing.MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity out of range: " + quantity);
    }
    if (!lineTotal.equals(unitPrice.times(quantity))) {
      throw new IllegalArgumentException("line total must be unit price × quantity");
    }
  }

  static PricedLine of(ProductSnapshot product, int quantity) {
    return new PricedLine(
        product.id(),
        product.sku(),
        product.name(),
        product.unitPrice(),
        quantity,
        product.unitPrice().times(quantity));
  }
}
