package dev.duka.domain.order;

import dev.duka.domain.cart.PricedLine;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import java.util.Objects;

/**
 * A line of a placed order. Name and price are copied at order time, so later catalog changes never
 * alter what the customer bought.
 */
public record OrderLine(
    ProductId productId, Sku sku, String name, Money unitPrice, int quantity, Money lineTotal) {
  public OrderLine {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    if (quantity < 1) {
      throw new IllegalArgumentException("an order line has at least one item");
    }
    if (!unitPrice.times(quantity).equals(lineTotal)) {
      throw new IllegalArgumentException("line total must be unit price × quantity");
    }
  }

  public static OrderLine copyOf(PricedLine line) {
    return new OrderLine(
        line.productId(),
        line.sku(),
        line.name(),
        line.unitPrice(),
        line.quantity(),
        line.lineTotal());
  }
}
