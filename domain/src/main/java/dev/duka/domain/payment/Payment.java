package dev.duka.domain.payment;

import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to pay for an order with one provider. {@code providerReference} is the provider's id
 * for the attempt (a Checkout Session id), {@code paymentReference} its id for the captured payment
 * (for refunds); both are empty until known. {@code refunded} never exceeds {@code amount}. Status
 * moves only through {@link PaymentStatus}'s table.
 */
public record Payment(
    PaymentId id,
    OrderId orderId,
    PaymentProvider provider,
    PaymentStatus status,
    Money amount,
    Money refunded,
    String providerReference,
    String paymentReference,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (refunded.isNegative() || refunded.isGreaterThan(amount)) {
      throw new IllegalArgumentException("refunded must lie between zero and the amount");
    }
  }

  /** A new attempt waiting for the customer. */
  public static Payment start(
      PaymentId id,
      OrderId orderId,
      PaymentProvider provider,
      Money amount,
      String providerReference,
      Instant at) {
    return new Payment(
        id,
        orderId,
        provider,
        PaymentStatus.PENDING,
        amount,
        Money.zero(amount.currency()),
        providerReference,
        "",
        at,
        at,
        0);
  }

  /** What can still be refunded. */
  public Money refundable() {
    return status.isCaptured() ? amount.minus(refunded) : Money.zero(amount.currency());
  }

  /**
   * The money was captured.
   *
   * @throws dev.duka.domain.error.IllegalTransitionException unless pending or failed
   */
  public Payment paid(String capturedReference, Instant at) {
    return with(status.moveTo(PaymentStatus.PAID), refunded, capturedReference, at);
  }

  /**
   * The attempt failed (declined, expired).
   *
   * @throws dev.duka.domain.error.IllegalTransitionException unless pending
   */
  public Payment failed(Instant at) {
    return with(status.moveTo(PaymentStatus.FAILED), refunded, paymentReference, at);
  }

  /**
   * {@code more} went back to the customer; refunded in full once nothing is left.
   *
   * @throws IllegalArgumentException when more than what remains would be refunded
   * @throws dev.duka.domain.error.IllegalTransitionException unless captured
   */
  public Payment refunded(Money more, Instant at) {
    Money total = refunded.plus(more);
    if (total.isGreaterThan(amount) || !more.isPositive()) {
      throw new IllegalArgumentException(
          "a refund of " + more + " does not fit in " + refundable());
    }
    PaymentStatus next =
        total.equals(amount) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    return with(status.moveTo(next), total, paymentReference, at);
  }

  private Payment with(PaymentStatus next, Money refundedTotal, String reference, Instant at) {
    return new Payment(
        id,
        orderId,
        provider,
        next,
        amount,
        refundedTotal,
        providerReference,
        reference,
        createdAt,
        at,
        version);
  }
}
