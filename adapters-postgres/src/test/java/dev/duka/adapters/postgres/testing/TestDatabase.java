package dev.duka.adapters.postgres.testing;

import dev.duka.adapters.postgres.EmbeddedPostgresServer;
import dev.duka.adapters.postgres.EmbeddedPostgresServer.Durability;
import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The shared PostgreSQL of a test JVM: one server per JVM (embedded, or the one named by {@code
 * TEST_DATABASE_URL}), migrations applied once into a template database, and a fresh database per
 * test class copied from that template with {@code CREATE DATABASE … TEMPLATE}, which takes
 * milliseconds.
 *
 * <pre>{@code
 * static PostgresDatabase db;
 * @BeforeAll static void database() { db = TestDatabase.fresh(); }
 * @AfterAll static void close() { db.close(); }
 * }</pre>
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);
  private static final String TEMPLATE = "duka_template_" + RUN;
  private static final List<String> CREATED = new CopyOnWriteArrayList<>();

  private static Shared shared;

  private TestDatabase() {}

  /** A freshly migrated database of its own, with a small pool. The caller closes it. */
  public static PostgresDatabase fresh() {
    return PostgresDatabase.open(
        freshTarget(), new PoolSettings(10, Duration.ofSeconds(5), "test"), config -> {});
  }

  /** Where to reach a freshly migrated database of its own. */
  public static JdbcTarget freshTarget() {
    Shared server = shared();
    String name = "duka_test_" + RUN + "_" + COUNTER.incrementAndGet();
    server.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    CREATED.add(name);
    return server.admin.withDatabase(name);
  }

  /**
   * The embedded server, when the tests run one (no {@code TEST_DATABASE_URL}); lets fault tests
   * stop and start PostgreSQL under a running service.
   */
  public static java.util.Optional<EmbeddedPostgresServer> embeddedServer() {
    return java.util.Optional.ofNullable(shared().embedded);
  }

  private static synchronized Shared shared() {
    if (shared == null) {
      shared = Shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-database-cleanup"));
    }
    return shared;
  }

  private static final class Shared {
    private final JdbcTarget admin;
    private final EmbeddedPostgresServer embedded;
    private final Path directory;

    private Shared(JdbcTarget admin, EmbeddedPostgresServer embedded, Path directory) {
      this.admin = admin;
      this.embedded = embedded;
      this.directory = directory;
    }

    static Shared start() {
      String external = System.getenv("TEST_DATABASE_URL");
      Shared server;
      if (external != null && !external.isBlank()) {
        server = new Shared(JdbcTarget.parse(external), null, null);
      } else {
        try {
          Path directory = Files.createTempDirectory("duka-test-pg");
          EmbeddedPostgresServer embedded =
              EmbeddedPostgresServer.start(directory.resolve("data"), 0, Durability.FAST);
          server = new Shared(embedded.target("postgres"), embedded, directory);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      server.createTemplate();
      return server;
    }

    private void createTemplate() {
      execute("DROP DATABASE IF EXISTS " + TEMPLATE);
      execute("CREATE DATABASE " + TEMPLATE);
      try (PostgresDatabase template =
          PostgresDatabase.open(
              admin.withDatabase(TEMPLATE),
              new PoolSettings(3, Duration.ofSeconds(10), "template"),
              config -> config.setMinimumIdle(0))) {
        template.migrate();
      }
    }

    void execute(String sql) {
      try (Connection connection =
              DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot run: " + sql, e);
      }
    }

    void stop() {
      if (embedded != null) {
        embedded.close();
        deleteQuietly(directory);
        return;
      }
      for (String name : CREATED) {
        try {
          execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
          // best effort: the server may already be gone
        }
      }
      try {
        execute("DROP DATABASE IF EXISTS " + TEMPLATE);
      } catch (RuntimeException ignored) {
        // best effort
      }
    }

    private static void deleteQuietly(Path directory) {
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a temp directory left behind is harmless
      }
    }
  }
}
