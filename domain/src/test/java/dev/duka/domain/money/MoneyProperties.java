package dev.duka.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {

  @Provide
  Arbitrary<Currency> currencies() {
    return Arbitraries.of("TZS", "JPY", "BHD", "USD", "KES", "EUR").map(Currency::getInstance);
  }

  @Property
  void formattingThenParsingGivesTheSameAmount(
      @ForAll long minor, @ForAll("currencies") Currency currency) {
    Money money = Money.of(minor, currency);
    assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
  }

  @Property
  void formattedAmountsHaveExactlyTheCurrencysDecimals(
      @ForAll long minor, @ForAll("currencies") Currency currency) {
    String text = Money.of(minor, currency).toDecimalString();
    int decimals = text.contains(".") ? text.length() - text.indexOf('.') - 1 : 0;
    assertThat(decimals).isEqualTo(currency.getDefaultFractionDigits());
  }

  @Property
  void additionMatchesExactArithmeticOrReportsOverflow(@ForAll long a, @ForAll long b) {
    Currency tzs = Currency.getInstance("TZS");
    BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    if (exact.bitLength() < 64) {
      assertThat(Money.of(a, tzs).plus(Money.of(b, tzs)).minor()).isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.of(a, tzs).plus(Money.of(b, tzs)))
          .isInstanceOf(AmountOutOfRangeException.class);
    }
  }

  @Property
  void subtractionMatchesExactArithmeticOrReportsOverflow(@ForAll long a, @ForAll long b) {
    Currency tzs = Currency.getInstance("TZS");
    BigInteger exact = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
    if (exact.bitLength() < 64) {
      assertThat(Money.of(a, tzs).minus(Money.of(b, tzs)).minor())
          .isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.of(a, tzs).minus(Money.of(b, tzs)))
          .isInstanceOf(AmountOutOfRangeException.class);
    }
  }

  @Property
  void multiplicationMatchesExactArithmeticOrReportsOverflow(
      @ForAll long minor, @ForAll @IntRange(min = -1000, max = 1000) int quantity) {
    Currency tzs = Currency.getInstance("TZS");
    BigInteger exact = BigInteger.valueOf(minor).multiply(BigInteger.valueOf(quantity));
    if (exact.bitLength() < 64) {
      assertThat(Money.of(minor, tzs).times(quantity).minor()).isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.of(minor, tzs).times(quantity))
          .isInstanceOf(AmountOutOfRangeException.class);
    }
  }

  @Property
  void multiplyingIsRepeatedAddition(
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long minor,
      @ForAll @IntRange(min = 0, max = 50) int quantity) {
    Currency tzs = Currency.getInstance("TZS");
    Money sum = Money.zero(tzs);
    for (int i = 0; i < quantity; i++) {
      sum = sum.plus(Money.of(minor, tzs));
    }
    assertThat(Money.of(minor, tzs).times(quantity)).isEqualTo(sum);
  }

  @Property
  void subtractionUndoesAddition(
      @ForAll @LongRange(min = -1L << 60, max = 1L << 60) long a,
      @ForAll @LongRange(min = -1L << 60, max = 1L << 60) long b) {
    Currency tzs = Currency.getInstance("TZS");
    assertThat(Money.of(a, tzs).plus(Money.of(b, tzs)).minus(Money.of(b, tzs)))
        .isEqualTo(Money.of(a, tzs));
  }
}
