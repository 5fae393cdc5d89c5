package dev.duka.domain.order;

import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which orders a listing shows. Every criterion is optional; those given must all hold. Times bound
 * {@code created_at}: from inclusive, before exclusive.
 */
public final class OrderFilter {
  private UserId customer;
  private OrderStatus status;
  private PaymentStatus paymentStatus;
  private Instant createdFrom;
  private Instant createdBefore;
  private OrderNumber number;

  public static OrderFilter all() {
    return new OrderFilter();
  }

  public static OrderFilter ofCustomer(UserId customer) {
    return new OrderFilter().customer(customer);
  }

  public OrderFilter customer(UserId value) {
    this.customer = value;
    return this;
  }

  public OrderFilter status(OrderStatus value) {
    this.status = value;
    return this;
  }

  public OrderFilter paymentStatus(PaymentStatus value) {
    this.paymentStatus = value;
    return this;
  }

  public OrderFilter createdFrom(Instant value) {
    this.createdFrom = value;
    return this;
  }

  public OrderFilter createdBefore(Instant value) {
    this.createdBefore = value;
    return this;
  }

  public OrderFilter number(OrderNumber value) {
    this.number = value;
    return this;
  }

  public Optional<UserId> customer() {
    return Optional.ofNullable(customer);
  }

  public Optional<OrderStatus> status() {
    return Optional.ofNullable(status);
  }

  public Optional<PaymentStatus> paymentStatus() {
    return Optional.ofNullable(paymentStatus);
  }

  public Optional<Instant> createdFrom() {
    return Optional.ofNullable(createdFrom);
  }

  public Optional<Instant> createdBefore() {
    return Optional.ofNullable(createdBefore);
  }

  public Optional<OrderNumber> number() {
    return Optional.ofNullable(number);
  }

  /** True when {@code order} meets every criterion given. */
  public boolean matches(Order.Snapshot order) {
    return customer().map(order.customerId()::equals).orElse(true)
        && status().map(s -> s == order.status()).orElse(true)
        && paymentStatus().map(s -> s == order.paymentStatus()).orElse(true)
        && createdFrom().map(t -> !order.createdAt().isBefore(t)).orElse(true)
        && createdBefore().map(order.createdAt()::isBefore).orElse(true)
        && number().map(order.number()::equals).orElse(true);
  }
}
