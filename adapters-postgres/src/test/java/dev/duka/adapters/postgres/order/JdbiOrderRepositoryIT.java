package dev.duka.adapters.postgres.order;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.StoredFixtures;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.testing.OrderRepositoryContract;
import dev.duka.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiOrderRepositoryIT extends OrderRepositoryContract {
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
  protected OrderRepository orders() {
    return new JdbiOrderRepository(database.jdbi());
  }

  @Override
  protected UserId aCustomer() {
    return stored.aCustomer();
  }

  @Override
  protected ProductSnapshot aProduct(Money price) {
    return stored.aProduct(price, 1000);
  }
}
