package dev.duka.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderNumberTest {

  @Test
  void looksLikeAReceiptNumber() {
    assertThat(OrderNumber.fromRandom(0x7FFF_FFFF_FFL).value()).matches("DK-[0-9A-Z]{8}");
    assertThat(OrderNumber.fromRandom(0).value()).isEqualTo("DK-00000000");
  }

  @Test
  void usesFortyBitsOfTheDraw() {
    assertThat(OrderNumber.fromRandom(1L << 40)).isEqualTo(OrderNumber.fromRandom(0));
    assertThat(OrderNumber.fromRandom(1L << 39)).isNotEqualTo(OrderNumber.fromRandom(0));
  }

  @Test
  void readsNumbersTypedInLowerCase() {
    assertThat(new OrderNumber(" dk-7kq2m9xh ").value()).isEqualTo("DK-7KQ2M9XH");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "DK-7KQ2M9X", "DK-7KQ2M9XHH", "XX-7KQ2M9XH", "DK-7KQ2M9XI", "DK-OOOOOOOO"})
  void refusesOtherShapes(String value) {
    assertThatThrownBy(() -> new OrderNumber(value)).isInstanceOf(InvalidValueException.class);
  }
}
