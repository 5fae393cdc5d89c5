package dev.duka.adapters.postgres.payment;

import static dev.duka.domain.testing.Fixtures.tzs;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.order.JdbiOrderRepository;
import dev.duka.adapters.postgres.testing.StoredFixtures;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.port.out.PaymentRepository;
import dev.duka.domain.testing.PaymentRepositoryContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiPaymentRepositoryIT extends PaymentRepositoryContract {
  private static PostgresDatabase database;
  private static StoredFixtures stored;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    stored = new StoredFixtures(database);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected PaymentRepository payments() {
    return new JdbiPaymentRepository(database.jdbi());
  }

  @Override
  protected OrderId anOrder() {
    Order order =
        dev.duka.domain.testing.Fixtures.anOrder()
            .withId(new OrderId(UUID.randomUUID()))
            .numbered(OrderNumber.fromRandom(UUID.randomUUID().getLeastSignificantBits()))
            .by(stored.aCustomer())
            .withLine(stored.aProduct(tzs("10000.00"), 100), 1)
            .build();
    new JdbiOrderRepository(database.jdbi()).insert(order);
    return order.id();
  }
}
