package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in accounts for end-to-end tests without the mail round trip: registered through the API
 * (users with the admin secret as administrators), marked verified directly in the database — the
 * one step that would need the mailed link — then signed in through the API.
 */
final class TestAccounts {
  static final String PASSWORD = "kanga ya pwani 2026";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ApiClient api;
  private final Jdbi database;
  private final String adminSecret;

  TestAccounts(ApiClient api, JdbcTarget database, String adminSecret) {
    this.api = api;
    this.database = Jdbi.create(database.jdbcUrl(), database.user(), database.password());
    this.adminSecret = adminSecret;
  }

  /** The access token of a new, verified shopper. */
  String shopper() {
    String email = uniqueEmail("shopper");
    signUp(
        "/api/v1/auth/register",
        Map.of("email", email, "password", PASSWORD, "full_name", "Asha Mwinyi"));
    return signIn(email);
  }

  /** The access token of a new, verified administrator. */
  String administrator() {
    String email = uniqueEmail("admin");
    signUp(
        "/api/v1/auth/register-admin",
        Map.of(
            "email",
            email,
            "password",
            PASSWORD,
            "full_name",
            "Juma Admin",
            "admin_secret",
            adminSecret));
    return signIn(email);
  }

  private void signUp(String path, Map<String, String> body) {
    ApiResponse registered = api.post(path, json(body));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String email = body.get("email");
    int verified =
        database.withHandle(
            h ->
                h.createUpdate("UPDATE users SET email_verified_at = now() WHERE email = :email")
                    .bind("email", email)
                    .execute());
    assertThat(verified).isEqualTo(1);
  }

  private String signIn(String email) {
    ApiResponse login =
        api.post("/api/v1/auth/login", json(Map.of("email", email, "password", PASSWORD)));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().path("access_token").asText();
  }

  private static String uniqueEmail(String role) {
    return role
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + COUNTER.incrementAndGet()
        + "@example.com";
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
