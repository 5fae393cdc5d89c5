package dev.duka.application.order;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.port.in.AdminOrdersUseCase;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.Caller;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.function.Consumer;

/** The administrators' view across orders: search, export, sales per day. */
public final class OrderAdministrationService implements AdminOrdersUseCase {
  /** The longest range a sales report covers. */
  public static final int MAX_REPORT_DAYS = 366;

  private final OrderRepository orders;
  private final Transactions transactions;
  private final Currency shopCurrency;

  public OrderAdministrationService(
      OrderRepository orders, Transactions transactions, Currency shopCurrency) {
    this.orders = orders;
    this.transactions = transactions;
    this.shopCurrency = shopCurrency;
  }

  @Override
  public Page<OrderView> findOrders(Caller caller, OrderFilter filter, PageRequest page) {
    requireAdmin(caller);
    return orders.find(filter, page).map(OrderView::of);
  }

  @Override
  public void exportOrders(Caller caller, OrderFilter filter, Consumer<OrderView> sink) {
    requireAdmin(caller);
    // one read-only transaction, so the database can stream the rows through a cursor
    transactions.run(() -> orders.forEach(filter, order -> sink.accept(OrderView.of(order))));
  }

  @Override
  public SalesReport salesReport(Caller caller, LocalDate from, LocalDate to) {
    requireAdmin(caller);
    if (to.isBefore(from)) {
      throw new InvalidValueException("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_REPORT_DAYS) {
      throw new InvalidValueException("to", "a report covers at most " + MAX_REPORT_DAYS + " days");
    }
    return SalesReport.of(
        from, to, orders.dailySales(shopCurrency, from, to), Money.zero(shopCurrency));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("only administrators may see all orders");
    }
  }
}
