package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.user.Caller;
import java.util.List;
import java.util.OptionalInt;

/**
 * Administrators add pictures to products and take them away. Every upload is validated and stored
 * by its content; a call that fails leaves neither a row nor a file behind.
 */
public interface ManageProductImagesUseCase {

  /**
   * Adds the uploads to the product, in the order given, starting at {@code position} (after the
   * last image when empty); the product's images from there on move up. Audited.
   *
   * @return the product with all its images
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown product
   * @throws dev.duka.domain.error.InvalidValueException for no uploads, more than {@link
   *     dev.duka.domain.catalog.ProductImage#MAX_PER_REQUEST}, a product that would hold more than
   *     {@link dev.duka.domain.catalog.ProductImage#MAX_PER_PRODUCT}, a position beyond the end, or
   *     an upload that is not an accepted image
   * @throws dev.duka.domain.error.TooLargeException for an upload with too many bytes or pixels
   */
  ProductView addImages(
      Caller caller, ProductId product, List<ImageUpload> uploads, OptionalInt position);

  /**
   * Deletes one image of a product; its files go when no other image uses them. Audited.
   *
   * @return the product with its remaining images
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown product, or an image it does not
   *     have
   */
  ProductView deleteImage(Caller caller, ProductId product, ImageId image);

  /**
   * Creates a product as {@link CreateProductUseCase#createProduct} does, with the uploads as its
   * images from position 0: all of it or, on any failure, nothing.
   *
   * @throws dev.duka.domain.error.InvalidValueException for a bad product or a bad upload
   * @throws dev.duka.domain.error.TooLargeException for an upload with too many bytes or pixels
   */
  ProductView createProductWithImages(
      Caller caller, CreateProductCommand command, List<ImageUpload> uploads);

  /** The bytes of one uploaded file, read on demand; reading again yields the same bytes. */
  @FunctionalInterface
  interface ImageUpload {
    byte[] read();
  }
}
