package dev.duka.adapters.storage;

import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.testing.ImageStorageContract;
import java.awt.Color;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem storage keeps the promises every image storage makes, on a real disk. */
class FileSystemImageStorageContractIT extends ImageStorageContract {
  @TempDir Path root;

  @Override
  protected ImageStorage emptyStorage(long maxBytes) {
    return new FileSystemImageStorage(root, maxBytes, false);
  }

  @Override
  protected byte[] anImage(int width, int height) {
    return TestImages.encode(TestImages.halves(width, height, Color.ORANGE, Color.BLUE), "png");
  }
}
