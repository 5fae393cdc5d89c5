package dev.duka.bootstrap;

import dev.duka.adapters.rest.RestServer;
import dev.duka.adapters.rest.RestSettings;
import dev.duka.adapters.rest.ops.Operations;
import dev.duka.application.mail.DeliverMailService;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.mail.OutboxWorker;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Duka server. Starts HTTP first (so {@code /health} and {@code /ready} answer while the
 * schema migrates), then migrates, then reports ready. Closing stops HTTP gracefully (in-flight
 * requests finish), then the pool, then the embedded database.
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
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    DatabaseRuntime database = DatabaseRuntime.open(config, Optional.of(registry));
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
              DatabaseRuntime.POOL_SIZE * 2,
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
      database.close();
      throw failure;
    }
    OutboxWorker mailWorker =
        new OutboxWorker(wiring.mailDelivery(tuning.mailRetries()), tuning.mailInterval(), 20);
    Application application = new Application(database, server, mailWorker);
    try {
      LOG.info("listening on port {}", server.port());
      beforeMigrations.run();
      database.migrate();
      migrated.set(true);
      mailWorker.start();
      LOG.info("ready: {}", config);
    } catch (RuntimeException failure) {
      application.close();
      throw failure;
    }
    return application;
  }

  public int port() {
    return server.port();
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
