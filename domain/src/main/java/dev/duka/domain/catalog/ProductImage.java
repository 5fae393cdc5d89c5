package dev.duka.domain.catalog;

import dev.duka.domain.port.out.ImageStorage.StoredImage;
import java.time.Instant;
import java.util.Objects;

/**
 * One picture of a product, in the three sizes the storage keeps. A product's images are numbered
 * by {@code position} from 0 with no gaps; shops show position 0 first.
 */
public record ProductImage(
    ImageId id, ProductId productId, int position, StoredImage files, Instant createdAt) {

  /** The most images one request may upload. */
  public static final int MAX_PER_REQUEST = 10;

  /** The most images one product may have. */
  public static final int MAX_PER_PRODUCT = 30;

  public ProductImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(createdAt, "createdAt");
    if (position < 0) {
      throw new IllegalArgumentException("a position is never negative");
    }
  }
}
