package dev.duka.domain.port.out;

import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image rows of products. The files themselves live in {@link ImageStorage}; a row names them
 * by key, and the same files may back several rows (the same picture uploaded twice), so files go
 * only when no row names them any more. Deleting a product deletes its rows.
 */
public interface ProductImageRepository {

  /** The images of a product by position. */
  List<ProductImage> imagesOf(ProductId product);

  /** The images of each given product by position; products without images are absent. */
  Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> products);

  /** One image of a product; empty when it does not exist or belongs to another product. */
  Optional<ProductImage> find(ProductId product, ImageId id);

  /**
   * Stores new images at their positions, first moving the product's images at or after the lowest
   * of those positions up by how many are added, so positions stay without gaps.
   *
   * @throws dev.duka.domain.error.NotFoundException when the product does not exist
   */
  void insert(List<ProductImage> images);

  /** Deletes an image and moves the product's later images down by one. */
  void delete(ProductImage image);

  /** True when some image row names the files of {@code originalKey}'s picture. */
  boolean isUsed(String originalKey);

  /**
   * Holds, until the transaction ends, the lock on one product's images, so concurrent uploads and
   * deletes to it number positions one after the other. Take it before any content lock.
   */
  void lockImagesOf(ProductId product);

  /**
   * Holds, until the transaction ends, the lock on the rows naming one picture's files, so that
   * deciding "no row uses these files, delete them" and "the files exist, add a row" never
   * interleave.
   */
  void lockContent(String originalKey);
}
