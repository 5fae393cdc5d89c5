package dev.duka.domain.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores product images by content, under keys derived from the bytes (never from a client's file
 * name), and serves them back.
 *
 * <p>A key is one URL path segment of {@code [0-9a-z.-]}, safe to put in {@code /uploads/{key}} as
 * it is. The bytes under a key never change, so they may be cached for good. Uploading the same
 * bytes twice yields the same keys, so two image rows can share files: delete only what no row uses
 * any more.
 */
public interface ImageStorage {

  /**
   * Validates an uploaded image by its content, and stores it with a thumbnail and a medium
   * rendition. Storing the same bytes twice yields the same keys. Each file is written completely
   * or not at all, and a call that fails leaves no file behind. Stored files carry no metadata of
   * the upload (EXIF, GPS), and are turned upright by its EXIF orientation.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the bytes are not an accepted image
   *     (JPEG, PNG, WebP, GIF), or a damaged one
   * @throws dev.duka.domain.error.TooLargeException when the upload has too many bytes, or its
   *     picture too many pixels
   * @throws dev.duka.domain.error.UnavailableException when the files cannot be written
   */
  StoredImage store(byte[] content);

  /**
   * The stored file under {@code key}; empty for an unknown or malformed key, whatever its text.
   * Never reads outside the storage.
   *
   * @throws dev.duka.domain.error.UnavailableException when the storage cannot be read
   */
  Optional<StoredFile> open(String key);

  /**
   * Deletes the files of an image no row uses any more; unknown keys are ignored.
   *
   * @throws dev.duka.domain.error.UnavailableException when a file cannot be removed
   */
  void delete(StoredImage image);

  /** An image in three sizes. */
  record StoredImage(Rendition original, Rendition thumbnail, Rendition medium) {
    public StoredImage {
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(thumbnail, "thumbnail");
      Objects.requireNonNull(medium, "medium");
    }
  }

  /** One stored file of an image: its key, media type and pixel size (upright). */
  record Rendition(String key, String contentType, int width, int height) {
    public Rendition {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  /** A stored file ready to stream. */
  interface StoredFile {
    /** The media type, e.g. {@code image/jpeg}. */
    String contentType();

    /** The length in bytes. */
    long size();

    /** A fresh stream over the file's bytes; the caller closes it. */
    InputStream openStream() throws IOException;
  }
}
