package dev.duka.domain.payment;

import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to pay for an order with one provider. {@code providerReference} is the provider's id
 * for the attempt (a Checkout Session id), empty until the provider gave one; {@code refunded}
 * never exceeds {@code amount}.
 */
public record Payment(
    PaymentId id,
    OrderId orderId,
    PaymentProvider provider,
    PaymentStatus status,
    Money amount,
    Money refunded,
    String providerReference,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (refunded.isNegative() || refunded.isGreaterThan(amount)) {
      throw new IllegalArgumentException("refunded must lie between zero and the amount");
    }
  }

  /** What can still be refunded. */
  public Money refundable() {
    return status.isCaptured() ? amount.minus(refunded) : Money.zero(amount.currency());
  }
}
