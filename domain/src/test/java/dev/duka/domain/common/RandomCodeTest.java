package dev.duka.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RandomCodeTest {

  @Test
  void encodesFiveBitsPerCharacter() {
    assertThat(RandomCode.of(0, 4)).isEqualTo("0000");
    assertThat(RandomCode.of(31, 2)).isEqualTo("0Z");
    assertThat(RandomCode.of(32, 2)).isEqualTo("10");
  }

  @Test
  void neverUsesLettersThatReadLikeOthers() {
    assertThat(RandomCode.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
  }

  @Test
  void refusesLengthsOutsideOneLong() {
    assertThatThrownBy(() -> RandomCode.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RandomCode.of(1, 13)).isInstanceOf(IllegalArgumentException.class);
  }
}
