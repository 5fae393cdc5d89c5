package dev.duka.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.json.JsonMapping;
import dev.duka.adapters.rest.ops.Operations;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.adapters.rest.testing.RawHttp;
import dev.duka.domain.error.UnavailableException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RestServerIT {
  private static final AtomicBoolean started = new AtomicBoolean(false);
  private static final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private static RestServer server;
  private static ApiClient api;
  private static ApiClient raw;

  @BeforeAll
  static void start() {
    server =
        startServer(
            RestSettings.defaults(0)
                .withHost("127.0.0.1")
                .withCorsOrigins(List.of("https://shop.example"))
                .withMaxBodyBytes(4096));
    api = ApiClient.at(server.port());
    raw = api.unchecked();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static RestServer startServer(RestSettings settings) {
    var mapper = JsonMapping.create();
    Operations operations =
        new Operations(
            () -> {
              if (!databaseUp.get()) {
                throw new UnavailableException("the database did not answer", null);
              }
              return Duration.ofMillis(3);
            },
            started::get,
            () -> "# HELP probe\n");
    return RestServer.create(
            settings,
            mapper,
            List.of(new ProbeRoutes(new JsonBodies(mapper))),
            operations,
            registry)
        .start();
  }

  private static void assertProblem(ApiResponse response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode body = response.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    assertThat(body.path("type").asText()).startsWith("urn:duka:problem:");
    assertThat(body.path("request_id").asText())
        .isEqualTo(response.header("X-Request-Id").orElseThrow());
  }

  @Test
  void answersMalformedJsonWith400() {
    assertProblem(raw.post("/api/v1/_probe/echo", "{\"name\": \"x\", "), 400, "invalid_value");
  }

  @Test
  void answersAnUnknownRouteWith404() {
    assertProblem(raw.get("/api/v1/no-such-thing"), 404, "not_found");
    assertProblem(raw.get("/nowhere"), 404, "not_found");
  }

  @Test
  void answersAWrongMethodWith405AndTheAllowedOnes() {
    ApiResponse response = raw.delete("/api/v1/_probe/echo");

    assertProblem(response, 405, "method_not_allowed");
    assertThat(response.header("Allow")).contains("POST");
  }

  @Test
  void namesTheAllowedMethodsToABrowserToo() {
    ApiResponse response =
        raw.withHeader("Accept", "text/html,application/xhtml+xml").delete("/api/v1/_probe/echo");

    assertProblem(response, 405, "method_not_allowed");
    assertThat(response.header("Allow")).contains("POST");
  }

  @Test
  void answersHeadOnAGetRouteWith405InsteadOfAnEmpty200() {
    RawHttp.Answer head = RawHttp.exchange(server.port(), "HEAD", "/api/v1/_probe/boom");

    assertThat(head.status()).isEqualTo(405);
    assertThat(head.header("Allow")).contains("GET");
    assertThat(head.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(head.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(RawHttp.exchange(server.port(), "HEAD", "/api/v1/no-such-thing").status())
        .isEqualTo(404);
  }

  @Test
  void answersWhatJettyRefusesByItselfAsProblemJson() {
    String longHeader = "X-Padding: " + "a".repeat(20_000);
    List<RawHttp.Answer> refused =
        List.of(
            RawHttp.exchange(server.port(), "GET", "/api/v1/%zz"),
            RawHttp.exchange(server.port(), "GET", "/health?q=" + "a".repeat(20_000)),
            RawHttp.exchange(server.port(), "GET", "/health", longHeader));

    assertThat(refused).extracting(RawHttp.Answer::status).containsExactly(400, 414, 431);
    for (RawHttp.Answer answer : refused) {
      assertThat(answer.header("Content-Type").orElseThrow())
          .as(answer.toString())
          .startsWith("application/problem+json");
      assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(answer.header("Cache-Control")).contains("no-store");
      assertThat(answer.header("Server")).isEmpty();
      assertThat(answer.body()).contains("\"status\":" + answer.status()).doesNotContain("<html");
    }
  }

  @Test
  void answersAnOversizedBodyWith413() {
    String big = "{\"name\": \"" + "x".repeat(5000) + "\", \"quantity\": 1}";
    assertProblem(raw.post("/api/v1/_probe/echo", big), 413, "payload_too_large");
  }

  @Test
  void answersAWrongContentTypeWith415() {
    assertProblem(
        raw.send("POST", "/api/v1/_probe/echo", "name=x", "application/x-www-form-urlencoded"),
        415,
        "unsupported_media_type");
    assertProblem(
        raw.send("POST", "/api/v1/_probe/echo", "{}", (String) null),
        415,
        "unsupported_media_type");
  }

  @Test
  void answersAnUnhandledFailureWith500AndNoDetail() {
    ApiResponse response = raw.get("/api/v1/_probe/boom");

    assertProblem(response, 500, "internal_error");
    assertThat(response.body())
        .doesNotContain("secret", "IllegalStateException", "db.internal", "at dev.duka");
    assertThat(response.json().path("detail").asText())
        .contains(response.header("X-Request-Id").orElseThrow());
  }

  @Test
  void mapsDomainErrorsByTheirCode() {
    assertProblem(raw.get("/api/v1/_probe/missing"), 404, "not_found");
    ApiResponse down = raw.get("/api/v1/_probe/down");
    assertProblem(down, 503, "unavailable");
    assertThat(down.header("Retry-After")).contains("2");
  }

  @Test
  void namesEveryUnknownFieldAtOnce() {
    ApiResponse response =
        raw.post(
            "/api/v1/_probe/echo",
            "{\"name\":\"x\",\"quantity\":1,\"role\":\"admin\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"price\":1}],\"id\":5}");

    assertProblem(response, 400, "invalid_value");
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("role", "lines[0].price", "id");
  }

  @Test
  void listsEveryBrokenConstraint() {
    ApiResponse response =
        raw.post(
            "/api/v1/_probe/echo", "{\"name\":\" \",\"quantity\":1000,\"lines\":[{\"sku\":\"\"}]}");

    assertProblem(response, 400, "invalid_value");
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .containsExactly("lines[0].quantity", "lines[0].sku", "name", "quantity");
  }

  @Test
  void refusesWrongTypesInsteadOfGuessing() {
    for (String quantity : List.of("1.5", "\"7\"", "2147483648", "\"1e9\"", "true", "[1]")) {
      ApiResponse response =
          raw.post("/api/v1/_probe/echo", "{\"name\":\"x\",\"quantity\":" + quantity + "}");
      assertProblem(response, 400, "invalid_value");
      assertThat(response.json().path("errors").findValuesAsText("field"))
          .as("quantity %s", quantity)
          .containsExactly("quantity");
    }
    assertProblem(
        raw.post("/api/v1/_probe/echo", "{\"name\":5,\"quantity\":1}"), 400, "invalid_value");
  }

  @Test
  void refusesDuplicateKeysAndDeepNesting() {
    assertProblem(
        raw.post("/api/v1/_probe/echo", "{\"name\":\"a\",\"name\":\"b\",\"quantity\":1}"),
        400,
        "invalid_value");
    String deep = "[".repeat(40) + "]".repeat(40);
    assertProblem(
        raw.post("/api/v1/_probe/echo", "{\"name\":\"a\",\"quantity\":1,\"lines\":" + deep + "}"),
        400,
        "invalid_value");
  }

  @Test
  void refusesTheNulCharacterInBodiesAndQueries() {
    ApiResponse body = raw.post("/api/v1/_probe/echo", "{\"name\":\"a\\u0000b\",\"quantity\":1}");
    ApiResponse query = raw.get("/api/v1/_probe/boom?q=a%00b");

    assertProblem(body, 400, "invalid_value");
    assertThat(body.json().path("errors").findValuesAsText("field")).containsExactly("name");
    assertProblem(query, 400, "invalid_value");
    assertThat(query.json().path("errors").findValuesAsText("field")).containsExactly("q");
  }

  @Test
  void echoesAValidBodyInSnakeCase() {
    ApiResponse response =
        raw.post("/api/v1/_probe/echo", "{\"name\":\"Kanga\",\"quantity\":2,\"lines\":[]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("name").asText()).isEqualTo("Kanga");
  }

  @Test
  void propagatesTheCallersRequestId() {
    ApiResponse response = api.withHeader("X-Request-Id", "trace-123.abc").get("/health");

    assertThat(response.header("X-Request-Id")).contains("trace-123.abc");
  }

  @Test
  void replacesAMissingOrUnsafeRequestId() {
    ApiResponse none = api.get("/health");
    ApiResponse unsafe = api.withHeader("X-Request-Id", "bad id <script>").get("/health");

    assertThat(none.header("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    assertThat(unsafe.header("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
  }

  @Test
  void timesEachRouteTemplateAndStatusOnOneTimer() {
    Timer before = registry.find("http.server.requests").tag("route", "/ping").timer();
    long counted = before == null ? 0 : before.count();

    api.get("/ping");
    api.get("/ping");
    raw.get("/no-such-route");

    Timer ping =
        registry.get("http.server.requests").tags("method", "GET", "route", "/ping").timer();
    assertThat(ping.count()).isEqualTo(counted + 2);
    assertThat(ping.getId().getTag("status")).isEqualTo("200");
    assertThat(registry.get("http.server.requests").tags("route", "unmatched").timer().count())
        .isPositive();
    assertThat(registry.find("http.server.requests").tag("route", "/no-such-route").timers())
        .as("raw paths never become routes")
        .isEmpty();
  }

  @Test
  void answersPingWithoutTheDatabase() {
    databaseUp.set(false);
    try {
      assertThat(api.get("/ping").body()).isEqualTo("pong");
    } finally {
      databaseUp.set(true);
    }
  }

  @Test
  void reportsHealthWithDatabaseLatency() {
    ApiResponse response = api.get("/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("database").path("status").asText()).isEqualTo("up");
    assertThat(response.json().path("database").path("latency_ms").asDouble()).isEqualTo(3.0);
  }

  @Test
  void reportsTheDatabaseDown() {
    databaseUp.set(false);
    try {
      ApiResponse response = api.get("/health");
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.json().path("status").asText()).isEqualTo("down");
      assertThat(response.json().path("database").path("status").asText()).isEqualTo("down");
    } finally {
      databaseUp.set(true);
    }
  }

  @Test
  void isNotReadyUntilStarted() {
    started.set(false);
    assertThat(api.get("/ready").status()).isEqualTo(503);
    started.set(true);
    assertThat(api.get("/ready").status()).isEqualTo(200);
  }

  @Test
  void servesTheContractAndSwaggerUi() {
    ApiResponse spec = api.get("/openapi.yaml");
    assertThat(spec.body()).startsWith("openapi: 3.0.3");

    ApiResponse docs = api.get("/docs");
    assertThat(docs.body())
        .contains(
            "href=\"/docs/swagger-ui.css\"", "src=\"/docs/swagger-ui-bundle.js\"", "/openapi.yaml");
    ApiResponse bundle = api.get("/docs/swagger-ui-bundle.js");
    assertThat(bundle.header("Content-Type")).contains("text/javascript; charset=utf-8");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    ApiResponse styles = api.get("/docs/swagger-ui.css");
    assertThat(styles.header("Content-Type")).contains("text/css; charset=utf-8");
    assertThat(styles.body()).contains(".swagger-ui");
    assertThat(styles.header("Cache-Control")).contains("public, max-age=86400");
  }

  @Test
  void servesNoOtherFileOfTheSwaggerUi() {
    assertProblem(raw.get("/docs/swagger-ui-es-bundle.js"), 404, "not_found");
    assertProblem(raw.get("/docs/..%2F..%2Fopenapi.yaml"), 404, "not_found");
    assertProblem(raw.get("/webjars/swagger-ui/5.34.1/swagger-ui.css"), 404, "not_found");
  }

  @Test
  void reflectsOnlyConfiguredOrigins() {
    ApiResponse allowed = api.withHeader("Origin", "https://shop.example").get("/health");
    ApiResponse other = api.withHeader("Origin", "https://evil.example").get("/health");

    assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://shop.example");
    assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void answersPreflightForConfiguredOrigins() {
    ApiResponse preflight =
        raw.withHeader("Origin", "https://shop.example")
            .withHeader("Access-Control-Request-Method", "POST")
            .send("OPTIONS", "/api/v1/_probe/echo", (String) null, null);

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
  }

  @Test
  void sendsNoServerBannerAndForbidsSniffing() {
    ApiResponse response = api.get("/health");

    assertThat(response.header("Server")).isEmpty();
    assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void finishesInFlightRequestsOnStopAndRefusesNewOnes() throws Exception {
    RestServer draining = startServer(RestSettings.defaults(0).withHost("127.0.0.1"));
    ApiClient client = ApiClient.at(draining.port()).unchecked();
    CompletableFuture<ApiResponse> slow =
        CompletableFuture.supplyAsync(() -> client.get("/api/v1/_probe/slow"));
    Thread.sleep(300);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(draining::stop);
    Thread.sleep(200);

    assertThatThrownBy(() -> client.get("/health")).isInstanceOf(UncheckedIOException.class);
    assertThat(slow.get().status()).isEqualTo(200);
    stopping.get();
  }
}
