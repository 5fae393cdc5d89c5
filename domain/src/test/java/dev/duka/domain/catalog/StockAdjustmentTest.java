package dev.duka.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.testing.FixedClock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockAdjustmentTest {

  @Test
  void becomesALedgerEntryWithItsReason() {
    ProductId id = new ProductId(UUID.randomUUID());

    StockMovement movement =
        new StockAdjustment(-3, "  breakage ").toMovement(id, FixedClock.DEFAULT_START);

    assertThat(movement.productId()).isEqualTo(id);
    assertThat(movement.delta()).isEqualTo(-3);
    assertThat(movement.reason()).isEqualTo("breakage");
  }

  @Test
  void allowsUpToAMillionEitherWay() {
    assertThat(new StockAdjustment(1_000_000, "delivery").delta()).isEqualTo(1_000_000);
    assertThat(new StockAdjustment(-1_000_000, "recount").delta()).isEqualTo(-1_000_000);
  }

  @Test
  void refusesZeroAndTooLargeDeltas() {
    for (int delta : new int[] {0, 1_000_001, -1_000_001, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> new StockAdjustment(delta, "x"))
          .as("delta %d", delta)
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("delta");
    }
  }

  @Test
  void needsAReasonOfAtMostTwoHundredCharacters() {
    assertThatThrownBy(() -> new StockAdjustment(1, " "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reason: is required");
    assertThatThrownBy(() -> new StockAdjustment(1, "r".repeat(201)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 200");
  }

  @Test
  void namesBothProblemsAtOnce() {
    assertThatThrownBy(() -> new StockAdjustment(0, null))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("delta", "reason"));
  }
}
