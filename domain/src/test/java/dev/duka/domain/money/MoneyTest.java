package dev.duka.domain.money;

import static dev.duka.domain.testing.Fixtures.BHD;
import static dev.duka.domain.testing.Fixtures.JPY;
import static dev.duka.domain.testing.Fixtures.TZS;
import static dev.duka.domain.testing.Fixtures.USD;
import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.ErrorCode;
import dev.duka.domain.error.InvalidValueException;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} {1} is {2} minor units")
  @CsvSource({
    "TZS, 12500.00, 1250000",
    "TZS, 12500, 1250000",
    "TZS, 0.5, 50",
    "TZS, 0.05, 5",
    "TZS, 0, 0",
    "TZS, -3.20, -320",
    "JPY, 1250, 1250",
    "JPY, 0, 0",
    "BHD, 1.250, 1250",
    "BHD, 0.001, 1",
    "BHD, 12.5, 12500"
  })
  void parsesDecimalStringsWithTheCurrencysExponent(String code, String text, long minor) {
    assertThat(Money.parse(text, Currency.getInstance(code)).minor()).isEqualTo(minor);
  }

  @ParameterizedTest(name = "{1} minor units of {0} read {2}")
  @CsvSource({
    "TZS, 1250000, 12500.00",
    "TZS, 5, 0.05",
    "TZS, -320, -3.20",
    "JPY, 1250, 1250",
    "BHD, 1250, 1.250",
    "BHD, 1, 0.001"
  })
  void formatsWithExactlyTheCurrencysDecimals(String code, long minor, String text) {
    assertThat(Money.of(minor, Currency.getInstance(code)).toDecimalString()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} {1} has too many decimals")
  @CsvSource({"TZS, 1.001", "JPY, 1.0", "JPY, 1250.5", "BHD, 0.0001"})
  void refusesMoreDecimalsThanTheCurrencyAllows(String code, String text) {
    assertThatThrownBy(() -> Money.parse(text, Currency.getInstance(code)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most");
  }

  @ParameterizedTest(name = "\"{0}\" is not an amount")
  @ValueSource(
      strings = {"", " ", "abc", "1,000.00", "1e5", "+1.00", " 1.00", "1.", ".5", "0x10", "١٢"})
  void refusesTextThatIsNotAPlainDecimal(String text) {
    assertThatThrownBy(() -> Money.parse(text, TZS))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).code())
        .isEqualTo(ErrorCode.INVALID_VALUE);
  }

  @Test
  void refusesNullText() {
    assertThatThrownBy(() -> Money.parse(null, TZS)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesAmountsBeyondALongOfMinorUnits() {
    assertThatThrownBy(() -> Money.parse("92233720368547758.08", TZS))
        .isInstanceOf(AmountOutOfRangeException.class);
    assertThat(Money.parse("92233720368547758.07", TZS).minor()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void refusesVeryLongTextBeforeParsingIt() {
    assertThatThrownBy(() -> Money.parse("1".repeat(10_000), TZS))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void addsSubtractsAndMultiplies() {
    assertThat(tzs("100.50").plus(tzs("0.50"))).isEqualTo(tzs("101.00"));
    assertThat(tzs("100.50").minus(tzs("0.51"))).isEqualTo(tzs("99.99"));
    assertThat(tzs("19990.00").times(3)).isEqualTo(tzs("59970.00"));
  }

  @Test
  void detectsOverflowOnAddition() {
    Money max = Money.of(Long.MAX_VALUE, TZS);
    assertThatThrownBy(() -> max.plus(Money.of(1, TZS)))
        .isInstanceOf(AmountOutOfRangeException.class);
  }

  @Test
  void detectsOverflowOnSubtraction() {
    Money min = Money.of(Long.MIN_VALUE, TZS);
    assertThatThrownBy(() -> min.minus(Money.of(1, TZS)))
        .isInstanceOf(AmountOutOfRangeException.class);
  }

  @Test
  void detectsOverflowOnMultiplication() {
    Money big = Money.of(Long.MAX_VALUE / 2 + 1, TZS);
    assertThatThrownBy(() -> big.times(2)).isInstanceOf(AmountOutOfRangeException.class);
  }

  @Test
  void refusesToMixCurrencies() {
    Money usd = Money.of(100, USD);
    assertThatThrownBy(() -> tzs("1.00").plus(usd))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("TZS")
        .hasMessageContaining("USD");
    assertThatThrownBy(() -> tzs("1.00").minus(usd)).isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> tzs("1.00").isAtLeast(usd))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void comparesAmountsOfOneCurrency() {
    assertThat(tzs("2.00").isAtLeast(tzs("2.00"))).isTrue();
    assertThat(tzs("2.00").isGreaterThan(tzs("2.00"))).isFalse();
    assertThat(tzs("2.01").isGreaterThan(tzs("2.00"))).isTrue();
  }

  @Test
  void refusesCurrenciesWithoutAMinorUnit() {
    assertThatThrownBy(() -> Money.of(1, Currency.getInstance("XXX")))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void knowsTheExponentsOfTheCurrenciesWeSell() {
    assertThat(Money.zero(TZS).exponent()).isEqualTo(2);
    assertThat(Money.zero(JPY).exponent()).isEqualTo(0);
    assertThat(Money.zero(BHD).exponent()).isEqualTo(3);
  }

  @Test
  void readsAsAmountAndCurrency() {
    assertThat(tzs("12500.00")).hasToString("12500.00 TZS");
  }
}
