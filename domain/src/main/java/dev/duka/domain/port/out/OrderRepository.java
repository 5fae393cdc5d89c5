package dev.duka.domain.port.out;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.order.DailySales;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.order.OrderId;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Placed orders, their lines and their status history. */
public interface OrderRepository {

  /**
   * Stores a newly placed order with its lines and history; joins the caller's transaction.
   *
   * @throws dev.duka.domain.error.DuplicateException when its number is taken (draw another)
   */
  void insert(Order order);

  /** The order with its lines and full history. */
  Optional<Order> findById(OrderId id);

  /**
   * Stores the changed state of an order and appends history entries not stored yet, only if the
   * stored version equals {@code order.version()}.
   *
   * @return the order as stored, with the next version
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it first
   */
  Order update(Order order);

  /** Orders meeting {@code filter}, newest first, with their lines and history. */
  Page<Order> find(OrderFilter filter, PageRequest page);

  /**
   * Every order meeting {@code filter}, newest first, handed to {@code sink} one at a time without
   * holding them all in memory (for exports).
   */
  void forEach(OrderFilter filter, Consumer<Order> sink);

  /**
   * Paid orders in {@code currency} per UTC day from {@code from} to {@code to} inclusive; every
   * day of the range appears, days without sales with zeros. Paid means the payment was captured
   * and not fully refunded.
   */
  List<DailySales> dailySales(Currency currency, LocalDate from, LocalDate to);
}
