package dev.duka.adapters.postgres.testing;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.catalog.JdbiCategoryRepository;
import dev.duka.adapters.postgres.catalog.JdbiProductRepository;
import dev.duka.adapters.postgres.user.JdbiUserRepository;
import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.money.Money;
import dev.duka.domain.testing.CatalogFixtures;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordHash;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.util.UUID;

/**
 * Rows other tables point at (users, categories, products), written through the real repositories,
 * for tests of orders, payments and the like.
 */
public final class StoredFixtures {
  private final PostgresDatabase database;
  private Category category;

  public StoredFixtures(PostgresDatabase database) {
    this.database = database;
  }

  /** A new verified customer. */
  public UserId aCustomer() {
    UserId id = new UserId(UUID.randomUUID());
    new JdbiUserRepository(database.jdbi())
        .insert(
            User.register(
                    id,
                    Email.of("customer-" + id + "@example.com"),
                    "Customer " + id,
                    Role.USER,
                    new PasswordHash("$argon2id$unused"),
                    FixedClock.DEFAULT_START)
                .verified(FixedClock.DEFAULT_START));
    return id;
  }

  /** A new active product with {@code stock} in stock, as pricing sees it. */
  public ProductSnapshot aProduct(Money price, int stock) {
    if (category == null) {
      category = CatalogFixtures.aCategory("Test goods");
      new JdbiCategoryRepository(database.jdbi()).insert(category);
    }
    Product product = CatalogFixtures.aProduct(category.id(), "Product", price, stock);
    new JdbiProductRepository(database.jdbi()).insert(product);
    return new ProductSnapshot(product.id(), product.sku(), product.name(), price, stock, true);
  }
}
