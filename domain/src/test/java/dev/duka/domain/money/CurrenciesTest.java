package dev.duka.domain.money;

import static dev.duka.domain.testing.Fixtures.TZS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesTest {

  @Test
  void readsCodesInAnyCase() {
    assertThat(Currencies.parse("tzs")).isEqualTo(TZS);
    assertThat(Currencies.parse("TZS")).isEqualTo(TZS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "TZ", "TZSS", "ABC", "XXX", "12A"})
  void refusesUnknownCodesAndCodesWithoutMinorUnits(String code) {
    assertThatThrownBy(() -> Currencies.parse(code)).isInstanceOf(InvalidValueException.class);
  }
}
