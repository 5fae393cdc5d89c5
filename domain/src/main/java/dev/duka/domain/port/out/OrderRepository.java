package dev.duka.domain.port.out;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.user.UserId;
import java.util.Optional;

/** Placed orders, their lines and their status history. */
public interface OrderRepository {

  /**
   * Stores a newly placed order with its lines and history.
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

  /** A customer's orders, newest first. */
  Page<Order> findByCustomer(UserId customerId, PageRequest page);
}
