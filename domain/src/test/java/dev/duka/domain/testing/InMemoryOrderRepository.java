package dev.duka.domain.testing;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.DailySales;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.port.out.OrderRepository;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Orders kept as snapshots, so a change that was not saved is not seen, as in the database; the
 * version is checked and bumped on every update.
 */
public final class InMemoryOrderRepository implements OrderRepository {
  private final Map<OrderId, Order.Snapshot> orders = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Order order) {
    Order.Snapshot snapshot = order.snapshot();
    if (orders.values().stream().anyMatch(o -> o.number().equals(snapshot.number()))) {
      throw new DuplicateException("number", "order number " + snapshot.number() + " is taken");
    }
    orders.put(snapshot.id(), snapshot);
  }

  @Override
  public synchronized Optional<Order> findById(OrderId id) {
    return Optional.ofNullable(orders.get(id)).map(Order::restore);
  }

  @Override
  public synchronized Order update(Order order) {
    Order.Snapshot changed = order.snapshot();
    Order.Snapshot stored = orders.get(changed.id());
    if (stored == null) {
      throw new NotFoundException("order", changed.id());
    }
    if (stored.version() != changed.version()) {
      throw new ConcurrentUpdateException("order", changed.number());
    }
    Order.Snapshot saved = changed.withVersion(changed.version() + 1);
    orders.put(saved.id(), saved);
    return Order.restore(saved);
  }

  @Override
  public synchronized Page<Order> find(OrderFilter filter, PageRequest page) {
    List<Order.Snapshot> matching = matching(filter);
    return Page.of(
        matching.stream().skip(page.offset()).limit(page.size()).map(Order::restore).toList(),
        page,
        matching.size());
  }

  @Override
  public void forEach(OrderFilter filter, Consumer<Order> sink) {
    List<Order.Snapshot> matching;
    synchronized (this) {
      matching = matching(filter);
    }
    matching.stream().map(Order::restore).forEach(sink);
  }

  @Override
  public synchronized List<DailySales> dailySales(Currency currency, LocalDate from, LocalDate to) {
    List<DailySales> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      LocalDate current = day;
      List<Order.Snapshot> paid =
          orders.values().stream()
              .filter(o -> o.total().hasCurrency(currency))
              .filter(
                  o ->
                      o.paymentStatus() == PaymentStatus.PAID
                          || o.paymentStatus() == PaymentStatus.PARTIALLY_REFUNDED)
              .filter(o -> o.createdAt().atZone(ZoneOffset.UTC).toLocalDate().equals(current))
              .toList();
      Money revenue = Money.zero(currency);
      for (Order.Snapshot o : paid) {
        revenue = revenue.plus(o.total());
      }
      days.add(new DailySales(day, paid.size(), revenue));
    }
    return days;
  }

  private List<Order.Snapshot> matching(OrderFilter filter) {
    return orders.values().stream()
        .filter(filter::matches)
        .sorted(Comparator.comparing(Order.Snapshot::createdAt).reversed())
        .toList();
  }
}
