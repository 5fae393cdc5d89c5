package dev.duka.domain.money;

import static dev.duka.domain.testing.Fixtures.TZS;
import static dev.duka.domain.testing.Fixtures.tzs;
import static dev.duka.domain.testing.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class ShippingPolicyTest {

  private final ShippingPolicy freeFromHundredThousand =
      ShippingPolicy.freeFrom(tzs("5000.00"), tzs("100000.00"));

  @Test
  void chargesTheFlatFeeBelowTheThreshold() {
    assertThat(freeFromHundredThousand.feeFor(tzs("99999.99"))).isEqualTo(tzs("5000.00"));
  }

  @Test
  void waivesTheFeeOnceGoodsReachTheThreshold() {
    assertThat(freeFromHundredThousand.feeFor(tzs("100000.00"))).isEqualTo(Money.zero(TZS));
    assertThat(freeFromHundredThousand.feeFor(tzs("250000.00"))).isEqualTo(Money.zero(TZS));
  }

  @Test
  void aFlatPolicyAlwaysCharges() {
    assertThat(ShippingPolicy.flat(tzs("3000.00")).feeFor(tzs("1000000.00")))
        .isEqualTo(tzs("3000.00"));
  }

  @Test
  void refusesNegativeFeesAndThresholds() {
    assertThatThrownBy(() -> ShippingPolicy.flat(tzs("-1.00")))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ShippingPolicy.freeFrom(tzs("1.00"), tzs("-1.00")))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesFeeAndThresholdInDifferentCurrencies() {
    assertThatThrownBy(() -> ShippingPolicy.freeFrom(tzs("1.00"), usd("100.00")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void refusesGoodsInAnotherCurrency() {
    assertThatThrownBy(() -> ShippingPolicy.flat(tzs("1.00")).feeFor(usd("1.00")))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> freeFromHundredThousand.feeFor(usd("1.00")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void aPricingPolicyShipsInItsOwnCurrency() {
    assertThatThrownBy(() -> new PricingPolicy(TZS, TaxRate.ZERO, ShippingPolicy.flat(usd("5.00"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("USD");
  }
}
