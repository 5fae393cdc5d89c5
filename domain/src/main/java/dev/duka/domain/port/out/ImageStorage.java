package dev.duka.domain.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores product images by content, under keys derived from the bytes (never from a client's file
 * name), and serves them back.
 */
public interface ImageStorage {

  /**
   * Validates an uploaded image by its content, and stores it with a thumbnail and a medium
   * rendition. Storing the same bytes twice yields the same keys. Each file is written completely
   * or not at all.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the bytes are not an accepted image,
   *     or it is too large in bytes or pixels
   */
  StoredImage store(byte[] content);

  /** The stored file under {@code key}; empty for an unknown or malformed key. */
  Optional<StoredFile> open(String key);

  /** Deletes the files of an image no row uses any more; unknown keys are ignored. */
  void delete(StoredImage image);

  /** An image in three sizes. */
  record StoredImage(Rendition original, Rendition thumbnail, Rendition medium) {
    public StoredImage {
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(thumbnail, "thumbnail");
      Objects.requireNonNull(medium, "medium");
    }
  }

  /** One stored file of an image: its key, media type and pixel size. */
  record Rendition(String key, String contentType, int width, int height) {
    public Rendition {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  /** A stored file ready to stream. */
  interface StoredFile {
    String contentType();

    long size();

    /** A fresh stream over the file's bytes; the caller closes it. */
    InputStream openStream() throws IOException;
  }
}
