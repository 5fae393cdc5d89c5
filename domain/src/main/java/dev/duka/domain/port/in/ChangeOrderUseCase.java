package dev.duka.domain.port.in;

import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.user.Caller;
import java.util.Optional;
import java.util.OptionalLong;

/** Changing orders: customers edit and cancel their own, administrators move them along. */
public interface ChangeOrderUseCase {

  /**
   * Applies the changes in one go, or none of them. Customers may change the address and notes of
   * their own pending orders; administrators may move the status along the table and set the
   * tracking number and carrier. Every administrator change is audited.
   *
   * @throws dev.duka.domain.error.NotFoundException for an order the caller may not see
   * @throws dev.duka.domain.error.ForbiddenException for a change the caller's role may not make
   * @throws dev.duka.domain.error.IllegalTransitionException for a move the table forbids
   * @throws dev.duka.domain.error.ConcurrentUpdateException when the order changed since the
   *     version the caller gave, or during this change
   */
  OrderView updateOrder(Caller caller, OrderId id, OrderChanges changes);

  /**
   * Cancels an order and returns its stock to the shelves through the ledger. Customers may cancel
   * their own orders while pending or confirmed; administrators also while processing.
   *
   * @throws dev.duka.domain.error.IllegalTransitionException once the order has shipped
   */
  OrderView cancelOrder(Caller caller, OrderId id, String reason);

  /** The fields of a PATCH; an absent one is left as it is. */
  final class OrderChanges {
    private ShippingAddress shippingAddress;
    private String notes;
    private OrderStatus status;
    private String trackingNumber;
    private String carrier;
    private String reason = "";
    private Long expectedVersion;

    public OrderChanges shippingAddress(ShippingAddress value) {
      this.shippingAddress = value;
      return this;
    }

    public OrderChanges notes(String value) {
      this.notes = value;
      return this;
    }

    public OrderChanges status(OrderStatus value) {
      this.status = value;
      return this;
    }

    public OrderChanges trackingNumber(String value) {
      this.trackingNumber = value;
      return this;
    }

    public OrderChanges carrier(String value) {
      this.carrier = value;
      return this;
    }

    /** Why the status moves, kept in the history. */
    public OrderChanges reason(String value) {
      this.reason = value == null ? "" : value;
      return this;
    }

    /** The version the caller saw; the change is refused when the order moved on since. */
    public OrderChanges expectedVersion(long value) {
      this.expectedVersion = value;
      return this;
    }

    public Optional<ShippingAddress> shippingAddress() {
      return Optional.ofNullable(shippingAddress);
    }

    public Optional<String> notes() {
      return Optional.ofNullable(notes);
    }

    public Optional<OrderStatus> status() {
      return Optional.ofNullable(status);
    }

    public Optional<String> trackingNumber() {
      return Optional.ofNullable(trackingNumber);
    }

    public Optional<String> carrier() {
      return Optional.ofNullable(carrier);
    }

    public String reason() {
      return reason;
    }

    public OptionalLong expectedVersion() {
      return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }

    /** True when a change only administrators may make is asked for. */
    public boolean changesFulfilment() {
      return status != null || trackingNumber != null || carrier != null;
    }

    /** True when a change only the customer may make is asked for. */
    public boolean changesDelivery() {
      return shippingAddress != null || notes != null;
    }
  }
}
