package dev.duka.domain.payment;

import dev.duka.domain.common.TransitionTable;
import dev.duka.domain.common.WireNames;
import dev.duka.domain.error.IllegalTransitionException;
import dev.duka.domain.error.InvalidValueException;
import java.util.Set;

/**
 * Where a payment is. ARCHITECTURE.md's table: a failed payment may still succeed on retry; a
 * partial refund may be followed by more partial refunds or by a refund of the rest.
 */
public enum PaymentStatus {
  PENDING,
  PAID,
  FAILED,
  PARTIALLY_REFUNDED,
  REFUNDED;

  private static final TransitionTable<PaymentStatus> TABLE =
      TransitionTable.builder("payment", PaymentStatus.class)
          .from(PENDING, PAID, FAILED)
          .from(PAID, PARTIALLY_REFUNDED, REFUNDED)
          .from(FAILED, PAID)
          .from(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED)
          .from(REFUNDED)
          .build();

  public boolean canMoveTo(PaymentStatus next) {
    return TABLE.allows(this, next);
  }

  /** The statuses this one may move to; empty for a final status. */
  public Set<PaymentStatus> allowedMoves() {
    return TABLE.movesFrom(this);
  }

  /**
   * Returns {@code next} when the table allows the move.
   *
   * @throws IllegalTransitionException naming both statuses and the allowed moves otherwise
   */
  public PaymentStatus moveTo(PaymentStatus next) {
    return TABLE.require(this, next);
  }

  /** True once money was captured, whether or not some of it went back. */
  public boolean isCaptured() {
    return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }

  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Reads the wire name ({@code partially_refunded}).
   *
   * @throws InvalidValueException for an unknown status
   */
  public static PaymentStatus fromWire(String text) {
    return WireNames.parse(PaymentStatus.class, text, "payment_status");
  }
}
