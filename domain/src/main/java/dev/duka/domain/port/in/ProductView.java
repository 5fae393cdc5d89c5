package dev.duka.domain.port.in;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * A product as shoppers and administrators see it, with its images by position. Optional texts are
 * empty when absent.
 */
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
    List<ProductImage> images,
    Instant createdAt,
    Instant updatedAt) {

  public ProductView {
    images = List.copyOf(images);
  }

  public static ProductView of(Product product, List<ProductImage> images) {
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
        images,
        product.createdAt(),
        product.updatedAt());
  }
}
