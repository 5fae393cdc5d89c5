package dev.duka.domain.testing;

import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.money.Money;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Categories and products with unique keys, for repository tests that share one database. */
public final class CatalogFixtures {
  public static final Instant CREATED = FixedClock.DEFAULT_START;

  private CatalogFixtures() {}

  /** An active root category with a unique slug. */
  public static Category aCategory(String name) {
    return aCategory(name, null, true);
  }

  public static Category aCategory(String name, CategoryId parent, boolean active) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return new Category(
        new CategoryId(UUID.randomUUID()),
        parent,
        name,
        Slug.from(name + " " + unique, "category"),
        "",
        active,
        0);
  }

  /** An active product with a unique SKU and slug, priced in TZS. */
  public static Product aProduct(CategoryId category, String name, Money price, int stock) {
    String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return aProduct(category, name, Sku.of("T-" + unique), price, stock, true);
  }

  public static Product aProduct(
      CategoryId category, String name, Sku sku, Money price, int stock, boolean active) {
    return new Product(
        new ProductId(UUID.randomUUID()),
        sku,
        Slug.from(name + " " + sku.value(), "product"),
        name,
        "",
        "",
        category,
        price,
        stock,
        active,
        Actor.system(),
        Actor.system(),
        CREATED,
        CREATED);
  }
}
