package dev.duka.domain.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitionTableTest {

  enum Light {
    RED,
    GREEN,
    AMBER
  }

  @Test
  void refusesATableWithAStateMissing() {
    var builder =
        TransitionTable.builder("light", Light.class)
            .from(Light.RED, Light.GREEN)
            .from(Light.GREEN);

    assertThatThrownBy(builder::build).hasMessageContaining("AMBER");
  }

  @Test
  void refusesTwoRowsForOneState() {
    var builder = TransitionTable.builder("light", Light.class).from(Light.RED, Light.GREEN);

    assertThatThrownBy(() -> builder.from(Light.RED)).hasMessageContaining("two rows");
  }
}
