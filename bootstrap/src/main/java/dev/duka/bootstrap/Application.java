package dev.duka.bootstrap;

import dev.duka.adapters.rest.RestServer;
import dev.duka.adapters.rest.RestSettings;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.ops.Operations;
import dev.duka.application.mail.DeliverMailService;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.mail.OutboxWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Duka server. Migrates the schema while HTTP starts (so {@code /health} and {@code
 * /ready} answer while it migrates, and start-up takes the longer of the two rather than both), and
 * reports ready once both are done. Closing stops HTTP gracefully (in-flight requests finish), then
 * the pool, then the embedded database.
 */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final DatabaseRuntime database;
  private final RestServer server;
  private final OutboxWorker mailWorker;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Application(DatabaseRuntime database, RestServer server, OutboxWorker mailWorker) {
    this.database = database;
    this.server = server;
    this.mailWorker = mailWorker;
  }

  /**
   * Timings operators never need to change, which tests shorten: how often queued mails are sent
   * and how long a failed mail waits.
   */
  record Tuning(Duration mailInterval, DeliverMailService.Settings mailRetries) {
    static Tuning defaults() {
      return new Tuning(Duration.ofSeconds(1), DeliverMailService.Settings.defaults());
    }
  }

  /** Starts a server with this configuration; returns once it is ready. */
  public static Application start(Config config) {
    return start(config, Tuning.defaults(), () -> {});
  }

  /**
   * Starts a server, running {@code beforeMigrations} between opening the HTTP port and migrating
   * (tests use it to watch the not-ready window).
   */
  static Application start(Config config, Tuning tuning, Runnable beforeMigrations) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DatabaseRuntime database = DatabaseRuntime.open(config, Optional.of(registry));
    CompletableFuture<Integer> migration = migrateAside(database, beforeMigrations);
    // the JVM's meters load some 300 classes (JMX among them): bound beside the rest of the start
    CompletableFuture<Void> jvmMeters = CompletableFuture.runAsync(() -> bindJvmMeters(registry));
    RestServer server;
    Wiring wiring;
    AtomicBoolean migrated = new AtomicBoolean(false);
    try {
      wiring = new Wiring(config, database);
      RestSettings settings =
          new RestSettings(
              "0.0.0.0",
              config.port(),
              config.corsOrigins(),
              1024 * 1024,
              Duration.ofSeconds(20),
              DatabaseRuntime.httpWorkers(config.databasePoolSize()),
              config.maxUploadBytes());
      server =
          RestServer.create(
                  settings,
                  wiring.json,
                  wiring.routes(),
                  new Operations(database.database()::ping, migrated::get, registry::scrape),
                  registry)
              .start();
    } catch (RuntimeException failure) {
      awaitQuietly(migration);
      database.close();
      throw failure;
    }
    OutboxWorker mailWorker =
        new OutboxWorker(wiring.mailDelivery(tuning.mailRetries()), tuning.mailInterval(), 20);
    Application application = new Application(database, server, mailWorker);
    try {
      LOG.info("listening on port {}", server.port());
      await(migration);
      jvmMeters.join();
      migrated.set(true);
      mailWorker.start();
      LOG.info("ready: {}", config);
      prepareAside(wiring.bodies);
    } catch (RuntimeException failure) {
      application.close();
      throw failure;
    }
    return application;
  }

  private static void bindJvmMeters(MeterRegistry registry) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * Runs {@code beforeMigrations} (tests hold it to watch the not-ready window) and the migrations
   * on a thread of their own.
   */
  private static CompletableFuture<Integer> migrateAside(
      DatabaseRuntime database, Runnable beforeMigrations) {
    CompletableFuture<Integer> migration = new CompletableFuture<>();
    Thread migrating =
        new Thread(
            () -> {
              try {
                beforeMigrations.run();
                migration.complete(database.migrate());
              } catch (Throwable failure) {
                migration.completeExceptionally(failure);
              }
            },
            "duka-migrate");
    migrating.setDaemon(true);
    migrating.start();
    return migration;
  }

  /** Builds, once ready, what the first requests with a body would otherwise wait for. */
  private static void prepareAside(JsonBodies bodies) {
    Thread preparing = new Thread(bodies::prepare, "duka-prepare");
    preparing.setDaemon(true);
    preparing.start();
  }

  private static void await(CompletableFuture<Integer> migration) {
    try {
      migration.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (failed.getCause() instanceof Error cause) {
        throw cause;
      }
      throw failed;
    }
  }

  /** Waits for the migrations to end, however they end (the pool is about to close). */
  private static void awaitQuietly(CompletableFuture<Integer> migration) {
    try {
      migration.join();
    } catch (CompletionException ignored) {
      // the start has already failed for another reason, which is the one to report
    }
  }

  public int port() {
    return server.port();
  }

  /** The HTTP routes served, as {@code "METHOD /path/{param}"}. */
  List<String> routes() {
    return server.routes();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("stopping: finishing in-flight requests");
    try {
      server.stop();
      mailWorker.close();
    } finally {
      database.close();
      LOG.info("stopped");
    }
  }
}
