package dev.duka.domain.cart;

import static dev.duka.domain.testing.Fixtures.SHOP_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import dev.duka.domain.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CartPricingProperties {

  /** A random catalog of up to 8 products and a cart of up to 12 lines over it (and strangers). */
  record Scenario(Map<ProductId, ProductSnapshot> catalog, Cart cart) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<ProductSnapshot> products =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.longs().between(0, 50_000_000L),
                Arbitraries.integers().between(0, 2_000),
                Arbitraries.of(true, true, true, false))
            .as(
                (n, price, stock, active) ->
                    new ProductSnapshot(
                        new ProductId(new UUID(1, n)),
                        Sku.of("SKU-" + n),
                        "Product " + n,
                        Money.of(price, Fixtures.TZS),
                        stock,
                        active));
    return products
        .list()
        .ofMaxSize(8)
        .flatMap(
            catalog -> {
              List<ProductId> ids = new ArrayList<>();
              catalog.forEach(p -> ids.add(p.id()));
              ids.add(new ProductId(new UUID(2, 2))); // never in the catalog
              Arbitrary<CartLine> lines =
                  Combinators.combine(Arbitraries.of(ids), Arbitraries.longs().between(-2, 1_200))
                      .as(CartLine::new);
              return lines
                  .list()
                  .ofMaxSize(12)
                  .map(
                      cartLines -> {
                        Map<ProductId, ProductSnapshot> byId = new HashMap<>();
                        catalog.forEach(p -> byId.put(p.id(), p));
                        return new Scenario(byId, new Cart(cartLines));
                      });
            });
  }

  @Property
  void totalIsSubtotalMinusDiscountPlusTaxPlusShipping(@ForAll("scenarios") Scenario scenario) {
    PriceBreakdown priced = new CartPricing(SHOP_POLICY).price(scenario.cart(), scenario.catalog());

    assertThat(priced.total())
        .isEqualTo(
            priced.subtotal().minus(priced.discount()).plus(priced.tax()).plus(priced.shipping()));
  }

  @Property
  void everyLineTotalIsUnitPriceTimesQuantity(@ForAll("scenarios") Scenario scenario) {
    PriceBreakdown priced = new CartPricing(SHOP_POLICY).price(scenario.cart(), scenario.catalog());

    Money sum = Money.zero(Fixtures.TZS);
    for (PricedLine line : priced.lines()) {
      assertThat(line.lineTotal()).isEqualTo(line.unitPrice().times(line.quantity()));
      sum = sum.plus(line.lineTotal());
    }
    assertThat(priced.subtotal()).isEqualTo(sum);
  }

  @Property
  void everyProductBecomesExactlyOneLineOrOneProblem(@ForAll("scenarios") Scenario scenario) {
    PriceBreakdown priced = new CartPricing(SHOP_POLICY).price(scenario.cart(), scenario.catalog());

    List<ProductId> accounted = new ArrayList<>();
    priced.lines().forEach(line -> accounted.add(line.productId()));
    priced.problems().forEach(problem -> accounted.add(problem.productId()));
    assertThat(accounted).containsExactlyInAnyOrderElementsOf(scenario.cart().productIds());
  }

  @Property
  void neverPricesMoreThanIsInStock(@ForAll("scenarios") Scenario scenario) {
    PriceBreakdown priced = new CartPricing(SHOP_POLICY).price(scenario.cart(), scenario.catalog());

    for (PricedLine line : priced.lines()) {
      ProductSnapshot product = scenario.catalog().get(line.productId());
      assertThat(line.quantity()).isBetween(1, Math.min(999, product.stock()));
      assertThat(product.active()).isTrue();
      assertThat(line.unitPrice()).isEqualTo(product.unitPrice());
    }
  }
}
