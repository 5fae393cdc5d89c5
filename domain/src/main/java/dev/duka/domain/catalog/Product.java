package dev.duka.domain.catalog;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.Violation;
import dev.duka.domain.money.Money;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A product as the catalog keeps it. Optional texts (description, brand) are empty strings when
 * absent. Stock is never negative and changes only through stock movements; a new product's stock
 * is its first movement.
 *
 * <p>{@code version} counts the stored edits of the product's own fields (name, price, SKU...) for
 * optimistic locking; stock movements do not change it, so an order taking stock never makes an
 * administrator's edit fail.
 */
public record Product(
    ProductId id,
    Sku sku,
    Slug slug,
    String name,
    String description,
    String brand,
    CategoryId categoryId,
    Money price,
    int stock,
    boolean active,
    Actor createdBy,
    Actor updatedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public static final int NAME_MAX = 200;
  public static final int DESCRIPTION_MAX = 5_000;
  public static final int BRAND_MAX = 100;

  /** The most stock one product may hold; far above any shop, far below integer overflow. */
  public static final int STOCK_MAX = 1_000_000_000;

  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(categoryId, "categoryId");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(updatedBy, "updatedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (price.isNegative()) {
      throw new IllegalArgumentException("a price is never negative");
    }
    if (stock < 0) {
      throw new IllegalArgumentException("stock is never negative");
    }
    if (version < 0) {
      throw new IllegalArgumentException("a version is never negative");
    }
  }

  /** A product that was never stored: version 0. */
  public Product(
      ProductId id,
      Sku sku,
      Slug slug,
      String name,
      String description,
      String brand,
      CategoryId categoryId,
      Money price,
      int stock,
      boolean active,
      Actor createdBy,
      Actor updatedBy,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        sku,
        slug,
        name,
        description,
        brand,
        categoryId,
        price,
        stock,
        active,
        createdBy,
        updatedBy,
        createdAt,
        updatedAt,
        0);
  }

  /**
   * Adds to {@code into} a violation for each rule the texts of a product break: a name of 1–200
   * characters, a description of at most 5,000 and a brand of at most 100, none with control
   * characters. The texts must be cleaned ({@link Text#clean}) already.
   */
  public static void checkTexts(
      String name, String description, String brand, List<Violation> into) {
    Text.check("name", name, true, NAME_MAX, into);
    Text.check("description", description, false, DESCRIPTION_MAX, into);
    Text.check("brand", brand, false, BRAND_MAX, into);
  }

  /**
   * This product with new values for the fields an administrator edits; stock, slug, creation and
   * version stay as they are.
   */
  public Product edited(
      Sku newSku,
      String newName,
      String newDescription,
      String newBrand,
      CategoryId newCategory,
      Money newPrice,
      boolean newActive,
      Actor by,
      Instant at) {
    return new Product(
        id,
        newSku,
        slug,
        newName,
        newDescription,
        newBrand,
        newCategory,
        newPrice,
        stock,
        newActive,
        createdBy,
        by,
        createdAt,
        at,
        version);
  }

  /** This product withdrawn from sale: it stays stored (orders refer to it) but nobody sees it. */
  public Product deactivated(Actor by, Instant at) {
    return edited(sku, name, description, brand, categoryId, price, false, by, at);
  }
}
