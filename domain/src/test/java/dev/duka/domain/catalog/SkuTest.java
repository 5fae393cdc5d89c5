package dev.duka.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkuTest {

  @Test
  void normalizesToUpperCaseWithoutSurroundingSpace() {
    assertThat(Sku.of("  tee-m-blue ").value()).isEqualTo("TEE-M-BLUE");
  }

  @Test
  void acceptsTheLengthLimits() {
    assertThat(Sku.of("A1-").value()).hasSize(3);
    assertThat(Sku.of("A".repeat(64)).value()).hasSize(64);
  }

  @ParameterizedTest(name = "\"{0}\" is not a SKU")
  @ValueSource(strings = {"", "AB", "TEE M", "TEE_M", "TEE/M", "ТЕЕ-M", "TEE.M", "../etc"})
  void refusesOtherCharactersAndShortValues(String value) {
    assertThatThrownBy(() -> Sku.of(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("sku:");
  }

  @Test
  void refusesMoreThan64Characters() {
    assertThatThrownBy(() -> Sku.of("A".repeat(65))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> Sku.of(null)).isInstanceOf(InvalidValueException.class);
  }
}
