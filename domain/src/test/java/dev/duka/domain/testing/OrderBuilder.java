package dev.duka.domain.testing;

import static dev.duka.domain.testing.Fixtures.aProduct;
import static dev.duka.domain.testing.Fixtures.anAddress;

import dev.duka.domain.cart.Cart;
import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.CartPricing;
import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a placed order through the real pricing, e.g. {@code anOrder().withLine(sku("TEE-M"), 2,
 * tzs("19990.00")).build()}. Defaults: one T-shirt, the shop policy, a Dar es Salaam address,
 * placed at {@link FixedClock#DEFAULT_START}.
 */
public final class OrderBuilder {
  private final Map<ProductId, ProductSnapshot> products = new LinkedHashMap<>();
  private final List<CartLine> lines = new ArrayList<>();
  private PricingPolicy policy = Fixtures.SHOP_POLICY;
  private UserId customer = Fixtures.userId("customer");
  private ShippingAddress address = anAddress();
  private String notes = "";
  private Instant at = FixedClock.DEFAULT_START;
  private OrderId id = new OrderId(new UUID(0x0DE7, 1));
  private OrderNumber number = OrderNumber.fromRandom(42);

  OrderBuilder() {}

  public OrderBuilder withLine(Sku sku, int quantity, Money unitPrice) {
    ProductSnapshot product =
        aProduct().withSku(sku.value()).pricedAt(unitPrice).withStock(1_000).build();
    products.put(product.id(), product);
    lines.add(new CartLine(product.id(), quantity));
    return this;
  }

  /** A line for a product that exists in the caller's store, priced as stored. */
  public OrderBuilder withLine(ProductSnapshot product, int quantity) {
    products.put(product.id(), product);
    lines.add(new CartLine(product.id(), quantity));
    return this;
  }

  public OrderBuilder withPolicy(PricingPolicy value) {
    this.policy = value;
    return this;
  }

  public OrderBuilder by(UserId value) {
    this.customer = value;
    return this;
  }

  public OrderBuilder shippedTo(ShippingAddress value) {
    this.address = value;
    return this;
  }

  public OrderBuilder withNotes(String value) {
    this.notes = value;
    return this;
  }

  public OrderBuilder placedAt(Instant value) {
    this.at = value;
    return this;
  }

  public OrderBuilder withId(OrderId value) {
    this.id = value;
    return this;
  }

  public OrderBuilder numbered(OrderNumber value) {
    this.number = value;
    return this;
  }

  public Order build() {
    if (lines.isEmpty()) {
      withLine(Fixtures.sku("TEE-M"), 1, Fixtures.tzs("10000.00"));
    }
    var priced = new CartPricing(policy).price(new Cart(lines), products);
    return Order.place(id, number, customer, priced, address, notes, at);
  }
}
