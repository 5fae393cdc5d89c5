package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.adapters.rest.testing.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar as operators run it: {@code java -jar bootstrap/target/duka.jar}, its own embedded
 * PostgreSQL under a fresh data directory, no other set-up.
 */
class FatJarIT {
  private static final Path JAR = Path.of("target", "duka.jar").toAbsolutePath();

  @TempDir static Path workDir;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void jarExists() {
    assertThat(JAR).as("run after mvn package").exists();
  }

  private static ProcessBuilder java(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
    builder.environment().put("DATA_DIR", workDir.resolve("data").toString());
    builder.environment().putAll(env);
    return builder;
  }

  private static Run run(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process process =
        java(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void printsHelp() throws Exception {
    Run help = run(Map.of(), "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("serve", "migrate", "create-admin", "seed-demo");
  }

  @Test
  void refusesABadProductionConfigNamingEveryProblem() throws Exception {
    Run refused =
        run(
            Map.of(
                "DATABASE_URL",
                "postgres://u:p@127.0.0.1:1/none",
                "JWT_SECRET",
                "short",
                "PORT",
                "x"),
            "serve");

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "JWT_SECRET is too weak", "ADMIN_SECRET is required", "PORT must be a whole number");
  }

  @Test
  void runsOnItsOwnEmbeddedDatabaseAndKeepsDataAcrossRestarts() throws Exception {
    Run created =
        run(
            Map.of(),
            "create-admin",
            "--email",
            "boss@duka.test",
            "--password",
            "kanga ya pwani 2026");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).contains("administrator created: boss@duka.test");

    Run again =
        run(
            Map.of(),
            "create-admin",
            "--email",
            "BOSS@duka.test",
            "--password",
            "kanga ya pwani 2026");
    assertThat(again.exit()).as("the first admin survived the restart").isEqualTo(1);
    assertThat(again.err()).contains("exists");

    Run seeded = run(Map.of(), "seed-demo");
    assertThat(seeded.exit()).as(seeded.err()).isZero();
    assertThat(seeded.out()).contains("demo products added: 200");
    assertThat(run(Map.of(), "seed-demo").out()).contains("already present");

    int port = ApplicationIT.freePort();
    Process server =
        java(Map.of("PORT", Integer.toString(port)), "serve")
            .redirectOutput(workDir.resolve("serve.out").toFile())
            .redirectError(workDir.resolve("serve.err").toFile())
            .start();
    try {
      ApiClient api = ApiClient.at(port);
      awaitReady(api, server);
      ApiResponse health = api.get("/health");
      assertThat(health.json().path("database").path("status").asText()).isEqualTo("up");
      assertThat(api.get("/docs").body()).contains("swagger-ui");
      assertThat(api.get("/docs/swagger-ui.css").body()).contains(".swagger-ui");

      server.destroy(); // SIGTERM
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).as("a clean stop exits 0").isZero();
      String log = Files.readString(workDir.resolve("serve.out"), StandardCharsets.UTF_8);
      assertThat(log).contains("\"message\":\"stopped\"");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void sigtermLetsASlowRequestFinishRefusesNewOnesAndExitsZero() throws Exception {
    JdbcTarget target = TestDatabase.freshTarget();
    int port = ApplicationIT.freePort();
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            target.jdbcUrl(),
            "JWT_SECRET",
            "a-fat-jar-test-secret-of-at-least-thirty-two-bytes",
            "ADMIN_SECRET",
            "a-fat-jar-admin-secret-of-at-least-thirty-two-bytes",
            "PORT",
            Integer.toString(port));
    Process server =
        java(env, "serve")
            .redirectOutput(workDir.resolve("slow.out").toFile())
            .redirectError(workDir.resolve("slow.err").toFile())
            .start();
    ExecutorService client = Executors.newSingleThreadExecutor();
    try (PostgresDatabase scene =
        PostgresDatabase.open(
            target, new PoolSettings(2, Duration.ofSeconds(5), "scene"), c -> {})) {
      ApiClient api = ApiClient.at(port);
      awaitReady(api, server);
      Handle locker = scene.jdbi().open();
      Future<ApiResponse> slow;
      try {
        // the slow request waits on a lock the test holds, in the middle of its transaction
        locker.begin();
        locker.execute("LOCK TABLE products IN ACCESS EXCLUSIVE MODE");
        slow = client.submit(() -> api.get("/api/v1/products"));
        Instant deadline = Instant.now().plusSeconds(20);
        while (TestShop.sessionsWaitingOnLocks(scene) == 0) {
          assertThat(Instant.now()).as("the request reached the lock").isBefore(deadline);
          Thread.sleep(50);
        }

        server.destroy(); // SIGTERM
        deadline = Instant.now().plusSeconds(10);
        boolean refused = false;
        while (!refused && Instant.now().isBefore(deadline)) {
          try {
            refused = RawHttp.exchange(port, "GET", "/health").status() == 503;
          } catch (java.io.UncheckedIOException connectionRefused) {
            refused = true;
          }
          Thread.sleep(50);
        }
        assertThat(refused).as("new requests are refused while stopping").isTrue();
        assertThat(slow).as("the slow request is still running").isNotDone();
      } finally {
        locker.rollback();
        locker.close();
      }
      ApiResponse finished = slow.get(30, TimeUnit.SECONDS);
      assertThat(finished.status()).as("the in-flight request completed").isEqualTo(200);
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).as("a clean stop exits 0").isZero();
    } finally {
      client.shutdownNow();
      server.destroyForcibly();
    }
  }

  private static void awaitReady(ApiClient api, Process server) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      assertThat(server.isAlive()).as("the server is running").isTrue();
      try {
        if (api.get("/ready").status() == 200) {
          return;
        }
      } catch (java.io.UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within 90 s: " + readQuietly(workDir.resolve("serve.err")));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
