package dev.duka.bootstrap;

import static dev.duka.bootstrap.AccountsIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default limits of a fresh server, as a client that keeps trying sees them. */
class RateLimitIT {
  @TempDir Path dataDir;

  @Test
  void answers429WithRetryAfterPastTheLimits() {
    var config =
        ConfigLoader.load(
                Map.of(
                    "DATABASE_URL",
                    TestDatabase.freshTarget().jdbcUrl(),
                    "JWT_SECRET",
                    AccountsIT.SECRET,
                    "ADMIN_SECRET",
                    AccountsIT.ADMIN_SECRET,
                    "PORT",
                    "0",
                    "DATA_DIR",
                    dataDir.toString()),
                SecretStore::new)
            .config();
    try (Application app = Application.start(config)) {
      ApiClient api = ApiClient.at(app.port()).responsesOnly();
      String login = json("email", "victim@example.com", "password", "not the password");
      for (int i = 0; i < 5; i++) {
        assertThat(api.post("/api/v1/auth/login", login).status()).isEqualTo(401);
      }
      ApiResponse limited = api.post("/api/v1/auth/login", login);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow())).isBetween(1, 60);

      String forgot = json("email", "someone@example.com");
      for (int i = 0; i < 5; i++) {
        assertThat(api.post("/api/v1/auth/forgot-password", forgot).status()).isEqualTo(202);
      }
      assertThat(api.post("/api/v1/auth/forgot-password", forgot).status()).isEqualTo(429);
    }
  }
}
