package dev.duka.domain.cart;

import static dev.duka.domain.testing.Fixtures.SHOP_POLICY;
import static dev.duka.domain.testing.Fixtures.TZS;
import static dev.duka.domain.testing.Fixtures.aProduct;
import static dev.duka.domain.testing.Fixtures.tzs;
import static dev.duka.domain.testing.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.cart.CartProblem.Code;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import dev.duka.domain.money.ShippingPolicy;
import dev.duka.domain.money.TaxRate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CartPricingTest {

  private final CartPricing pricing = new CartPricing(SHOP_POLICY);

  private final ProductSnapshot tee =
      aProduct().withSku("TEE-M").pricedAt(tzs("19990.00")).withStock(10).build();
  private final ProductSnapshot mug =
      aProduct().withSku("MUG-1").pricedAt(tzs("7500.00")).withStock(3).build();

  private static Map<ProductId, ProductSnapshot> catalog(ProductSnapshot... products) {
    return Arrays.stream(products)
        .collect(Collectors.toMap(ProductSnapshot::id, Function.identity()));
  }

  private static CartLine line(ProductSnapshot product, long quantity) {
    return new CartLine(product.id(), quantity);
  }

  @Test
  void pricesEachLineFromTheProductData() {
    PriceBreakdown priced = pricing.price(Cart.of(line(tee, 2), line(mug, 1)), catalog(tee, mug));

    assertThat(priced.lines())
        .extracting(
            PricedLine::sku, PricedLine::unitPrice, PricedLine::quantity, PricedLine::lineTotal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(tee.sku(), tzs("19990.00"), 2, tzs("39980.00")),
            org.assertj.core.groups.Tuple.tuple(mug.sku(), tzs("7500.00"), 1, tzs("7500.00")));
    assertThat(priced.problems()).isEmpty();
    assertThat(priced.isOrderable()).isTrue();
  }

  @Test
  void addsTaxOnTheDiscountedSubtotalAndShippingBelowTheThreshold() {
    PriceBreakdown priced = pricing.price(Cart.of(line(tee, 2), line(mug, 1)), catalog(tee, mug));

    assertThat(priced.subtotal()).isEqualTo(tzs("47480.00"));
    assertThat(priced.discount()).isEqualTo(Money.zero(TZS));
    assertThat(priced.tax()).isEqualTo(tzs("8546.40"));
    assertThat(priced.shipping()).isEqualTo(tzs("5000.00"));
    assertThat(priced.total()).isEqualTo(tzs("61026.40"));
  }

  @Test
  void shipsForFreeFromTheThreshold() {
    ProductSnapshot phone =
        aProduct().withSku("PHONE-1").pricedAt(tzs("100000.00")).withStock(1).build();
    PriceBreakdown priced = pricing.price(Cart.of(line(phone, 1)), catalog(phone));

    assertThat(priced.shipping()).isEqualTo(Money.zero(TZS));
    assertThat(priced.total()).isEqualTo(tzs("118000.00"));
  }

  @Test
  void mergesRepeatedProducts() {
    PriceBreakdown priced =
        pricing.price(Cart.of(line(tee, 2), line(mug, 1), line(tee, 3)), catalog(tee, mug));

    assertThat(priced.lines())
        .extracting(PricedLine::sku, PricedLine::quantity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(tee.sku(), 5),
            org.assertj.core.groups.Tuple.tuple(mug.sku(), 1));
  }

  @Test
  void checksMergedQuantitiesAgainstStock() {
    PriceBreakdown priced = pricing.price(Cart.of(line(mug, 2), line(mug, 2)), catalog(mug));

    assertThat(priced.problems())
        .extracting(CartProblem::code)
        .containsExactly(Code.INSUFFICIENT_STOCK);
  }

  @Test
  void reportsAnUnknownProduct() {
    ProductId ghost = new ProductId(new UUID(9, 9));
    PriceBreakdown priced =
        pricing.price(Cart.of(new CartLine(ghost, 1), line(tee, 1)), catalog(tee));

    assertThat(priced.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(Code.UNKNOWN_PRODUCT);
              assertThat(problem.productId()).isEqualTo(ghost);
            });
    assertThat(priced.lines()).extracting(PricedLine::sku).containsExactly(tee.sku());
    assertThat(priced.isOrderable()).isFalse();
  }

  @Test
  void reportsAnInactiveProduct() {
    ProductSnapshot retired = aProduct().withSku("OLD-1").inactive().build();
    PriceBreakdown priced = pricing.price(Cart.of(line(retired, 1)), catalog(retired));

    assertThat(priced.problems())
        .extracting(CartProblem::code)
        .containsExactly(Code.INACTIVE_PRODUCT);
  }

  @Test
  void reportsZeroNegativeAndTooLargeQuantities() {
    PriceBreakdown zero = pricing.price(Cart.of(line(tee, 0)), catalog(tee));
    PriceBreakdown negative = pricing.price(Cart.of(line(tee, -1)), catalog(tee));
    PriceBreakdown tooMany = pricing.price(Cart.of(line(tee, 1000)), catalog(tee));
    PriceBreakdown mergedTooMany =
        pricing.price(Cart.of(line(tee, 500), line(tee, 500)), catalog(tee));

    for (PriceBreakdown priced : new PriceBreakdown[] {zero, negative, tooMany, mergedTooMany}) {
      assertThat(priced.problems())
          .extracting(CartProblem::code)
          .containsExactly(Code.INVALID_QUANTITY);
    }
  }

  @Test
  void acceptsTheQuantityLimitsThemselves() {
    ProductSnapshot plenty =
        aProduct().withSku("BOLT-1").pricedAt(tzs("1.00")).withStock(5000).build();
    assertThat(pricing.price(Cart.of(line(plenty, 1)), catalog(plenty)).isOrderable()).isTrue();
    assertThat(pricing.price(Cart.of(line(plenty, 999)), catalog(plenty)).isOrderable()).isTrue();
  }

  @Test
  void doesNotWrapHugeMergedQuantitiesRoundToSmallOnes() {
    PriceBreakdown priced =
        pricing.price(Cart.of(line(tee, Long.MAX_VALUE), line(tee, 2)), catalog(tee));

    assertThat(priced.problems())
        .extracting(CartProblem::code)
        .containsExactly(Code.INVALID_QUANTITY);
  }

  @Test
  void reportsMoreThanInStock() {
    PriceBreakdown priced = pricing.price(Cart.of(line(mug, 4)), catalog(mug));

    assertThat(priced.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(Code.INSUFFICIENT_STOCK);
              assertThat(problem.message()).contains("only 3");
            });
  }

  @Test
  void reportsAProductPricedInAnotherCurrency() {
    ProductSnapshot imported = aProduct().withSku("IMP-1").pricedAt(usd("20.00")).build();
    PriceBreakdown priced =
        pricing.price(Cart.of(line(tee, 1), line(imported, 1)), catalog(tee, imported));

    assertThat(priced.problems())
        .extracting(CartProblem::code)
        .containsExactly(Code.CURRENCY_MISMATCH);
    assertThat(priced.subtotal()).isEqualTo(tzs("19990.00"));
  }

  @Test
  void totalsOnlyTheLinesThatCanBeOrdered() {
    PriceBreakdown priced = pricing.price(Cart.of(line(tee, 1), line(mug, 9)), catalog(tee, mug));

    assertThat(priced.subtotal()).isEqualTo(tzs("19990.00"));
    assertThat(priced.problems()).hasSize(1);
  }

  @Test
  void anEmptyCartCostsNothingAndCannotBeOrdered() {
    PriceBreakdown priced = pricing.price(Cart.of(), Map.of());

    assertThat(priced.total()).isEqualTo(Money.zero(TZS));
    assertThat(priced.shipping()).isEqualTo(Money.zero(TZS));
    assertThat(priced.isOrderable()).isFalse();
  }

  @Test
  void aCartWithOnlyProblemsChargesNoShipping() {
    PriceBreakdown priced = pricing.price(Cart.of(line(mug, 9)), catalog(mug));

    assertThat(priced.shipping()).isEqualTo(Money.zero(TZS));
    assertThat(priced.total()).isEqualTo(Money.zero(TZS));
  }

  @Test
  void appliesADiscountBeforeTaxAndShipping() {
    DiscountRule tenOff = (lines, subtotal) -> tzs("10000.00");
    PriceBreakdown priced =
        new CartPricing(SHOP_POLICY, tenOff).price(Cart.of(line(tee, 1)), catalog(tee));

    assertThat(priced.discount()).isEqualTo(tzs("10000.00"));
    assertThat(priced.tax()).isEqualTo(tzs("1798.20"));
    assertThat(priced.total()).isEqualTo(tzs("16788.20"));
  }

  @Test
  void refusesADiscountLargerThanTheSubtotal() {
    DiscountRule tooGenerous = (lines, subtotal) -> subtotal.plus(tzs("0.01"));
    CartPricing generous = new CartPricing(SHOP_POLICY, tooGenerous);

    assertThatThrownBy(() -> generous.price(Cart.of(line(tee, 1)), catalog(tee)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void roundsTaxOnceOnTheWholeOrderNotPerLine() {
    PricingPolicy tenPercent =
        new PricingPolicy(TZS, TaxRate.parse("0.1"), ShippingPolicy.flat(Money.zero(TZS)));
    ProductSnapshot a = aProduct().withSku("A-1").pricedAt(Money.of(15, TZS)).build();
    ProductSnapshot b = aProduct().withSku("B-1").pricedAt(Money.of(15, TZS)).build();

    // per line: 1.5 -> 2, twice = 4; on the order: 3.0 -> 3
    PriceBreakdown priced =
        new CartPricing(tenPercent).price(Cart.of(line(a, 1), line(b, 1)), catalog(a, b));

    assertThat(priced.tax()).isEqualTo(Money.of(3, TZS));
  }
}
