package dev.duka.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import org.junit.jupiter.api.Test;

class ShippingAddressTest {

  @Test
  void normalizesCountryPhoneAndOptionalParts() {
    ShippingAddress address =
        new ShippingAddress(
            " Asha Mwinyi ", "Plot 12", null, "Arusha", null, null, "tz", "+255 (712) 345-678");

    assertThat(address.country()).isEqualTo("TZ");
    assertThat(address.phone()).isEqualTo("+255712345678");
    assertThat(address.fullName()).isEqualTo("Asha Mwinyi");
    assertThat(address.line2()).isEmpty();
    assertThat(address.region()).isEmpty();
  }

  @Test
  void namesEveryMissingOrInvalidFieldAtOnce() {
    assertThatThrownBy(() -> new ShippingAddress("", " ", "", "", "", "", "XX", "12"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("full_name", "line1", "city", "country", "phone"));
  }

  @Test
  void refusesOverlongFields() {
    assertThatThrownBy(
            () ->
                new ShippingAddress(
                    "x".repeat(201), "Plot 12", "", "Arusha", "", "", "TZ", "+255712345678"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("full_name"));
  }

  @Test
  void refusesControlCharacters() {
    assertThatThrownBy(
            () ->
                new ShippingAddress(
                    "Asha\u0000", "Plot 12", "", "Arusha", "", "", "TZ", "+255712345678"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesCountriesThatAreNotAlpha2() {
    assertThatThrownBy(
            () ->
                new ShippingAddress(
                    "Asha", "Plot 12", "", "Arusha", "", "", "TZA", "+255712345678"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ISO 3166");
  }
}
