package dev.duka.application.order;

import dev.duka.domain.cart.CartLine;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.order.Order;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.user.Caller;
import java.util.List;

/** The order fixture opened to the payment tests, which need placed orders to pay for. */
public final class OrdersFixtureAccess {
  private final OrdersFixture world = new OrdersFixture();

  public Caller customer() {
    return world.customer(true);
  }

  public Caller admin() {
    return world.admin();
  }

  /** A pending order of {@code quantity} items at {@code price}. */
  public OrderView place(Caller caller, String price, int quantity) {
    Product product = world.product(price, 100);
    return world
        .placing
        .placeOrder(
            caller,
            new PlaceOrderCommand(
                List.of(new CartLine(product.id(), quantity)), Fixtures.anAddress(), "", null))
        .order();
  }

  public Order order(OrderView view) {
    return world.orders.findById(view.id()).orElseThrow();
  }

  public OrderRepository orders() {
    return world.orders;
  }

  public UserRepository users() {
    return world.users;
  }

  public AuditLog audit() {
    return world.audit;
  }

  public Transactions transactions() {
    return world.transactions;
  }

  public Clock clock() {
    return world.clock;
  }

  public IdGenerator ids() {
    return world.ids;
  }
}
