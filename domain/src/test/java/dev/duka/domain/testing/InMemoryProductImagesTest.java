package dev.duka.domain.testing;

import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;

class InMemoryProductImagesTest extends ProductImagesContract {
  private final InMemoryCatalog catalog = new InMemoryCatalog();

  @Override
  protected CategoryRepository categories() {
    return catalog.categories();
  }

  @Override
  protected ProductRepository products() {
    return catalog.products();
  }

  @Override
  protected ProductImageRepository images() {
    return catalog.images();
  }
}
