package dev.duka.domain.order;

import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an order's history: a move from one status to another, who made it, why, and when.
 * The first entry of every order has no previous status.
 */
public final class StatusChange {
  private final OrderStatus from;
  private final OrderStatus to;
  private final Actor actor;
  private final String reason;
  private final Instant at;

  private StatusChange(OrderStatus from, OrderStatus to, Actor actor, String reason, Instant at) {
    this.from = from;
    this.to = Objects.requireNonNull(to, "to");
    this.actor = Objects.requireNonNull(actor, "actor");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.at = Objects.requireNonNull(at, "at");
  }

  /** The first entry: the order came into being with status {@code to}. */
  public static StatusChange creation(OrderStatus to, Actor actor, String reason, Instant at) {
    return new StatusChange(null, to, actor, reason, at);
  }

  public static StatusChange move(
      OrderStatus from, OrderStatus to, Actor actor, String reason, Instant at) {
    return new StatusChange(Objects.requireNonNull(from, "from"), to, actor, reason, at);
  }

  /** The status before the change; empty for the order's creation. */
  public Optional<OrderStatus> from() {
    return Optional.ofNullable(from);
  }

  public OrderStatus to() {
    return to;
  }

  public Actor actor() {
    return actor;
  }

  public String reason() {
    return reason;
  }

  public Instant at() {
    return at;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StatusChange that
        && Objects.equals(from, that.from)
        && to == that.to
        && actor.equals(that.actor)
        && reason.equals(that.reason)
        && at.equals(that.at);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, actor, reason, at);
  }

  @Override
  public String toString() {
    return (from == null ? "∅" : from) + " → " + to + " by " + actor + " at " + at;
  }
}
