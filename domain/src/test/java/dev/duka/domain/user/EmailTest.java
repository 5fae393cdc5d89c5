package dev.duka.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @Test
  void isStrippedAndLowerCased() {
    assertThat(Email.of("  Asha.Mwinyi@Example.CO.TZ ").value())
        .isEqualTo("asha.mwinyi@example.co.tz");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "asha",
        "asha@",
        "@example.com",
        "asha@example",
        "a b@example.com",
        "asha@-example.com",
        "asha@@example.com"
      })
  void refusesWhatIsNotAnAddress(String value) {
    assertThatThrownBy(() -> Email.of(value)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesOverlongAddresses() {
    assertThatThrownBy(() -> Email.of("a".repeat(60) + "@" + "b".repeat(200) + ".com"))
        .isInstanceOf(InvalidValueException.class);
  }
}
