package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.EmbeddedPostgresServer;
import dev.duka.adapters.postgres.EmbeddedPostgresServer.Durability;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost database answers fast with 503 and Retry-After, and the service recovers by itself when
 * the database returns. Runs its own PostgreSQL, since it stops it.
 */
class DatabaseOutageIT {
  private static final String SECRET = "an-outage-test-secret-of-at-least-forty-eight-chars";

  @TempDir Path dir;

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
    Path pgDir = dir.resolve("pg");
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgDir, 0, Durability.FAST);
    int pgPort = postgres.port();
    var config =
        ConfigLoader.load(
                Map.of(
                    "DATABASE_URL",
                    postgres.target().jdbcUrl(),
                    "JWT_SECRET",
                    SECRET,
                    "ADMIN_SECRET",
                    SECRET + "-admin",
                    "PORT",
                    "0",
                    "DATA_DIR",
                    dir.toString()),
                SecretStore::new)
            .config();
    try (Application app = Application.start(config)) {
      ApiClient api = ApiClient.at(app.port());
      assertThat(api.get("/health").status()).isEqualTo(200);

      postgres.close();
      Instant asked = Instant.now();
      ApiResponse down = api.get("/health");
      Duration took = Duration.between(asked, Instant.now());
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.header("Retry-After")).contains("2");
      assertThat(took).as("a lost database answers fast").isLessThan(Duration.ofMillis(2500));
      assertThat(api.get("/ready").status()).isEqualTo(503);

      postgres = EmbeddedPostgresServer.start(pgDir, pgPort, Durability.FAST);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 200) {
        status = api.get("/health").status();
        Thread.sleep(100);
      }
      assertThat(status).as("recovered without a restart").isEqualTo(200);
    } finally {
      postgres.close();
    }
  }
}
