package dev.duka.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.IllegalTransitionException;
import dev.duka.domain.testing.TransitionMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentStatusTest {

  /** ARCHITECTURE.md's payment table, written out independently of the code: row → column. */
  private static final String TABLE =
      """
                           pending paid failed partially_refunded refunded
      pending                 .     Y     Y          .              .
      paid                    .     .     .          Y              Y
      failed                  .     Y     .          .              .
      partially_refunded      .     .     .          Y              Y
      refunded                .     .     .          .              .
      """;

  static Stream<Arguments> everyPair() {
    return TransitionMatrix.pairs(PaymentStatus.class, TABLE);
  }

  @Test
  void theTableCoversEveryPair() {
    assertThat(everyPair()).hasSize(PaymentStatus.values().length * PaymentStatus.values().length);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("everyPair")
  void movesExactlyAsTheTableSays(PaymentStatus from, PaymentStatus to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    assertThat(from.allowedMoves().contains(to)).isEqualTo(allowed);
    if (allowed) {
      assertThat(from.moveTo(to)).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> from.moveTo(to))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e -> {
                assertThat(e.from()).isEqualTo(from.wireName());
                assertThat(e.to()).isEqualTo(to.wireName());
                assertThat(e.getMessage())
                    .startsWith("payment cannot move from " + from.wireName());
              });
    }
  }

  @Test
  void knowsWhenMoneyWasCaptured() {
    assertThat(PaymentStatus.PAID.isCaptured()).isTrue();
    assertThat(PaymentStatus.PARTIALLY_REFUNDED.isCaptured()).isTrue();
    assertThat(PaymentStatus.PENDING.isCaptured()).isFalse();
    assertThat(PaymentStatus.FAILED.isCaptured()).isFalse();
  }

  @Test
  void readsWireNames() {
    assertThat(PaymentStatus.fromWire("partially_refunded"))
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThatThrownBy(() -> PaymentStatus.fromWire("settled"))
        .hasMessageContaining("payment_status");
  }
}
