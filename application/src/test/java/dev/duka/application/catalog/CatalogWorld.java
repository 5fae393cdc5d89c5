package dev.duka.application.catalog;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.port.in.CategoryView;
import dev.duka.domain.port.in.CreateCategoryUseCase.CreateCategoryCommand;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.testing.InMemoryAuditLog;
import dev.duka.domain.testing.InMemoryCatalog;
import dev.duka.domain.testing.InMemoryImageStorage;
import dev.duka.domain.testing.InMemoryTransactions;
import dev.duka.domain.testing.SequentialIdGenerator;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Role;
import java.util.Optional;
import java.util.UUID;

/** The catalog services wired on in-memory fakes, one small shop per test. */
final class CatalogWorld {
  static final long SEED = 20260115L;

  final FixedClock clock = new FixedClock();
  final SequentialIdGenerator ids = new SequentialIdGenerator(SEED);
  final InMemoryCatalog catalog = new InMemoryCatalog();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryTransactions transactions = new InMemoryTransactions();
  final CatalogSettings settings = new CatalogSettings(Fixtures.TZS);

  final CategoryService categories =
      new CategoryService(catalog.categories(), audit, transactions, clock, ids);
  final InMemoryImageStorage storage = new InMemoryImageStorage(1024);
  final ProductBrowsingService browsing =
      new ProductBrowsingService(catalog.products(), catalog.images(), transactions);
  final ProductAdministrationService administration =
      new ProductAdministrationService(
          catalog.products(),
          catalog.images(),
          storage,
          catalog.categories(),
          audit,
          transactions,
          clock,
          ids,
          settings);
  final ProductImageService pictures =
      new ProductImageService(
          catalog.products(),
          catalog.images(),
          storage,
          administration,
          audit,
          transactions,
          clock,
          ids);

  final Caller admin = new Caller(Fixtures.userId("admin"), Role.ADMIN);
  final Caller shopper = new Caller(Fixtures.userId("shopper"), Role.USER);

  static Optional<Caller> as(Caller caller) {
    return Optional.of(caller);
  }

  static Optional<Caller> anonymous() {
    return Optional.empty();
  }

  CategoryView category(String name) {
    return category(name, null, true);
  }

  CategoryView category(String name, CategoryId parent, boolean active) {
    return categories.createCategory(
        admin,
        new CreateCategoryCommand(
            name, null, parent == null ? null : parent.toString(), null, active, null));
  }

  /** A product in TZS with 10 in stock and a generated SKU. */
  ProductView product(CategoryId category, String name, String price) {
    return administration.createProduct(admin, command(category, name, price));
  }

  static CreateProductCommand command(CategoryId category, String name, String price) {
    return new CreateProductCommand(
        name, null, price, null, 10, null, category.toString(), null, null);
  }

  static String randomId() {
    return UUID.randomUUID().toString();
  }
}
