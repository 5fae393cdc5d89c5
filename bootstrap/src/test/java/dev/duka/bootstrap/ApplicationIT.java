package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as wired for production, on the shared test database. */
class ApplicationIT {
  private static final String SECRET = "an-application-test-secret-of-48-characters-long!";

  @TempDir Path dataDir;

  private Config config(int port) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", TestDatabase.freshTarget().jdbcUrl());
    env.put("JWT_SECRET", SECRET);
    env.put("ADMIN_SECRET", SECRET + "-admin");
    env.put("PORT", Integer.toString(port));
    env.put("DATA_DIR", dataDir.toString());
    return ConfigLoader.load(env, SecretStore::new).config();
  }

  @Test
  void servesHealthReadinessAndMetricsOnceStarted() {
    try (Application app = Application.start(config(0))) {
      ApiClient api = ApiClient.at(app.port());

      ApiResponse health = api.get("/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().path("database").path("status").asText()).isEqualTo("up");
      assertThat(api.get("/ready").status()).isEqualTo(200);
      String metrics = api.get("/metrics").body();
      assertThat(metrics)
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}")
          .contains("hikaricp_connections_max")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void isNotReadyUntilMigrationsFinish() throws Exception {
    int port = freePort();
    CountDownLatch holdMigrations = new CountDownLatch(1);
    CompletableFuture<Application> starting =
        CompletableFuture.supplyAsync(
            () ->
                Application.start(
                    config(port),
                    Application.Tuning.defaults(),
                    () -> {
                      try {
                        holdMigrations.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    ApiClient api = ApiClient.at(port);
    ApiResponse early = awaitAnswer(api);
    assertThat(early.status()).isEqualTo(503);
    assertThat(early.json().path("reason").asText()).contains("migrations");
    assertThat(early.header("Retry-After")).isPresent();

    holdMigrations.countDown();
    try (Application app = starting.get(30, TimeUnit.SECONDS)) {
      assertThat(api.get("/ready").status()).isEqualTo(200);
    }
  }

  private static ApiResponse awaitAnswer(ApiClient api) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try {
        return api.get("/ready");
      } catch (java.io.UncheckedIOException notListeningYet) {
        if (Instant.now().isAfter(deadline)) {
          throw notListeningYet;
        }
        Thread.sleep(50);
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
