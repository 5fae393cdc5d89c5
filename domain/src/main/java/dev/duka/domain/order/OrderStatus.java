package dev.duka.domain.order;

import dev.duka.domain.common.TransitionTable;
import dev.duka.domain.common.WireNames;
import dev.duka.domain.error.IllegalTransitionException;
import dev.duka.domain.error.InvalidValueException;
import java.util.Set;

/**
 * Where an order is in its life. The table is ARCHITECTURE.md's "Status rules": an order is
 * confirmed when paid, cancellable until it ships, and refundable once it was confirmed.
 */
public enum OrderStatus {
  PENDING,
  CONFIRMED,
  PROCESSING,
  SHIPPED,
  DELIVERED,
  CANCELLED,
  REFUNDED;

  private static final TransitionTable<OrderStatus> TABLE =
      TransitionTable.builder("order", OrderStatus.class)
          .from(PENDING, CONFIRMED, CANCELLED)
          .from(CONFIRMED, PROCESSING, CANCELLED, REFUNDED)
          .from(PROCESSING, SHIPPED, CANCELLED, REFUNDED)
          .from(SHIPPED, DELIVERED, REFUNDED)
          .from(DELIVERED, REFUNDED)
          .from(CANCELLED, REFUNDED)
          .from(REFUNDED)
          .build();

  public boolean canMoveTo(OrderStatus next) {
    return TABLE.allows(this, next);
  }

  /** The statuses this one may move to, in lifecycle order; empty for a final status. */
  public Set<OrderStatus> allowedMoves() {
    return TABLE.movesFrom(this);
  }

  /**
   * Returns {@code next} when the table allows the move.
   *
   * @throws IllegalTransitionException naming both statuses and the allowed moves otherwise
   */
  public OrderStatus moveTo(OrderStatus next) {
    return TABLE.require(this, next);
  }

  /** True while the order holds stock that a cancel gives back. */
  public boolean holdsStock() {
    return this == PENDING || this == CONFIRMED || this == PROCESSING;
  }

  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Reads the wire name ({@code shipped}).
   *
   * @throws InvalidValueException for an unknown status
   */
  public static OrderStatus fromWire(String text) {
    return WireNames.parse(OrderStatus.class, text, "status");
  }
}
