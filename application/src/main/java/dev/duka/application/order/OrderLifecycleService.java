package dev.duka.application.order;

import dev.duka.application.mail.OutboundMail;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.order.StatusChange;
import dev.duka.domain.port.in.ChangeOrderUseCase;
import dev.duka.domain.port.in.OrderQueriesUseCase;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading and changing orders. Who may see an order: its customer and administrators; anyone else
 * is told it does not exist. Every change runs in one transaction and is stored only if nobody
 * changed the order meanwhile.
 */
public final class OrderLifecycleService implements OrderQueriesUseCase, ChangeOrderUseCase {
  /** What a customer may do to their own order: cancel it until it is being packed. */
  private static final Set<OrderStatus> CUSTOMER_CANCELLABLE =
      EnumSet.of(OrderStatus.PENDING, OrderStatus.CONFIRMED);

  /** Moves an administrator makes by PATCH; confirming and refunding follow a payment instead. */
  private static final Set<OrderStatus> ADMIN_TARGETS =
      EnumSet.of(
          OrderStatus.PROCESSING,
          OrderStatus.SHIPPED,
          OrderStatus.DELIVERED,
          OrderStatus.CANCELLED);

  private final OrderRepository orders;
  private final ProductRepository products;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final OrderMail mail;
  private final FullRefunds refunds;

  public OrderLifecycleService(
      OrderRepository orders,
      ProductRepository products,
      UserRepository users,
      Outbox outbox,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      FullRefunds refunds) {
    this.refunds = refunds;
    this.orders = orders;
    this.products = products;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.mail = new OrderMail(new OutboundMail(outbox, ids, clock), users);
  }

  @Override
  public Page<OrderView> myOrders(Caller caller, OrderStatus status, PageRequest page) {
    OrderFilter filter = OrderFilter.ofCustomer(caller.id());
    if (status != null) {
      filter.status(status);
    }
    return orders.find(filter, page).map(OrderView::of);
  }

  @Override
  public OrderView order(Caller caller, OrderId id) {
    return OrderView.of(visible(caller, id));
  }

  @Override
  public List<StatusChange> history(Caller caller, OrderId id) {
    return visible(caller, id).history();
  }

  @Override
  public OrderView updateOrder(Caller caller, OrderId id, OrderChanges changes) {
    if (changes.changesFulfilment() && !caller.isAdmin()) {
      throw new ForbiddenException(
          "only administrators may change the status, tracking number or carrier");
    }
    OrderView changed =
        transactions.inTransaction(
            () -> {
              Instant now = clock.now();
              Order order = visible(caller, id);
              if (changes.expectedVersion().isPresent()
                  && changes.expectedVersion().getAsLong() != order.version()) {
                throw new ConcurrentUpdateException("order", order.number());
              }
              if (changes.changesDelivery() && !order.customerId().equals(caller.id())) {
                throw new ForbiddenException("only the customer may change the address or notes");
              }
              OrderStatus before = order.status();
              changes
                  .shippingAddress()
                  .ifPresent(address -> order.changeShippingAddress(address, now));
              changes.notes().ifPresent(notes -> order.changeNotes(notes, now));
              if (changes.status().isPresent()) {
                move(caller, order, changes, now);
              } else if (changes.trackingNumber().isPresent() || changes.carrier().isPresent()) {
                order.correctTracking(
                    changes.trackingNumber().orElse(order.trackingNumber()),
                    changes.carrier().orElse(order.carrier()),
                    now);
              }
              Order saved = orders.update(order);
              if (changes.changesFulfilment()) {
                audited(caller, order, before, now, "order.updated");
              }
              return OrderView.of(saved);
            });
    refundIfPaidAndCancelled(changed, changes.reason());
    return changed;
  }

  /** A cancelled order that was paid gets its money back, after the cancel committed. */
  private OrderView refundIfPaidAndCancelled(OrderView order, String reason) {
    if (order.status() == OrderStatus.CANCELLED && order.paymentStatus().isCaptured()) {
      refunds.refundAll(order.id(), reason);
      return OrderView.of(orders.findById(order.id()).orElseThrow());
    }
    return order;
  }

  @Override
  public OrderView cancelOrder(Caller caller, OrderId id, String reason) {
    OrderView cancelled =
        transactions.inTransaction(
            () -> {
              Instant now = clock.now();
              Order order = visible(caller, id);
              if (!caller.isAdmin() && !CUSTOMER_CANCELLABLE.contains(order.status())) {
                throw new ConflictException(
                    "order "
                        + order.number()
                        + " is "
                        + order.status().wireName()
                        + "; ask the shop to cancel it");
              }
              OrderStatus before = order.status();
              cancel(caller, order, reason, now);
              Order saved = orders.update(order);
              if (caller.isAdmin() && !order.customerId().equals(caller.id())) {
                audited(caller, order, before, now, "order.cancelled");
              }
              return OrderView.of(saved);
            });
    return refundIfPaidAndCancelled(cancelled, reason == null ? "" : reason);
  }

  private void move(Caller caller, Order order, OrderChanges changes, Instant now) {
    OrderStatus target = changes.status().orElseThrow();
    if (!ADMIN_TARGETS.contains(target)) {
      order.status().moveTo(target); // an illegal move reports the table's allowed moves first
      throw new ConflictException(
          target == OrderStatus.REFUNDED
              ? "an order is refunded through POST /admin/orders/{id}/refund"
              : "an order is confirmed by its payment (POST /admin/orders/{id}/mark-paid for manual payments)");
    }
    switch (target) {
      case SHIPPED -> {
        order.ship(
            changes.trackingNumber().orElse(""),
            changes.carrier().orElse(""),
            caller.asActor(),
            now);
        mail.shipped(order);
      }
      case DELIVERED -> {
        order.moveTo(target, caller.asActor(), changes.reason(), now);
        mail.delivered(order);
      }
      case CANCELLED -> cancel(caller, order, changes.reason(), now);
      default -> {
        if (changes.trackingNumber().isPresent() || changes.carrier().isPresent()) {
          throw new InvalidValueException(
              "tracking_number", "is set when the order is marked shipped");
        }
        order.moveTo(target, caller.asActor(), changes.reason(), now);
      }
    }
  }

  /** Cancels and returns the stock of every line through the ledger, in product-id order. */
  private void cancel(Caller caller, Order order, String reason, Instant now) {
    boolean heldStock = order.status().holdsStock();
    order.cancel(caller.asActor(), reason, now);
    if (heldStock) {
      List<OrderLine> lines = new ArrayList<>(order.lines());
      lines.sort(Comparator.comparing(line -> line.productId().value()));
      for (OrderLine line : lines) {
        products.applyStockMovement(
            new StockMovement(
                line.productId(), line.quantity(), "cancelled " + order.number(), now));
      }
    }
    mail.cancelled(order, reason == null ? "" : reason);
  }

  private void audited(Caller caller, Order order, OrderStatus before, Instant now, String action) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("number", order.number().value());
    data.put("from_status", before.wireName());
    data.put("to_status", order.status().wireName());
    if (!order.trackingNumber().isEmpty()) {
      data.put("tracking_number", order.trackingNumber());
    }
    audit.record(new AuditLog.Entry(caller.asActor(), action, order.id().toString(), data, now));
  }

  /** The order, if the caller may see it; otherwise it does not exist. */
  private Order visible(Caller caller, OrderId id) {
    Order order = orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    if (!caller.isAdmin() && !order.customerId().equals(caller.id())) {
      throw new NotFoundException("order", id);
    }
    return order;
  }
}
