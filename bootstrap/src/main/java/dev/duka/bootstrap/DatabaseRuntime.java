package dev.duka.bootstrap;

import dev.duka.adapters.postgres.EmbeddedPostgresServer;
import dev.duka.adapters.postgres.EmbeddedPostgresServer.Durability;
import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import dev.duka.bootstrap.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of a running Duka: the external one of {@code DATABASE_URL}, or an embedded
 * PostgreSQL under {@code DATA_DIR/pg}, started durable (fsync and synchronous commit on).
 */
final class DatabaseRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRuntime.class);

  /**
   * Requests served at once: at least 32, and twice the pool when that is more. Requests beyond it
   * wait for a worker in turn, where waiting for a connection is not first come, first served and
   * gives up with a 503 after {@link #CONNECTION_TIMEOUT}; while a worker waits for a connection,
   * others parse and write the requests and answers around their statements.
   */
  static int httpWorkers(int poolSize) {
    return Math.max(32, 2 * poolSize);
  }

  /**
   * How long a request waits for a connection before it is answered 503: under the 2 s a client of
   * a lost (or saturated) database is promised an answer in, with room for the rest of the request.
   */
  static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1500);

  private final EmbeddedPostgresServer embedded;
  private final PostgresDatabase database;

  private DatabaseRuntime(EmbeddedPostgresServer embedded, PostgresDatabase database) {
    this.embedded = embedded;
    this.database = database;
  }

  static DatabaseRuntime open(Config config, Optional<MeterRegistry> registry) {
    EmbeddedPostgresServer embedded = null;
    JdbcTarget target;
    if (config.embeddedDatabase()) {
      LOG.info(
          "starting the embedded PostgreSQL under {} (the first start unpacks it)",
          config.dataDir().resolve("pg"));
      embedded =
          EmbeddedPostgresServer.start(config.dataDir().resolve("pg"), 0, Durability.DURABLE);
      target = embedded.target();
    } else {
      target = JdbcTarget.parse(config.databaseUrl().orElseThrow());
    }
    PostgresDatabase database =
        PostgresDatabase.open(
            target,
            new PoolSettings(config.databasePoolSize(), CONNECTION_TIMEOUT, "duka"),
            hikari -> registry.ifPresent(hikari::setMetricRegistry));
    return new DatabaseRuntime(embedded, database);
  }

  PostgresDatabase database() {
    return database;
  }

  /** Applies pending migrations and says how many ran. */
  int migrate() {
    int applied = database.migrate();
    LOG.info("database schema is up to date ({} migrations applied now)", applied);
    return applied;
  }

  @Override
  public void close() {
    database.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
