package dev.duka.domain.port.in;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.DailySales;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.user.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** Administrators look across all orders. */
public interface AdminOrdersUseCase {

  /**
   * Orders meeting the filter, newest first.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   */
  Page<OrderView> findOrders(Caller caller, OrderFilter filter, PageRequest page);

  /**
   * Every order meeting the filter, newest first, handed over one at a time (for a streamed export;
   * nothing is held in memory).
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   */
  void exportOrders(Caller caller, OrderFilter filter, Consumer<OrderView> sink);

  /**
   * Paid orders per UTC day from {@code from} to {@code to} inclusive (at most 366 days), in the
   * shop's currency.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.InvalidValueException for a reversed or too long range
   */
  SalesReport salesReport(Caller caller, LocalDate from, LocalDate to);

  /** Sales per day and over the whole range. */
  record SalesReport(LocalDate from, LocalDate to, List<DailySales> days, DailySales total) {
    public SalesReport {
      days = List.copyOf(days);
    }

    /** Sums days into one line dated {@code from}. */
    public static SalesReport of(LocalDate from, LocalDate to, List<DailySales> days, Money zero) {
      long orders = 0;
      Money revenue = zero;
      for (DailySales day : days) {
        orders += day.orders();
        revenue = revenue.plus(day.revenue());
      }
      return new SalesReport(from, to, days, new DailySales(from, orders, revenue));
    }
  }
}
