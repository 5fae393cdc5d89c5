package dev.duka.adapters.postgres.user;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.testing.UserRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiUserRepositoryIT extends UserRepositoryContract {
  private static PostgresDatabase database;
  private static JdbiUserRepository repository;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    repository = new JdbiUserRepository(database.jdbi());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected UserRepository repository() {
    return repository;
  }
}
