package dev.duka.domain.testing;

import dev.duka.domain.catalog.Product;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductRepository;

class InMemoryCatalogTest extends CatalogContract {
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
  protected void recordAnOrderOf(Product product) {
    catalog.recordOrderOf(product.id());
  }
}
