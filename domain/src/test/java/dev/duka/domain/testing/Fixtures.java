package dev.duka.domain.testing;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import dev.duka.domain.money.ShippingPolicy;
import dev.duka.domain.money.TaxRate;
import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.UUID;

/** Values with safe defaults for tests: short to write, obvious to read. */
public final class Fixtures {
  public static final Currency TZS = Currency.getInstance("TZS");
  public static final Currency JPY = Currency.getInstance("JPY");
  public static final Currency BHD = Currency.getInstance("BHD");
  public static final Currency USD = Currency.getInstance("USD");

  /** The shop of most tests: TZS, 18 % tax, 5,000.00 shipping, free from 100,000.00. */
  public static final PricingPolicy SHOP_POLICY =
      new PricingPolicy(
          TZS, TaxRate.parse("0.18"), ShippingPolicy.freeFrom(tzs("5000.00"), tzs("100000.00")));

  private Fixtures() {}

  public static Money tzs(String amount) {
    return Money.parse(amount, TZS);
  }

  public static Money usd(String amount) {
    return Money.parse(amount, USD);
  }

  public static Sku sku(String value) {
    return Sku.of(value);
  }

  /** The same id for the same SKU in every test, so expectations can name products by SKU. */
  public static ProductId productIdOf(Sku sku) {
    return new ProductId(uuidOf("product:" + sku.value()));
  }

  public static UserId userId(String name) {
    return new UserId(uuidOf("user:" + name));
  }

  public static ProductSnapshotBuilder aProduct() {
    return new ProductSnapshotBuilder();
  }

  public static OrderBuilder anOrder() {
    return new OrderBuilder();
  }

  /** A valid address in Dar es Salaam. */
  public static ShippingAddress anAddress() {
    return new ShippingAddress(
        "Asha Mwinyi",
        "Plot 12, Samora Avenue",
        "",
        "Dar es Salaam",
        "Dar es Salaam",
        "11101",
        "TZ",
        "+255 712 345 678");
  }

  private static UUID uuidOf(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** Builds the pricing data of one product; defaults: active, 100 in stock, 10,000.00 TZS. */
  public static final class ProductSnapshotBuilder {
    private Sku sku = sku("TEE-M");
    private String name = "T-shirt M";
    private Money price = tzs("10000.00");
    private int stock = 100;
    private boolean active = true;

    public ProductSnapshotBuilder withSku(String value) {
      this.sku = sku(value);
      this.name = "Product " + value;
      return this;
    }

    public ProductSnapshotBuilder named(String value) {
      this.name = value;
      return this;
    }

    public ProductSnapshotBuilder pricedAt(Money value) {
      this.price = value;
      return this;
    }

    public ProductSnapshotBuilder withStock(int value) {
      this.stock = value;
      return this;
    }

    public ProductSnapshotBuilder inactive() {
      this.active = false;
      return this;
    }

    public ProductSnapshot build() {
      return new ProductSnapshot(productIdOf(sku), sku, name, price, stock, active);
    }
  }
}
