package dev.duka.domain.testing;

import dev.duka.domain.port.out.ImageStorage;

class InMemoryImageStorageTest extends ImageStorageContract {
  @Override
  protected ImageStorage emptyStorage(long maxBytes) {
    return new InMemoryImageStorage(maxBytes);
  }

  @Override
  protected byte[] anImage(int width, int height) {
    return InMemoryImageStorage.image(width, height);
  }
}
