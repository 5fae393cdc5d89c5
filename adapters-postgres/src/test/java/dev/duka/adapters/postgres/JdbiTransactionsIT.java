package dev.duka.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.error.UnavailableException;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiTransactionsIT {
  private static PostgresDatabase database;
  private static Jdbi jdbi;
  private static JdbiTransactions transactions;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    jdbi = database.jdbi();
    transactions = new JdbiTransactions(jdbi);
    jdbi.useHandle(h -> h.execute("CREATE TABLE notes (text text NOT NULL)"));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void empty() {
    jdbi.useHandle(h -> h.execute("DELETE FROM notes"));
  }

  private static void write(String text) {
    jdbi.useHandle(h -> h.execute("INSERT INTO notes (text) VALUES (?)", text));
  }

  private static int count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM notes").mapTo(Integer.class).one());
  }

  @Test
  void commitsWhenTheWorkReturns() {
    transactions.run(() -> write("kept"));

    assertThat(count()).isEqualTo(1);
  }

  @Test
  void rollsBackEverythingWhenTheWorkThrows() {
    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      write("first");
                      write("second");
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");

    assertThat(count()).isZero();
  }

  @Test
  void aNestedCallJoinsTheOuterTransaction() {
    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      transactions.run(() -> write("inner"));
                      assertThat(count()).as("visible inside the transaction").isEqualTo(1);
                      throw new IllegalStateException("outer fails after the inner returned");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(count()).as("the inner write went with the outer rollback").isZero();
  }

  @Test
  void repositoriesInsideSeeTheSameConnection() {
    transactions.run(
        () -> {
          write("uncommitted");
          Integer seenFromAnotherConnection =
              jdbi.open().createQuery("SELECT count(*) FROM notes").mapTo(Integer.class).one();
          assertThat(seenFromAnotherConnection).isZero();
          assertThat(count()).isEqualTo(1);
        });
  }

  @Test
  void oneConnectionServesEveryCallInsideWithoutATransaction() {
    String pids =
        transactions.onOneConnection(
            () -> {
              write("committed at once");
              Integer seenFromAnotherConnection =
                  jdbi.withHandle(
                      h -> {
                        try (var other = jdbi.open()) {
                          return other
                              .createQuery("SELECT count(*) FROM notes")
                              .mapTo(Integer.class)
                              .one();
                        }
                      });
              assertThat(seenFromAnotherConnection)
                  .as("each statement commits on its own")
                  .isEqualTo(1);
              return backendPid() + " " + backendPid();
            });
    String[] both = pids.split(" ");

    assertThat(both[0]).as("the same server process answered both").isEqualTo(both[1]);
  }

  @Test
  void aTransactionBegunOnTheOneConnectionStillRollsBack() {
    assertThatThrownBy(
            () ->
                transactions.onOneConnection(
                    () -> {
                      write("kept");
                      transactions.run(
                          () -> {
                            write("undone");
                            throw new IllegalStateException("boom");
                          });
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(count()).isEqualTo(1);
  }

  private static String backendPid() {
    return jdbi.withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(String.class).one());
  }

  @Test
  void anUnreachableDatabaseIsReportedAsUnavailable() {
    try (PostgresDatabase nowhere =
        PostgresDatabase.open(
            new JdbcTarget("jdbc:postgresql://127.0.0.1:1/none", "", ""),
            new PoolSettings(1, Duration.ofMillis(500), "nowhere"),
            config -> config.setMinimumIdle(0))) {
      assertThatThrownBy(() -> new JdbiTransactions(nowhere.jdbi()).run(() -> {}))
          .isInstanceOf(UnavailableException.class);
      assertThatThrownBy(() -> new JdbiTransactions(nowhere.jdbi()).onOneConnection(() -> 1))
          .isInstanceOf(UnavailableException.class);
      assertThatThrownBy(nowhere::ping).isInstanceOf(UnavailableException.class);
    }
  }
}
