package dev.duka.domain.cart;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import java.util.Objects;

/**
 * What pricing needs to know about a product, read from the database at the moment of pricing.
 * Never built from client input.
 */
public record ProductSnapshot(
    ProductId id, Sku sku, String name, Money unitPrice, int stock, boolean active) {
  public ProductSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (unitPrice.isNegative()) {
      throw new IllegalArgumentException("a unit price is never negative: " + unitPrice);
    }
    if (stock < 0) {
      throw new IllegalArgumentException("stock is never negative: " + stock);
    }
  }
}
