package dev.duka.application.catalog;

import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.in.CreateProductUseCase;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.port.in.ManageProductImagesUseCase;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.port.in.ServeUploadUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.port.out.ImageStorage.StoredFile;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Administrators add and remove product pictures. Uploads are decoded and stored first, outside any
 * transaction; the rows follow in one transaction under the product's lock; when anything fails,
 * the files this call stored and no row names are removed again.
 */
public final class ProductImageService implements ManageProductImagesUseCase, ServeUploadUseCase {
  private final ProductRepository products;
  private final ProductImageRepository images;
  private final ImageStorage storage;
  private final CreateProductUseCase creator;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final ImageFiles files;

  public ProductImageService(
      ProductRepository products,
      ProductImageRepository images,
      ImageStorage storage,
      CreateProductUseCase creator,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids) {
    this.products = products;
    this.images = images;
    this.storage = storage;
    this.creator = creator;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.files = new ImageFiles(storage, images, transactions);
  }

  @Override
  public ProductView addImages(
      Caller caller, ProductId product, List<ImageUpload> uploads, OptionalInt position) {
    Admins.require(caller, "add product images");
    requireCount(uploads);
    // Cheap refusals first, so a bad request decodes nothing; they are checked again under lock.
    transactions.inTransaction(
        () -> placeFor(product, uploads.size(), position, images.imagesOf(existing(product))));
    List<StoredImage> stored = files.storeAll(uploads);
    try {
      return transactions.inTransaction(
          () -> {
            images.lockImagesOf(product);
            Product found = products.findById(product).orElseThrow(() -> notFound(product));
            int at = placeFor(product, uploads.size(), position, images.imagesOf(product));
            attach(caller, found.id(), stored, uploads, at);
            return ProductView.of(found, images.imagesOf(product));
          });
    } catch (RuntimeException failure) {
      files.releaseAfter(failure, stored);
      throw failure;
    }
  }

  @Override
  public ProductView deleteImage(Caller caller, ProductId product, ImageId image) {
    Admins.require(caller, "delete product images");
    List<ProductImage> gone = new ArrayList<>();
    ProductView view =
        transactions.inTransaction(
            () -> {
              images.lockImagesOf(product);
              Product found = products.findById(product).orElseThrow(() -> notFound(product));
              ProductImage doomed =
                  images
                      .find(product, image)
                      .orElseThrow(() -> new NotFoundException("image", image));
              images.delete(doomed);
              record(
                  caller,
                  "product.image_deleted",
                  product,
                  Map.of("image", image.toString(), "file", doomed.files().original().key()));
              gone.add(doomed);
              return ProductView.of(found, images.imagesOf(product));
            });
    files.release(ImageFiles.filesOf(gone));
    return view;
  }

  @Override
  public ProductView createProductWithImages(
      Caller caller, CreateProductCommand command, List<ImageUpload> uploads) {
    Admins.require(caller, "create products");
    requireCount(uploads);
    List<StoredImage> stored = files.storeAll(uploads);
    try {
      return transactions.inTransaction(
          () -> {
            ProductId id = creator.createProduct(caller, command).id();
            images.lockImagesOf(id);
            Product created = products.findById(id).orElseThrow();
            attach(caller, id, stored, uploads, 0);
            return ProductView.of(created, images.imagesOf(id));
          });
    } catch (RuntimeException failure) {
      files.releaseAfter(failure, stored);
      throw failure;
    }
  }

  @Override
  public Optional<StoredFile> openUpload(String key) {
    return storage.open(key);
  }

  private void attach(
      Caller caller,
      ProductId product,
      List<StoredImage> stored,
      List<ImageUpload> uploads,
      int at) {
    files.holdForRows(stored, uploads);
    Instant now = clock.now();
    List<ProductImage> added = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      added.add(new ProductImage(new ImageId(ids.newId()), product, at + i, stored.get(i), now));
    }
    images.insert(added);
    record(
        caller,
        "product.images_added",
        product,
        Map.of(
            "images",
            String.join(",", added.stream().map(i -> i.id().toString()).toList()),
            "position",
            Integer.toString(at)));
  }

  private ProductId existing(ProductId product) {
    if (products.findById(product).isEmpty()) {
      throw notFound(product);
    }
    return product;
  }

  /**
   * Where {@code count} new images go among {@code current}: at {@code position}, or after the
   * last.
   */
  private static int placeFor(
      ProductId product, int count, OptionalInt position, List<ProductImage> current) {
    if (current.size() + count > ProductImage.MAX_PER_PRODUCT) {
      throw new InvalidValueException(
          "files",
          "product "
              + product
              + " has "
              + current.size()
              + " images; it may have at most "
              + ProductImage.MAX_PER_PRODUCT);
    }
    if (position.isEmpty()) {
      return current.size();
    }
    int at = position.getAsInt();
    if (at < 0 || at > current.size()) {
      throw new InvalidValueException("position", "must be between 0 and " + current.size());
    }
    return at;
  }

  private static void requireCount(List<ImageUpload> uploads) {
    if (uploads.isEmpty()) {
      throw new InvalidValueException("files", "is required: at least one image");
    }
    if (uploads.size() > ProductImage.MAX_PER_REQUEST) {
      throw new InvalidValueException(
          "files", "at most " + ProductImage.MAX_PER_REQUEST + " images per request");
    }
  }

  private static NotFoundException notFound(ProductId product) {
    return new NotFoundException("product", product);
  }

  private void record(Caller caller, String action, ProductId id, Map<String, String> data) {
    audit.record(new AuditLog.Entry(caller.asActor(), action, id.toString(), data, clock.now()));
  }
}
