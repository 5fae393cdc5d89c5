package dev.duka.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import dev.duka.domain.money.ShippingPolicy;
import dev.duka.domain.money.TaxRate;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/domain.md, so the guide cannot drift from the code. */
class DomainGuideExampleTest {

  @Test
  void theGuidesExamplePricesAsDocumented() {
    Currency tzs = Currency.getInstance("TZS");
    PricingPolicy shop =
        new PricingPolicy(
            tzs,
            TaxRate.parse("0.18"),
            ShippingPolicy.freeFrom(Money.parse("5000.00", tzs), Money.parse("100000.00", tzs)));
    ProductId teeId = ProductId.parse("6f1c1c4e-5d0a-4b8e-9a53-0f0b8a1d2c3e");
    ProductSnapshot tee =
        new ProductSnapshot(
            teeId, Sku.of("TEE-M"), "T-shirt M", Money.parse("19990.00", tzs), 10, true);

    PriceBreakdown priced =
        new CartPricing(shop)
            .price(Cart.of(new CartLine(teeId, 2), new CartLine(teeId, 1)), Map.of(teeId, tee));

    assertThat(priced.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.quantity()).isEqualTo(3);
              assertThat(line.lineTotal().toDecimalString()).isEqualTo("59970.00");
            });
    assertThat(priced.tax().toDecimalString()).isEqualTo("10794.60");
    assertThat(priced.total().toDecimalString()).isEqualTo("75764.60");
    assertThat(priced.problems()).isEmpty();
  }
}
