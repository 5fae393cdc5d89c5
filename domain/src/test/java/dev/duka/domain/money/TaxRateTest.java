package dev.duka.domain.money;

import static dev.duka.domain.testing.Fixtures.BHD;
import static dev.duka.domain.testing.Fixtures.JPY;
import static dev.duka.domain.testing.Fixtures.TZS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxRateTest {

  @ParameterizedTest(name = "{1} at {0} is {2}: half-even")
  @CsvSource({
    // exactly .5 of a minor unit: to the even neighbour
    "0.1, 25, 2",
    "0.1, 35, 4",
    "0.1, 45, 4",
    "0.1, 55, 6",
    "0.5, 1, 0",
    "0.5, 3, 2",
    "0.18, 25, 4", // 4.5 -> 4
    "0.18, 75, 14", // 13.5 -> 14
    // off the .5 boundary: to the nearest
    "0.18, 1250000, 225000",
    "0.18, 3, 1", // 0.54 -> 1
    "0.18, 2, 0", // 0.36 -> 0
    "0.075, 1999, 150", // 149.925 -> 150
    "0, 1250000, 0",
    "1, 1250000, 1250000"
  })
  void roundsHalfEvenToTheMinorUnit(String rate, long baseMinor, long taxMinor) {
    assertThat(TaxRate.parse(rate).taxOn(Money.of(baseMinor, TZS)))
        .isEqualTo(Money.of(taxMinor, TZS));
  }

  @Test
  void roundsNegativeHalvesToEvenToo() {
    assertThat(TaxRate.parse("0.1").taxOn(Money.of(-25, TZS))).isEqualTo(Money.of(-2, TZS));
  }

  @Test
  void keepsTheCurrencyOfTheBase() {
    assertThat(TaxRate.parse("0.18").taxOn(Money.of(1000, JPY))).isEqualTo(Money.of(180, JPY));
    assertThat(TaxRate.parse("0.18").taxOn(Money.of(1000, BHD))).isEqualTo(Money.of(180, BHD));
  }

  @ParameterizedTest(name = "\"{0}\" is not a rate")
  @ValueSource(strings = {"", "abc", "-0.1", "1.5", "18%", "0.1234567891", "100"})
  void refusesAnythingButAFractionBetweenZeroAndOne(String text) {
    assertThatThrownBy(() -> TaxRate.parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void readsBackAsWritten() {
    assertThat(TaxRate.parse("0.18")).hasToString("0.18");
    assertThat(TaxRate.parse(" 0.075 ")).isEqualTo(new TaxRate(75, 3));
  }
}
