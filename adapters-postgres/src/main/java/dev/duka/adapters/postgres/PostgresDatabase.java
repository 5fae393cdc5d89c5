package dev.duka.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.duka.domain.error.UnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The connection pool and JDBI of one PostgreSQL database, and its migrations.
 *
 * <p>The pool's connection timeout is short (2 s by default) so a lost database answers a fast 503
 * instead of hanging requests; Hikari reconnects on its own when the database returns.
 */
public final class PostgresDatabase implements AutoCloseable {
  private final HikariDataSource dataSource;

  /**
   * Built on first use: a server starts its migrations (which need only the pool) while JDBI's
   * classes load for the adapters.
   */
  private volatile Jdbi jdbi;

  private PostgresDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Pool settings. */
  public record PoolSettings(int maximumSize, Duration connectionTimeout, String poolName) {
    public PoolSettings {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("a pool needs at least one connection");
      }
      Objects.requireNonNull(connectionTimeout, "connectionTimeout");
      Objects.requireNonNull(poolName, "poolName");
    }

    public static PoolSettings defaults() {
      return new PoolSettings(16, Duration.ofSeconds(2), "duka");
    }
  }

  /**
   * Opens a pool to {@code target}. Does not wait for the database: the pool connects lazily, so
   * the process can start (and report not ready) while the database is still coming up.
   *
   * @param customizer last changes to the pool settings (e.g. a metrics registry)
   */
  public static PostgresDatabase open(
      JdbcTarget target, PoolSettings settings, Consumer<HikariConfig> customizer) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.jdbcUrl());
    if (!target.user().isEmpty()) {
      config.setUsername(target.user());
    }
    if (!target.password().isEmpty()) {
      config.setPassword(target.password());
    }
    config.setPoolName(settings.poolName());
    config.setMaximumPoolSize(settings.maximumSize());
    config.setMinimumIdle(Math.min(2, settings.maximumSize()));
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.max(250, settings.connectionTimeout().toMillis() / 2));
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("ApplicationName", "duka");
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    customizer.accept(config);
    return new PostgresDatabase(new HikariDataSource(config));
  }

  public Jdbi jdbi() {
    Jdbi built = jdbi;
    if (built == null) {
      synchronized (this) {
        built = jdbi;
        if (built == null) {
          built = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
          // Statements are plain SQL with bound values, never templates with <attributes>:
          // skipping the template pass saves work on every statement, and a stray "<x>" can never
          // be rewritten.
          built.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
          jdbi = built;
        }
      }
    }
    return built;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Applies the pending migrations of {@code db/migration}.
   *
   * @return how many migrations were applied
   */
  public int migrate() {
    MigrateResult result = flyway().migrate();
    return result.migrationsExecuted;
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Runs a trivial query and measures it.
   *
   * @throws UnavailableException when the database does not answer
   */
  public Duration ping() {
    long start = System.nanoTime();
    try {
      jdbi().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    } catch (RuntimeException failure) {
      RuntimeException translated = DatabaseErrors.translate(failure);
      if (translated instanceof UnavailableException) {
        throw translated;
      }
      throw new UnavailableException("the database did not answer", failure);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
