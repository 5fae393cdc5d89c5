package dev.duka.domain.catalog;

import dev.duka.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A product as the catalog keeps it. Optional texts (description, brand) are empty strings when
 * absent. Stock is never negative and changes only through stock movements.
 */
public record Product(
    ProductId id,
    Sku sku,
    Slug slug,
    String name,
    String description,
    String brand,
    CategoryId categoryId,
    Money price,
    int stock,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {
  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(categoryId, "categoryId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (price.isNegative()) {
      throw new IllegalArgumentException("a price is never negative");
    }
    if (stock < 0) {
      throw new IllegalArgumentException("stock is never negative");
    }
  }
}
