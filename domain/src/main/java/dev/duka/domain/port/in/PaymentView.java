package dev.duka.domain.port.in;

import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.PaymentProvider;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.payment.Refund;
import java.time.Instant;
import java.util.List;

/** A payment attempt as its customer and administrators see it, with its refunds. */
public record PaymentView(
    PaymentId id,
    OrderId orderId,
    PaymentProvider provider,
    PaymentStatus status,
    Money amount,
    Money refunded,
    String sessionId,
    List<Refund> refunds,
    Instant createdAt,
    Instant updatedAt) {
  public PaymentView {
    refunds = List.copyOf(refunds);
  }

  public static PaymentView of(Payment payment, List<Refund> refunds) {
    return new PaymentView(
        payment.id(),
        payment.orderId(),
        payment.provider(),
        payment.status(),
        payment.amount(),
        payment.refunded(),
        payment.providerReference(),
        refunds,
        payment.createdAt(),
        payment.updatedAt());
  }
}
