package dev.duka.domain.catalog;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a product listing or search is narrowed to, and how a listing is sorted. Every part is
 * optional: the empty query lists every product the caller may see, newest first.
 *
 * <ul>
 *   <li>category: that category and all its descendants;
 *   <li>brand: the brand, ignoring case;
 *   <li>price: at least {@code minPrice} and at most {@code maxPrice}, both in one currency, and
 *       only products priced in that currency;
 *   <li>in stock: {@code true} for products with stock, {@code false} for those without;
 *   <li>hidden products (inactive, or in an inactive category or below one) only when {@code
 *       includeHidden} — for administrators.
 * </ul>
 */
public final class ProductQuery {
  private final CategoryId category;
  private final String brand;
  private final Money minPrice;
  private final Money maxPrice;
  private final Boolean inStock;
  private final ProductSort sort;
  private final boolean includeHidden;

  private ProductQuery(Builder b) {
    this.category = b.category;
    this.brand = b.brand;
    this.minPrice = b.minPrice;
    this.maxPrice = b.maxPrice;
    this.inStock = b.inStock;
    this.sort = b.sort;
    this.includeHidden = b.includeHidden;
  }

  /** Every product the public may see, newest first. */
  public static ProductQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<CategoryId> category() {
    return Optional.ofNullable(category);
  }

  /** The brand to match ignoring case; empty for any brand. */
  public String brand() {
    return brand;
  }

  public Optional<Money> minPrice() {
    return Optional.ofNullable(minPrice);
  }

  public Optional<Money> maxPrice() {
    return Optional.ofNullable(maxPrice);
  }

  /** The currency the price bounds are in, when there is a bound. */
  public Optional<Currency> priceCurrency() {
    return minPrice().or(this::maxPrice).map(Money::currency);
  }

  public Optional<Boolean> inStock() {
    return Optional.ofNullable(inStock);
  }

  public ProductSort sort() {
    return sort;
  }

  public boolean includeHidden() {
    return includeHidden;
  }

  /** True when a product matches the filters (not the visibility rule, which needs the tree). */
  public boolean matches(Product product) {
    if (!brand.isEmpty() && !product.brand().equalsIgnoreCase(brand)) {
      return false;
    }
    Optional<Currency> currency = priceCurrency();
    if (currency.isPresent() && !product.price().hasCurrency(currency.get())) {
      return false;
    }
    if (minPrice != null && !product.price().isAtLeast(minPrice)) {
      return false;
    }
    if (maxPrice != null && product.price().isGreaterThan(maxPrice)) {
      return false;
    }
    return inStock == null || inStock == (product.stock() > 0);
  }

  /** Collects the parts of a query; {@link #build()} checks them together. */
  public static final class Builder {
    private CategoryId category;
    private String brand = "";
    private Money minPrice;
    private Money maxPrice;
    private Boolean inStock;
    private ProductSort sort = ProductSort.NEWEST;
    private boolean includeHidden;

    private Builder() {}

    /** Narrows to this category and its descendants; null for any. */
    public Builder category(CategoryId value) {
      this.category = value;
      return this;
    }

    /** Narrows to a brand, ignoring case; null or blank for any. */
    public Builder brand(String value) {
      this.brand = Text.clean(value);
      return this;
    }

    /** The lowest price; null for none. */
    public Builder minPrice(Money value) {
      this.minPrice = value;
      return this;
    }

    /** The highest price; null for none. */
    public Builder maxPrice(Money value) {
      this.maxPrice = value;
      return this;
    }

    /** True for products in stock only, false for those out of stock only, null for both. */
    public Builder inStock(Boolean value) {
      this.inStock = value;
      return this;
    }

    public Builder sort(ProductSort value) {
      this.sort = Objects.requireNonNull(value, "sort");
      return this;
    }

    /** Whether inactive products and products of hidden categories are listed too. */
    public Builder includeHidden(boolean value) {
      this.includeHidden = value;
      return this;
    }

    /**
     * The query.
     *
     * @throws InvalidValueException naming {@code brand}, {@code min_price} or {@code max_price}
     *     when the brand is too long, a bound is negative, the bounds are in two currencies, or the
     *     minimum is above the maximum
     */
    public ProductQuery build() {
      List<Violation> violations = new ArrayList<>();
      Text.check("brand", brand, false, Product.BRAND_MAX, violations);
      if (minPrice != null && minPrice.isNegative()) {
        violations.add(new Violation("min_price", "must not be negative"));
      }
      if (maxPrice != null && maxPrice.isNegative()) {
        violations.add(new Violation("max_price", "must not be negative"));
      }
      if (minPrice != null && maxPrice != null) {
        if (!minPrice.hasCurrency(maxPrice.currency())) {
          violations.add(new Violation("max_price", "must be in the currency of min_price"));
        } else if (minPrice.isGreaterThan(maxPrice)) {
          violations.add(new Violation("max_price", "must not be below min_price"));
        }
      }
      if (!violations.isEmpty()) {
        throw new InvalidValueException(violations);
      }
      return new ProductQuery(this);
    }
  }
}
