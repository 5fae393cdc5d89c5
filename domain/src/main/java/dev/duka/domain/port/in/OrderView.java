package dev.duka.domain.port.in;

import dev.duka.domain.money.Money;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * An order as its customer and administrators see it. {@code version} is the optimistic-locking
 * counter a client may send back to make sure it changes what it saw.
 */
public record OrderView(
    OrderId id,
    OrderNumber number,
    UserId customerId,
    OrderStatus status,
    PaymentStatus paymentStatus,
    List<OrderLine> lines,
    Money subtotal,
    Money discount,
    Money tax,
    Money shipping,
    Money total,
    ShippingAddress shippingAddress,
    String notes,
    String trackingNumber,
    String carrier,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static OrderView of(Order order) {
    Order.Snapshot s = order.snapshot();
    return new OrderView(
        s.id(),
        s.number(),
        s.customerId(),
        s.status(),
        s.paymentStatus(),
        s.lines(),
        s.subtotal(),
        s.discount(),
        s.tax(),
        s.shipping(),
        s.total(),
        s.shippingAddress(),
        s.notes(),
        s.trackingNumber(),
        s.carrier(),
        s.createdAt(),
        s.updatedAt(),
        s.version());
  }
}
