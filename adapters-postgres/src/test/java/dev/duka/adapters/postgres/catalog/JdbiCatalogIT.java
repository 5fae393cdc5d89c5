package dev.duka.adapters.postgres.catalog;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.testing.CatalogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiCatalogIT extends CatalogContract {
  private static PostgresDatabase database;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected CategoryRepository categories() {
    return new JdbiCategoryRepository(database.jdbi());
  }

  @Override
  protected ProductRepository products() {
    return new JdbiProductRepository(database.jdbi());
  }

  @Override
  protected void recordAnOrderOf(Product product) {
    CatalogRows.recordAnOrderOf(database.jdbi(), product.id().value());
  }
}
