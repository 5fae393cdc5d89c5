package dev.duka.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.IllegalTransitionException;
import dev.duka.domain.testing.TransitionMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStatusTest {

  /** ARCHITECTURE.md's order table, written out independently of the code: row → column. */
  private static final String TABLE =
      """
                  pending confirmed processing shipped delivered cancelled refunded
      pending        .        Y         .         .       .         Y         .
      confirmed      .        .         Y         .       .         Y         Y
      processing     .        .         .         Y       .         Y         Y
      shipped        .        .         .         .       Y         .         Y
      delivered      .        .         .         .       .         .         Y
      cancelled      .        .         .         .       .         .         Y
      refunded       .        .         .         .       .         .         .
      """;

  static Stream<Arguments> everyPair() {
    return TransitionMatrix.pairs(OrderStatus.class, TABLE);
  }

  @Test
  void theTableCoversEveryPair() {
    assertThat(everyPair()).hasSize(OrderStatus.values().length * OrderStatus.values().length);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("everyPair")
  void movesExactlyAsTheTableSays(OrderStatus from, OrderStatus to, boolean allowed) {
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
                assertThat(e.allowed())
                    .containsExactlyElementsOf(
                        from.allowedMoves().stream().map(OrderStatus::wireName).toList());
                assertThat(e.getMessage()).contains(from.wireName()).contains(to.wireName());
              });
    }
  }

  @Test
  void namesTheAllowedMovesInTheError() {
    assertThatThrownBy(() -> OrderStatus.PENDING.moveTo(OrderStatus.SHIPPED))
        .hasMessage("order cannot move from pending to shipped; allowed: confirmed, cancelled");
  }

  @Test
  void saysWhenAStatusIsFinal() {
    assertThatThrownBy(() -> OrderStatus.REFUNDED.moveTo(OrderStatus.PENDING))
        .hasMessageContaining("refunded is final");
  }

  @Test
  void readsWireNames() {
    assertThat(OrderStatus.fromWire("shipped")).isEqualTo(OrderStatus.SHIPPED);
    assertThatThrownBy(() -> OrderStatus.fromWire("SHIPPED"))
        .hasMessageContaining("must be one of pending, confirmed");
  }
}
