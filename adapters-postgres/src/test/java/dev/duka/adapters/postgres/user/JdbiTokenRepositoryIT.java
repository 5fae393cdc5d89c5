package dev.duka.adapters.postgres.user;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.testing.TokenRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiTokenRepositoryIT extends TokenRepositoryContract {
  private static PostgresDatabase database;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected TokenRepository tokens() {
    return new JdbiTokenRepository(database.jdbi());
  }

  @Override
  protected UserRepository users() {
    return new JdbiUserRepository(database.jdbi());
  }
}
