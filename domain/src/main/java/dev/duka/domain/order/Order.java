package dev.duka.domain.order;

import dev.duka.domain.cart.PriceBreakdown;
import dev.duka.domain.common.Text;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.money.Money;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order: what a customer bought at which prices, where it goes, and where it is in its life.
 * Lines and totals never change after {@link #place}. Status moves only through {@link
 * OrderStatus}'s table and every move is appended to the history.
 */
public final class Order {
  public static final int MAX_NOTES_LENGTH = 1000;

  private final OrderId id;
  private final OrderNumber number;
  private final UserId customerId;
  private final List<OrderLine> lines;
  private final Money subtotal;
  private final Money discount;
  private final Money tax;
  private final Money shipping;
  private final Money total;
  private final Instant createdAt;
  private final long version;
  private final List<StatusChange> history;
  private OrderStatus status;
  private PaymentStatus paymentStatus;
  private ShippingAddress shippingAddress;
  private String notes;
  private String trackingNumber;
  private String carrier;
  private Instant updatedAt;

  private Order(Snapshot s) {
    this.id = Objects.requireNonNull(s.id(), "id");
    this.number = Objects.requireNonNull(s.number(), "number");
    this.customerId = Objects.requireNonNull(s.customerId(), "customerId");
    this.lines = List.copyOf(s.lines());
    this.subtotal = s.subtotal();
    this.discount = s.discount();
    this.tax = s.tax();
    this.shipping = s.shipping();
    this.total = s.total();
    this.createdAt = Objects.requireNonNull(s.createdAt(), "createdAt");
    this.version = s.version();
    this.history = new ArrayList<>(s.history());
    this.status = Objects.requireNonNull(s.status(), "status");
    this.paymentStatus = Objects.requireNonNull(s.paymentStatus(), "paymentStatus");
    this.shippingAddress = Objects.requireNonNull(s.shippingAddress(), "shippingAddress");
    this.notes = Objects.requireNonNull(s.notes(), "notes");
    this.trackingNumber = Objects.requireNonNull(s.trackingNumber(), "trackingNumber");
    this.carrier = Objects.requireNonNull(s.carrier(), "carrier");
    this.updatedAt = Objects.requireNonNull(s.updatedAt(), "updatedAt");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order has at least one line");
    }
    if (!total.equals(subtotal.minus(discount).plus(tax).plus(shipping))) {
      throw new IllegalArgumentException("total must be subtotal − discount + tax + shipping");
    }
  }

  /**
   * Places an order for a priced cart: lines and totals are copied from {@code priced}, status and
   * payment status start at pending, and the history starts with the creation.
   *
   * @throws OrderNotPlaceableException when the cart has problems or no lines
   * @throws InvalidValueException when the notes are too long
   */
  public static Order place(
      OrderId id,
      OrderNumber number,
      UserId customerId,
      PriceBreakdown priced,
      ShippingAddress shippingAddress,
      String notes,
      Instant at) {
    if (!priced.isOrderable()) {
      throw new OrderNotPlaceableException(priced.problems());
    }
    return new Order(
        new Snapshot(
            id,
            number,
            customerId,
            OrderStatus.PENDING,
            PaymentStatus.PENDING,
            priced.lines().stream().map(OrderLine::copyOf).toList(),
            priced.subtotal(),
            priced.discount(),
            priced.tax(),
            priced.shipping(),
            priced.total(),
            shippingAddress,
            checkedNotes(notes),
            "",
            "",
            at,
            at,
            0,
            List.of(
                StatusChange.creation(OrderStatus.PENDING, Actor.user(customerId), "placed", at))));
  }

  /** Rebuilds an order from its stored state; checks only what must always hold. */
  public static Order restore(Snapshot snapshot) {
    return new Order(snapshot);
  }

  /** The state to store: an immutable copy. */
  public Snapshot snapshot() {
    return new Snapshot(
        id,
        number,
        customerId,
        status,
        paymentStatus,
        lines,
        subtotal,
        discount,
        tax,
        shipping,
        total,
        shippingAddress,
        notes,
        trackingNumber,
        carrier,
        createdAt,
        updatedAt,
        version,
        List.copyOf(history));
  }

  /**
   * Moves the order to {@code next} as the table allows; the admin's general-purpose move. Shipping
   * needs a tracking number, so it goes through {@link #ship} instead.
   *
   * @throws dev.duka.domain.error.IllegalTransitionException when the table forbids the move
   * @throws InvalidValueException for a move to shipped, which needs {@link #ship}
   */
  public void moveTo(OrderStatus next, Actor actor, String reason, Instant at) {
    status.moveTo(next);
    if (next == OrderStatus.SHIPPED) {
      throw new InvalidValueException("tracking_number", "is required to mark an order shipped");
    }
    record(next, actor, reason, at);
  }

  /**
   * Marks the order shipped with the courier's tracking number.
   *
   * @throws dev.duka.domain.error.IllegalTransitionException unless the order is processing
   * @throws InvalidValueException when tracking number or carrier is blank or too long
   */
  public void ship(String trackingNumber, String carrier, Actor actor, Instant at) {
    String tracking = Text.clean(trackingNumber);
    String courier = Text.clean(carrier);
    List<Violation> violations = new ArrayList<>();
    Text.check("tracking_number", tracking, true, 100, violations);
    Text.check("carrier", courier, true, 100, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    status.moveTo(OrderStatus.SHIPPED);
    this.trackingNumber = tracking;
    this.carrier = courier;
    record(OrderStatus.SHIPPED, actor, "shipped with " + courier, at);
  }

  /**
   * Corrects the tracking number and carrier of an order that has shipped.
   *
   * @throws ConflictException before the order has shipped
   * @throws InvalidValueException when either is blank or too long
   */
  public void correctTracking(String trackingNumber, String carrier, Instant at) {
    if (status != OrderStatus.SHIPPED && status != OrderStatus.DELIVERED) {
      throw new ConflictException(
          "order " + number + " has not shipped; set the tracking number when marking it shipped");
    }
    String tracking = Text.clean(trackingNumber);
    String courier = Text.clean(carrier);
    List<Violation> violations = new ArrayList<>();
    Text.check("tracking_number", tracking, true, 100, violations);
    Text.check("carrier", courier, true, 100, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    this.trackingNumber = tracking;
    this.carrier = courier;
    this.updatedAt = at;
  }

  /**
   * Cancels the order; the caller returns its stock when {@link #status()} held it before.
   *
   * @throws dev.duka.domain.error.IllegalTransitionException once the order has shipped
   */
  public void cancel(Actor actor, String reason, Instant at) {
    record(OrderStatus.CANCELLED, actor, reason, at);
  }

  /**
   * Records a new payment status for the order. A captured payment confirms a pending order.
   *
   * @throws dev.duka.domain.error.IllegalTransitionException when the payment table forbids it
   */
  public void recordPayment(PaymentStatus next, Actor actor, Instant at) {
    paymentStatus = paymentStatus.moveTo(next);
    updatedAt = at;
    if (next == PaymentStatus.PAID && status == OrderStatus.PENDING) {
      record(OrderStatus.CONFIRMED, actor, "payment captured", at);
    }
  }

  /**
   * Changes where the order goes; only while it is pending.
   *
   * @throws ConflictException once the order is no longer pending
   */
  public void changeShippingAddress(ShippingAddress address, Instant at) {
    requireEditable();
    this.shippingAddress = Objects.requireNonNull(address, "address");
    this.updatedAt = at;
  }

  /**
   * Changes the customer's notes; only while the order is pending.
   *
   * @throws ConflictException once the order is no longer pending
   * @throws InvalidValueException when the notes are too long
   */
  public void changeNotes(String notes, Instant at) {
    requireEditable();
    this.notes = checkedNotes(notes);
    this.updatedAt = at;
  }

  private void requireEditable() {
    if (status != OrderStatus.PENDING) {
      throw new ConflictException(
          "order " + number + " is " + status.wireName() + "; only pending orders can be edited");
    }
  }

  private void record(OrderStatus next, Actor actor, String reason, Instant at) {
    OrderStatus previous = status;
    status = status.moveTo(next);
    updatedAt = at;
    history.add(StatusChange.move(previous, next, actor, Text.clean(reason), at));
  }

  private static String checkedNotes(String notes) {
    String cleaned = Text.clean(notes);
    List<Violation> violations = new ArrayList<>();
    Text.check("notes", cleaned, false, MAX_NOTES_LENGTH, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    return cleaned;
  }

  public OrderId id() {
    return id;
  }

  public OrderNumber number() {
    return number;
  }

  public UserId customerId() {
    return customerId;
  }

  public OrderStatus status() {
    return status;
  }

  public PaymentStatus paymentStatus() {
    return paymentStatus;
  }

  public List<OrderLine> lines() {
    return lines;
  }

  public Money subtotal() {
    return subtotal;
  }

  public Money discount() {
    return discount;
  }

  public Money tax() {
    return tax;
  }

  public Money shipping() {
    return shipping;
  }

  public Money total() {
    return total;
  }

  /** The courier's tracking number; empty until the order ships. */
  public String trackingNumber() {
    return trackingNumber;
  }

  /** The courier; empty until the order ships. */
  public String carrier() {
    return carrier;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public ShippingAddress shippingAddress() {
    return shippingAddress;
  }

  public String notes() {
    return notes;
  }

  /** Every status change, oldest first, starting with the creation. */
  public List<StatusChange> history() {
    return List.copyOf(history);
  }

  public long version() {
    return version;
  }

  /**
   * The whole state of an order. Optional texts (notes, tracking number, carrier) are empty strings
   * when absent; {@code version} is the optimistic-locking counter of the stored row.
   */
  public record Snapshot(
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
      long version,
      List<StatusChange> history) {
    public Snapshot {
      lines = List.copyOf(lines);
      history = List.copyOf(history);
    }

    /** This state as stored under another optimistic-locking counter. */
    public Snapshot withVersion(long newVersion) {
      return new Snapshot(
          id,
          number,
          customerId,
          status,
          paymentStatus,
          lines,
          subtotal,
          discount,
          tax,
          shipping,
          total,
          shippingAddress,
          notes,
          trackingNumber,
          carrier,
          createdAt,
          updatedAt,
          newVersion,
          history);
    }
  }
}
