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

  /** A builder for an active product with a unique SKU and slug, 1,000.00 TZS, 10 in stock. */
  public static ProductBuilder product(CategoryId category, String name) {
    return new ProductBuilder(category, name);
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

  /** Builds a product; every product gets a unique SKU and slug. */
  public static final class ProductBuilder {
    private final CategoryId category;
    private final String name;
    private String brand = "";
    private String description = "";
    private Money price = Fixtures.tzs("1000.00");
    private int stock = 10;
    private boolean active = true;
    private Instant createdAt = CREATED;

    private ProductBuilder(CategoryId category, String name) {
      this.category = category;
      this.name = name;
    }

    public ProductBuilder brand(String value) {
      this.brand = value;
      return this;
    }

    public ProductBuilder description(String value) {
      this.description = value;
      return this;
    }

    public ProductBuilder price(Money value) {
      this.price = value;
      return this;
    }

    public ProductBuilder stock(int value) {
      this.stock = value;
      return this;
    }

    public ProductBuilder inactive() {
      this.active = false;
      return this;
    }

    /** Created {@code minutes} after {@link #CREATED}, so listings by newest have an order. */
    public ProductBuilder createdMinutesLater(int minutes) {
      this.createdAt = CREATED.plusSeconds(60L * minutes);
      return this;
    }

    public Product build() {
      String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
      Sku sku = Sku.of("T-" + unique);
      return new Product(
          new ProductId(UUID.randomUUID()),
          sku,
          Slug.from(name + " " + unique, "product"),
          name,
          description,
          brand,
          category,
          price,
          stock,
          active,
          Actor.system(),
          Actor.system(),
          createdAt,
          createdAt);
    }
  }
}
