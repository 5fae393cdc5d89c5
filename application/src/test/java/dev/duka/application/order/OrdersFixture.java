package dev.duka.application.order;

import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.CartPricing;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import dev.duka.domain.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.duka.domain.testing.CatalogFixtures;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.testing.InMemoryAuditLog;
import dev.duka.domain.testing.InMemoryCatalog;
import dev.duka.domain.testing.InMemoryIdempotencyStore;
import dev.duka.domain.testing.InMemoryOrderRepository;
import dev.duka.domain.testing.InMemoryOutbox;
import dev.duka.domain.testing.InMemoryTransactions;
import dev.duka.domain.testing.InMemoryUserRepository;
import dev.duka.domain.testing.SequentialIdGenerator;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordHash;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.util.List;
import java.util.UUID;

/** The order services wired on in-memory fakes, with a small catalog. */
final class OrdersFixture {
  final FixedClock clock = new FixedClock();
  final SequentialIdGenerator ids = new SequentialIdGenerator();
  final InMemoryCatalog catalog = new InMemoryCatalog();
  final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  final InMemoryUserRepository users = new InMemoryUserRepository();
  final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
  final InMemoryOutbox outbox = new InMemoryOutbox();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryTransactions transactions = new InMemoryTransactions();
  final CartPricing pricing = new CartPricing(Fixtures.SHOP_POLICY);

  final PlaceOrderService placing =
      new PlaceOrderService(
          catalog.products(),
          orders,
          users,
          idempotency,
          outbox,
          transactions,
          clock,
          ids,
          pricing);
  final OrderLifecycleService lifecycle =
      new OrderLifecycleService(
          orders,
          catalog.products(),
          users,
          outbox,
          audit,
          transactions,
          clock,
          ids,
          FullRefunds.none());
  final OrderAdministrationService administration =
      new OrderAdministrationService(orders, transactions, Fixtures.TZS);

  final Category category = CatalogFixtures.aCategory("Goods");

  OrdersFixture() {
    catalog.categories().insert(category);
  }

  Product product(String price, int stock) {
    Product product = CatalogFixtures.aProduct(category.id(), "Kanga", Fixtures.tzs(price), stock);
    catalog.products().insert(product);
    return product;
  }

  Caller customer(boolean verified) {
    UserId id = new UserId(UUID.randomUUID());
    User user =
        User.register(
            id,
            Email.of("c-" + id + "@example.com"),
            "Customer",
            Role.USER,
            new PasswordHash("x"),
            clock.now());
    users.insert(verified ? user.verified(clock.now()) : user);
    return user.asCaller();
  }

  Caller admin() {
    UserId id = new UserId(UUID.randomUUID());
    users.insert(
        User.register(
                id,
                Email.of("a-" + id + "@example.com"),
                "Admin",
                Role.ADMIN,
                new PasswordHash("x"),
                clock.now())
            .verified(clock.now()));
    return new Caller(id, Role.ADMIN);
  }

  PlacedOrder place(Caller caller, Product product, int quantity, String key) {
    return placing.placeOrder(
        caller,
        new PlaceOrderCommand(
            List.of(new CartLine(product.id(), quantity)), Fixtures.anAddress(), "", key));
  }

  int stockOf(Product product) {
    return catalog.products().findById(product.id()).orElseThrow().stock();
  }

  static Money tzs(String amount) {
    return Fixtures.tzs(amount);
  }
}
