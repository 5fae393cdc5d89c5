package dev.duka.application.catalog;

import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.port.in.ManageProductImagesUseCase.ImageUpload;
import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.Transactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps image files and image rows in step. Files are written before the rows that name them (a
 * picture is decoded outside any transaction, so no connection waits on it) and removed after the
 * last row naming them is gone. Because identical uploads share files, "add a row naming these
 * files" and "no row names these files, delete them" both run under the content's lock, and the
 * adding side checks the files are still there.
 */
final class ImageFiles {
  private final ImageStorage storage;
  private final ProductImageRepository images;
  private final Transactions transactions;

  ImageFiles(ImageStorage storage, ProductImageRepository images, Transactions transactions) {
    this.storage = storage;
    this.images = images;
    this.transactions = transactions;
  }

  /**
   * Validates and stores every upload, in order. When one fails, the files this call stored are
   * released before the failure is rethrown.
   */
  List<StoredImage> storeAll(List<ImageUpload> uploads) {
    List<StoredImage> stored = new ArrayList<>();
    try {
      for (ImageUpload upload : uploads) {
        stored.add(storage.store(upload.read()));
      }
      return stored;
    } catch (RuntimeException failure) {
      releaseAfter(failure, stored);
      throw failure;
    }
  }

  /**
   * Inside the caller's transaction, after its product lock: takes the content locks of the stored
   * files (in key order, so two writers never wait on each other in a circle) and stores again any
   * file a concurrent delete removed since {@link #storeAll}.
   */
  void holdForRows(List<StoredImage> stored, List<ImageUpload> uploads) {
    List<String> keys =
        stored.stream().map(image -> image.original().key()).distinct().sorted().toList();
    keys.forEach(images::lockContent);
    for (int i = 0; i < stored.size(); i++) {
      StoredImage image = stored.get(i);
      if (!present(image)) {
        storage.store(uploads.get(i).read());
      }
    }
  }

  /** Deletes the files of these images that no row names any more, each under its lock. */
  void release(List<StoredImage> files) {
    Map<String, StoredImage> byKey = new LinkedHashMap<>();
    files.forEach(image -> byKey.putIfAbsent(image.original().key(), image));
    for (Map.Entry<String, StoredImage> entry : byKey.entrySet()) {
      transactions.run(
          () -> {
            images.lockContent(entry.getKey());
            if (!images.isUsed(entry.getKey())) {
              storage.delete(entry.getValue());
            }
          });
    }
  }

  /** {@link #release} after a failure: its own failure is attached, never thrown over it. */
  void releaseAfter(RuntimeException failure, List<StoredImage> files) {
    try {
      release(files);
    } catch (RuntimeException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  static List<StoredImage> filesOf(List<ProductImage> of) {
    return of.stream().map(ProductImage::files).toList();
  }

  private boolean present(StoredImage image) {
    return storage.open(image.original().key()).isPresent()
        && storage.open(image.thumbnail().key()).isPresent()
        && storage.open(image.medium().key()).isPresent();
  }
}
