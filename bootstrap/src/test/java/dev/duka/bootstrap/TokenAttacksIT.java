package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged, stale and misused tokens against the server as wired for production. The token checks
 * themselves are tested one by one in {@code JwtTokenIssuerTest}; these prove the routes use them,
 * and add what only a running server shows: refresh and access tokens kept apart, and a refresh
 * raced against itself.
 */
class TokenAttacksIT {
  static TestShop shop;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    shop = TestShop.start(Map.of());
    api = shop.api;
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  /** A token as the server would issue it for {@code user}, changed by {@code change}. */
  private static String forged(
      UserId user, String secret, UnaryOperator<JWTCreator.Builder> change) {
    Instant now = Instant.now();
    JWTCreator.Builder token =
        JWT.create()
            .withIssuer("duka")
            .withAudience("duka-api")
            .withSubject(user.toString())
            .withClaim("role", "admin")
            .withClaim("typ", "access")
            .withJWTId("forged")
            .withIssuedAt(Date.from(now))
            .withExpiresAt(Date.from(now.plusSeconds(600)));
    return change.apply(token).sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyForgedOrStaleTokenIsRefusedOnEveryKindOfRoute() {
    UserId user = shop.account(Role.ADMIN);
    String secret = TestShop.SECRET;
    Instant now = Instant.now();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(
        "not yet valid",
        forged(user, secret, t -> t.withNotBefore(Date.from(now.plusSeconds(600)))));
    tokens.put(
        "issued in the future",
        forged(user, secret, t -> t.withIssuedAt(Date.from(now.plusSeconds(600)))));
    tokens.put(
        "without expiry",
        JWT.create()
            .withIssuer("duka")
            .withAudience("duka-api")
            .withSubject(user.toString())
            .withClaim("role", "admin")
            .withClaim("typ", "access")
            .withJWTId("forged")
            .withIssuedAt(Date.from(now))
            .sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8))));
    tokens.put(
        "expired", forged(user, secret, t -> t.withExpiresAt(Date.from(now.minusSeconds(600)))));
    tokens.put("another issuer", forged(user, secret, t -> t.withIssuer("evil")));
    tokens.put("another audience", forged(user, secret, t -> t.withAudience("another-api")));
    tokens.put("typ refresh", forged(user, secret, t -> t.withClaim("typ", "refresh")));
    String attackerKey = "an-attacker-key-of-at-least-thirty-two-bytes-long!!";
    tokens.put(
        "signed with a key its kid, jku and jwk point to",
        forged(
            user,
            attackerKey,
            t ->
                t.withHeader(
                    Map.of(
                        "kid", "attacker",
                        "jku", "https://evil.example/jwks.json",
                        "jwk", Map.of("kty", "oct", "k", attackerKey)))));
    String good = shop.signIn(user);
    String[] parts = good.split("\\.");
    UserId victim = shop.account(Role.USER);
    tokens.put("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    tokens.put(
        "a changed payload under the old signature",
        parts[0]
            + "."
            + base64(decode(parts[1]).replace(user.toString(), victim.toString()))
            + "."
            + parts[2]);

    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> token : tokens.entrySet()) {
      for (String path : List.of("/api/v1/auth/me", "/api/v1/orders", "/api/v1/admin/users")) {
        ApiResponse response = api.responsesOnly().withToken(token.getValue()).get(path);
        if (response.status() != 401
            || !response.contentType().startsWith("application/problem+json")) {
          wrong.add(token.getKey() + " on " + path + " → " + response);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(api.withToken(good).get("/api/v1/admin/users").status())
        .as("the same claims, signed properly")
        .isEqualTo(200);
  }

  @Test
  void aRefreshTokenIsNoAccessTokenAndAnAccessTokenNoRefreshToken() {
    UserId user = shop.account(Role.USER);
    String refresh = shop.refreshToken(user);
    String access = shop.signIn(user);

    assertThat(api.responsesOnly().withToken(refresh).get("/api/v1/auth/me").status())
        .isEqualTo(401);
    assertThat(
            api.responsesOnly()
                .post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + access + "\"}")
                .status())
        .isEqualTo(401);
    assertThat(
            api.responsesOnly()
                .post("/api/v1/auth/logout", "{\"refresh_token\":\"" + access + "\"}")
                .status())
        .isIn(204, 401);
    assertThat(api.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}").status())
        .as("the refresh token itself still works")
        .isEqualTo(200);
  }

  @Test
  void parallelRefreshesOfOneTokenSucceedOnceAndStartNoSecondFamily() throws Exception {
    int racers = 8;
    for (int round = 0; round < 3; round++) {
      UserId user = shop.account(Role.USER);
      String refresh = shop.refreshToken(user);
      ExecutorService pool = Executors.newFixedThreadPool(racers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ApiResponse>> answers = new ArrayList<>();
      try {
        for (int i = 0; i < racers; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    return api.responsesOnly()
                        .post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
                  }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
          statuses.add(answer.get(60, TimeUnit.SECONDS).status());
        }
        assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(401);
      } finally {
        pool.shutdownNow();
      }
      long families =
          shop.db
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(DISTINCT family_id) FROM refresh_tokens"
                                  + " WHERE user_id = :user")
                          .bind("user", user.value())
                          .mapTo(Long.class)
                          .one());
      assertThat(families).as("one family, never a second one from a racer").isEqualTo(1);
    }
  }

  private static String base64(String text) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(java.util.Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
