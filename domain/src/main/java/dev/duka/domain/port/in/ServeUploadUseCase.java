package dev.duka.domain.port.in;

import dev.duka.domain.port.out.ImageStorage.StoredFile;
import java.util.Optional;

/** Anyone fetches the stored files of product images. */
public interface ServeUploadUseCase {

  /**
   * The stored file under {@code key}; empty for an unknown or malformed key, whatever its text.
   *
   * @throws dev.duka.domain.error.UnavailableException when the storage cannot be read
   */
  Optional<StoredFile> openUpload(String key);
}
