package dev.duka.domain.port.in;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.money.Money;
import java.time.Instant;

/** A product as shoppers and administrators see it. Optional texts are empty when absent. */
public record ProductView(
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

  public static ProductView of(Product product) {
    return new ProductView(
        product.id(),
        product.sku(),
        product.slug(),
        product.name(),
        product.description(),
        product.brand(),
        product.categoryId(),
        product.price(),
        product.stock(),
        product.active(),
        product.createdAt(),
        product.updatedAt());
  }
}
