package dev.duka.domain.catalog;

import dev.duka.domain.money.Money;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A product as the catalog keeps it. Optional texts (description, brand) are empty strings when
 * absent. Stock is never negative and changes only through stock movements; a new product's stock
 * is its first movement.
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
    Actor createdBy,
    Actor updatedBy,
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
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(updatedBy, "updatedBy");
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
