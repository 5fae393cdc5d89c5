package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.application.mail.DeliverMailService;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts end to end: the server as wired for production, real PostgreSQL, GreenMail as the SMTP
 * server, every exchange checked against docs/openapi.yaml.
 */
class AccountsIT {
  static final String SECRET = "an-accounts-test-secret-of-at-least-thirty-two-bytes";
  static final String ADMIN_SECRET = "the-admin-secret-of-the-accounts-test-shop-0123";
  static final String PASSWORD = "kanga ya pwani 2026";

  @TempDir static Path dataDir;

  static GreenMail smtp;
  static int smtpPort;
  static Application app;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    smtpPort = ApplicationIT.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    smtp.start();
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", TestDatabase.freshTarget().jdbcUrl());
    env.put("JWT_SECRET", SECRET);
    env.put("ADMIN_SECRET", ADMIN_SECRET);
    env.put("PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(smtpPort));
    env.put("SMTP_FROM", "Duka <no-reply@duka.test>");
    env.put("FRONTEND_URL", "https://shop.test");
    env.put("RATE_LIMIT_LOGIN_PER_ADDRESS_PER_MINUTE", "10000");
    env.put("RATE_LIMIT_ACCOUNT_PER_MINUTE", "10000");
    Config config = ConfigLoader.load(env, SecretStore::new).config();
    app =
        Application.start(
            config,
            new Application.Tuning(
                Duration.ofMillis(100),
                new DeliverMailService.Settings(
                    Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(1))),
            () -> {});
    api = ApiClient.at(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
    smtp.stop();
  }

  // ---- helpers ------------------------------------------------------------------------------

  static String json(Object... pairs) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(pairs[i]).append("\":");
      Object value = pairs[i + 1];
      out.append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
    }
    return out.append('}').toString();
  }

  /** The token of the newest mail to {@code email} linking to {@code path}, waiting for it. */
  static String mailedToken(String email, String path) throws Exception {
    Pattern link = Pattern.compile(Pattern.quote("https://shop.test" + path) + "\\?token=(\\S+)");
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      MimeMessage[] messages =
          smtp.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
      for (int i = messages.length - 1; i >= 0; i--) {
        if (!Arrays.toString(messages[i].getAllRecipients()).contains(email)) {
          continue;
        }
        Matcher found = link.matcher(GreenMailUtil.getBody(messages[i]).replace("=\r\n", ""));
        if (found.find()) {
          return URLDecoder.decode(found.group(1), StandardCharsets.UTF_8);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + email + " with a link to " + path);
  }

  static void awaitMails(String email, long count) throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    while (mailsTo(email) < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(mailsTo(email)).isEqualTo(count);
  }

  static long mailsTo(String email) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.toString(m.getAllRecipients()).contains(email);
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .count();
  }

  static ApiResponse register(String email) {
    return api.post(
        "/api/v1/auth/register",
        json("email", email, "password", PASSWORD, "full_name", "Asha Mwinyi"));
  }

  static JsonNode signedIn(String email) throws Exception {
    assertThat(register(email).status()).isEqualTo(201);
    String token = mailedToken(email, "/verify-email");
    assertThat(api.post("/api/v1/auth/verify-email", json("token", token)).status()).isEqualTo(200);
    ApiResponse login = api.post("/api/v1/auth/login", json("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json();
  }

  static String unique(String name) {
    return name + "-" + System.nanoTime() + "@example.com";
  }

  // ---- journeys -----------------------------------------------------------------------------

  @Test
  void registerVerifyLoginRefreshLogoutForgotReset() throws Exception {
    String email = unique("journey");
    ApiResponse registered = register(email);
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().path("email_verified").asBoolean()).isFalse();
    assertThat(registered.body()).doesNotContain("password", "argon2");

    ApiResponse early =
        api.responsesOnly().post("/api/v1/auth/login", json("email", email, "password", PASSWORD));
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.json().path("detail").asText()).contains("confirm your email");

    mailedToken(email, "/verify-email");
    assertThat(api.post("/api/v1/auth/resend-verification", json("email", email)).status())
        .isEqualTo(202);
    assertThat(
            api.post("/api/v1/auth/resend-verification", json("email", unique("nobody"))).status())
        .as("the same answer for an unknown email")
        .isEqualTo(202);
    awaitMails(email, 2);
    String verifyToken = mailedToken(email, "/verify-email");
    ApiResponse verified = api.post("/api/v1/auth/verify-email", json("token", verifyToken));
    assertThat(verified.json().path("email_verified").asBoolean()).isTrue();
    assertThat(api.post("/api/v1/auth/verify-email", json("token", verifyToken)).status())
        .as("a spent email token")
        .isEqualTo(400);

    JsonNode session =
        api.post("/api/v1/auth/login", json("email", email, "password", PASSWORD)).json();
    assertThat(session.path("token_type").asText()).isEqualTo("bearer");
    assertThat(session.path("expires_in").asLong()).isBetween(890L, 900L);
    String access = session.path("access_token").asText();
    assertThat(api.withToken(access).get("/api/v1/auth/me").json().path("email").asText())
        .isEqualTo(email);

    JsonNode rotated =
        api.post(
                "/api/v1/auth/refresh",
                json("refresh_token", session.path("refresh_token").asText()))
            .json();
    assertThat(rotated.path("refresh_token").asText())
        .isNotEqualTo(session.path("refresh_token").asText());

    assertThat(
            api.post(
                    "/api/v1/auth/logout",
                    json("refresh_token", rotated.path("refresh_token").asText()))
                .status())
        .isEqualTo(204);
    assertThat(
            api.post(
                    "/api/v1/auth/refresh",
                    json("refresh_token", rotated.path("refresh_token").asText()))
                .status())
        .isEqualTo(401);

    assertThat(api.post("/api/v1/auth/forgot-password", json("email", unique("nobody"))).status())
        .isEqualTo(202);
    assertThat(api.post("/api/v1/auth/forgot-password", json("email", email)).status())
        .isEqualTo(202);
    String resetToken = mailedToken(email, "/reset-password");
    assertThat(
            api.post(
                    "/api/v1/auth/reset-password",
                    json("token", resetToken, "new_password", "a whole new secret"))
                .status())
        .isEqualTo(200);
    assertThat(api.post("/api/v1/auth/login", json("email", email, "password", PASSWORD)).status())
        .isEqualTo(401);
    assertThat(
            api.post("/api/v1/auth/login", json("email", email, "password", "a whole new secret"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void reuseOfASpentRefreshTokenRevokesTheWholeFamily() throws Exception {
    JsonNode session = signedIn(unique("reuse"));
    String first = session.path("refresh_token").asText();
    String second =
        api.post("/api/v1/auth/refresh", json("refresh_token", first))
            .json()
            .path("refresh_token")
            .asText();

    assertThat(api.post("/api/v1/auth/refresh", json("refresh_token", first)).status())
        .isEqualTo(401);
    assertThat(api.post("/api/v1/auth/refresh", json("refresh_token", second)).status())
        .as("the newer token of the stolen family is dead too")
        .isEqualTo(401);
  }

  @Test
  void refusesBadAccessTokens() throws Exception {
    JsonNode session = signedIn(unique("tokens"));
    String good = session.path("access_token").asText();
    String userId = session.path("user").path("id").asText();
    String[] parts = good.split("\\.");
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"user\"", "\"admin\"")
                    .getBytes(StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + forgedPayload + "." + parts[2];
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    Algorithm ours = Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));
    Instant now = Instant.now();
    String expired =
        JWT.create()
            .withIssuer("duka")
            .withAudience("duka-api")
            .withSubject(userId)
            .withClaim("role", "user")
            .withClaim("typ", "access")
            .withJWTId("x")
            .withIssuedAt(Date.from(now.minusSeconds(3600)))
            .withExpiresAt(Date.from(now.minusSeconds(1800)))
            .sign(ours);
    String wrongAudience =
        JWT.create()
            .withIssuer("duka")
            .withAudience("another-api")
            .withSubject(userId)
            .withClaim("role", "user")
            .withClaim("typ", "access")
            .withJWTId("y")
            .withIssuedAt(Date.from(now))
            .withExpiresAt(Date.from(now.plusSeconds(600)))
            .sign(ours);

    ApiClient unchecked = api.responsesOnly();
    for (String bad : List.of(tampered, none, expired, wrongAudience, "garbage", good + "x")) {
      ApiResponse response = unchecked.withToken(bad).get("/api/v1/auth/me");
      assertThat(response.status()).as(bad).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(unchecked.get("/api/v1/auth/me").status()).as("no token at all").isEqualTo(401);
    assertThat(api.withToken(good).get("/api/v1/auth/me").status()).isEqualTo(200);
  }

  @Test
  void deactivationCutsALiveAccessTokenAndBlocksLogin() throws Exception {
    JsonNode user = signedIn(unique("cut"));
    String adminEmail = unique("admin");
    ApiResponse admin =
        api.post(
            "/api/v1/auth/register-admin",
            json(
                "email",
                adminEmail,
                "password",
                PASSWORD,
                "full_name",
                "Boss",
                "admin_secret",
                ADMIN_SECRET));
    assertThat(admin.status()).isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/auth/verify-email",
                    json("token", mailedToken(adminEmail, "/verify-email")))
                .status())
        .isEqualTo(200);
    String adminToken =
        api.post("/api/v1/auth/login", json("email", adminEmail, "password", PASSWORD))
            .json()
            .path("access_token")
            .asText();
    String userToken = user.path("access_token").asText();
    String userId = user.path("user").path("id").asText();

    assertThat(api.withToken(userToken).get("/api/v1/auth/me").status()).isEqualTo(200);
    ApiResponse deactivated =
        api.withToken(adminToken).patch("/api/v1/admin/users/" + userId, json("active", false));
    assertThat(deactivated.json().path("active").asBoolean()).isFalse();

    assertThat(api.responsesOnly().withToken(userToken).get("/api/v1/auth/me").status())
        .isEqualTo(401);
    ApiResponse login =
        api.post(
            "/api/v1/auth/login",
            json("email", user.path("user").path("email").asText(), "password", PASSWORD));
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.json().path("detail").asText()).contains("deactivated");

    ApiResponse listed = api.withToken(adminToken).get("/api/v1/admin/users?q=cut-&page_size=5");
    assertThat(listed.json().path("items").size()).isGreaterThanOrEqualTo(1);
    assertThat(api.responsesOnly().withToken(userToken).get("/api/v1/admin/users").status())
        .isEqualTo(401);
  }

  @Test
  void aWrongAdminSecretIsRefusedWith403() {
    ApiResponse refused =
        api.post(
            "/api/v1/auth/register-admin",
            json(
                "email",
                unique("mallory"),
                "password",
                PASSWORD,
                "full_name",
                "M",
                "admin_secret",
                "guess"));
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void usersCannotGiveThemselvesOtherFields() throws Exception {
    JsonNode session = signedIn(unique("mass"));
    ApiClient me = api.withToken(session.path("access_token").asText());

    ApiResponse refused =
        me.responsesOnly()
            .patch(
                "/api/v1/auth/me",
                "{\"full_name\":\"Hacker\",\"role\":\"admin\",\"email_verified\":false,\"id\":\"x\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("role", "email_verified", "id");
    JsonNode after = me.get("/api/v1/auth/me").json();
    assertThat(after.path("full_name").asText()).isEqualTo("Asha Mwinyi");
    assertThat(after.path("role").asText()).isEqualTo("user");

    JsonNode changed =
        me.patch(
                "/api/v1/auth/me",
                "{\"full_name\":\"Asha M.\",\"phone\":\"+255 712 345 678\",\"default_shipping_address\":"
                    + "{\"full_name\":\"Asha\",\"line1\":\"Plot 12\",\"city\":\"Arusha\",\"country\":\"tz\",\"phone\":\"+255712345678\"}}")
            .json();
    assertThat(changed.path("phone").asText()).isEqualTo("+255712345678");
    assertThat(changed.path("default_shipping_address").path("country").asText()).isEqualTo("TZ");
  }

  @Test
  void changingThePasswordNeedsTheCurrentOne() throws Exception {
    JsonNode session = signedIn(unique("change"));
    ApiClient me = api.withToken(session.path("access_token").asText());

    ApiResponse wrong =
        me.post(
            "/api/v1/auth/change-password",
            json("current_password", "nope", "new_password", "another good secret"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(
            me.post(
                    "/api/v1/auth/change-password",
                    json("current_password", PASSWORD, "new_password", "another good secret"))
                .status())
        .isEqualTo(204);
    assertThat(
            api.post(
                    "/api/v1/auth/refresh",
                    json("refresh_token", session.path("refresh_token").asText()))
                .status())
        .isEqualTo(401);
  }

  @Test
  void aRegistrationCommitsWhileSmtpIsDownAndItsMailArrivesOnceItIsBack() throws Exception {
    String email = unique("outage");
    smtp.stop();
    try {
      assertThat(register(email).status()).isEqualTo(201);
      Thread.sleep(600);
      assertThat(
              api.post("/api/v1/auth/login", json("email", email, "password", PASSWORD)).status())
          .as("the account exists")
          .isEqualTo(403);
    } finally {
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      smtp.start();
    }
    assertThat(mailedToken(email, "/verify-email")).isNotBlank();
    assertThat(mailsTo(email)).isEqualTo(1);
  }
}
