package dev.duka.domain.port.in;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.order.StatusChange;
import dev.duka.domain.user.Caller;
import java.util.List;

/** Reading orders: customers read their own, administrators any. */
public interface OrderQueriesUseCase {

  /**
   * The caller's own orders, newest first.
   *
   * @param status only orders in this status, or null for all
   */
  Page<OrderView> myOrders(Caller caller, OrderStatus status, PageRequest page);

  /**
   * One order.
   *
   * @throws dev.duka.domain.error.NotFoundException when it does not exist or is someone else's
   *     (and the caller is not an administrator): the two read the same
   */
  OrderView order(Caller caller, OrderId id);

  /**
   * An order's status history, oldest first; visible as {@link #order} is.
   *
   * @throws dev.duka.domain.error.NotFoundException as {@link #order}
   */
  List<StatusChange> history(Caller caller, OrderId id);
}
