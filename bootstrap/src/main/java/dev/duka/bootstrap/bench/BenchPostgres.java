package dev.duka.bootstrap.bench;

import dev.duka.adapters.postgres.EmbeddedPostgresServer;
import dev.duka.adapters.postgres.EmbeddedPostgresServer.Durability;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar duka.jar bench-postgres --port P}: the embedded PostgreSQL that {@code serve}
 * runs, started on its own, durable (fsync and synchronous commit on, as the server runs it), on a
 * fixed port of localhost, until the process is stopped.
 *
 * <p>The benchmark needs it apart from the server: pgbench measures the ceiling against the same
 * database, and the server then runs as in production, with an external {@code DATABASE_URL}, so
 * its start-up and memory are measured without PostgreSQL's.
 */
public final class BenchPostgres {
  private BenchPostgres() {}

  /**
   * Starts the server under {@code dataDirectory}, prints its URL and blocks until the JVM stops.
   *
   * @return only if interrupted
   */
  public static int run(Path dataDirectory, int port, PrintStream out) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 1 and 65535");
    }
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDirectory, port, Durability.DURABLE);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-postgres-stop"));
    out.println(
        "bench-postgres: ready at postgres://postgres@127.0.0.1:"
            + server.port()
            + "/"
            + EmbeddedPostgresServer.DATABASE
            + " (fsync="
            + server.setting("fsync")
            + ", synchronous_commit="
            + server.setting("synchronous_commit")
            + ")");
    out.flush();
    try {
      Thread.currentThread().join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
