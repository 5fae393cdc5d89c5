package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.adapters.rest.testing.ContractOperations;
import dev.duka.adapters.rest.testing.ContractOperations.Operation;
import dev.duka.adapters.rest.testing.RawHttp;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's surface beyond the routes' own logic: methods the contract does not list, answers
 * Jetty gives by itself, headers on every kind of answer, and CORS for origins that are not
 * configured.
 */
class HttpSurfaceIT {
  private static final List<String> CONFIGURED =
      List.of("https://shop.example", "https://admin.shop.example");
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "HEAD");

  static TestShop shop;
  static ApiClient raw;
  static ApiClient admin;

  @BeforeAll
  static void start() throws Exception {
    // the list as an operator would write it, with a space after the comma
    shop = TestShop.start(Map.of("CORS_ORIGINS", String.join(", ", CONFIGURED)));
    raw = shop.api.unchecked();
    admin = raw.withToken(shop.signIn(Role.ADMIN));
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void theServerAnswersExactlyTheOperationsOfTheContract() {
    // a route without its entry in docs/openapi.yaml, or an entry no route serves, fails here
    assertThat(shop.app.routes())
        .as("the server's routes against the operations of docs/openapi.yaml")
        .containsExactlyInAnyOrderElementsOf(
            ContractOperations.all().stream().map(Operation::key).toList());
  }

  /** The contract's path templates, with a fresh id in each parameter. */
  private static Set<String> templates() {
    return ContractOperations.all().stream()
        .map(Operation::path)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String concrete(String template) {
    return template.replaceAll("\\{[a-z_]+}", UUID.randomUUID().toString());
  }

  /**
   * The methods the server has a route for at {@code path}: those of every template matching it (so
   * {@code /products/search} also has PATCH and DELETE, of {@code /products/{id}}).
   */
  private static Set<String> served(String path) {
    return ContractOperations.all().stream()
        .filter(op -> path.matches(op.path().replaceAll("\\{[a-z_]+}", "[^/]+")))
        .map(Operation::method)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aMethodThePathDoesNotListIs405NamingTheListedOnesForAnyCaller() {
    List<String> wrong = new ArrayList<>();
    int refused = 0;
    for (String template : templates()) {
      Set<String> listed = ContractOperations.methodsOf(template);
      String path = concrete(template);
      Set<String> served = served(path);
      for (String method : METHODS) {
        if (listed.contains(method)) {
          continue;
        }
        for (ApiClient caller : List.of(raw, admin)) {
          ApiResponse response = caller.send(method, path, null, null);
          int status = response.status();
          String exchange = method + " " + path + " → " + response;
          if (served.contains(method)) {
            // DELETE /products/search is DELETE /products/{id} with an id that is not one
            if (status < 400 || status >= 500) {
              wrong.add(exchange);
            }
            continue;
          }
          refused++;
          Set<String> allowed =
              Arrays.stream(response.header("Allow").orElse("").split(","))
                  .map(String::strip)
                  .filter(name -> !name.isEmpty())
                  .collect(Collectors.toCollection(TreeSet::new));
          if (status != 405 || !allowed.equals(served)) {
            wrong.add(exchange + " Allow " + allowed + ", expected 405 and " + served);
          }
          boolean problem = response.contentType().startsWith("application/problem+json");
          if (!method.equals("HEAD") && !problem) {
            wrong.add(exchange + " is not problem+json");
          }
        }
      }
    }
    assertThat(refused).isGreaterThan(300);
    assertThat(wrong).isEmpty();
  }

  @Test
  void headOnASignedInRouteNeitherSucceedsNorSkipsAuthentication() {
    ApiResponse head = raw.send("HEAD", "/api/v1/auth/me", null, null);
    ApiResponse adminHead = admin.send("HEAD", "/api/v1/admin/users", null, null);

    assertThat(head.status()).isEqualTo(405);
    assertThat(adminHead.status()).isEqualTo(405);
    assertThat(head.header("Allow").orElseThrow()).contains("GET");
  }

  @Test
  void whatJettyRefusesByItselfIsProblemJsonWithNosniff() {
    int port = shop.app.port();
    List<RawHttp.Answer> refused =
        List.of(
            RawHttp.exchange(port, "GET", "/api/v1/products/%zz"),
            RawHttp.exchange(port, "GET", "/api/v1/products?q=" + "a".repeat(20_000)),
            RawHttp.exchange(port, "GET", "/health", "X-Padding: " + "a".repeat(20_000)),
            RawHttp.exchange(port, "CONNECT", "/api/v1/orders"));

    for (RawHttp.Answer answer : refused) {
      assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
      assertThat(answer.header("Content-Type").orElseThrow())
          .as(answer.toString())
          .startsWith("application/problem+json");
      assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(answer.header("Server")).isEmpty();
    }
  }

  @Test
  void everyKindOfAnswerForbidsSniffingAndNamesNoServer() {
    ProductId product = shop.product("1000.00", 5);
    String path = "/api/v1/products/" + product;
    String etag = raw.get(path).header("ETag").orElseThrow();
    List<ApiResponse> answers =
        List.of(
            raw.get("/health"),
            raw.get("/docs"),
            raw.get("/metrics"),
            raw.get("/docs/swagger-ui.css"),
            raw.withHeader("If-None-Match", etag).get(path),
            raw.get("/api/v1/orders"),
            raw.get("/api/v1/no-such-route"),
            raw.put("/api/v1/orders", "{}"),
            raw.post("/api/v1/orders/cart/summary", "{\"items\":"),
            raw.send("POST", "/api/v1/orders/cart/summary", "items=1", "text/plain"),
            raw.expectingContinue()
                .post("/api/v1/orders/cart/summary", "{\"x\":\"" + "a".repeat(2_000_000) + "\"}"),
            admin.get("/api/v1/orders/not-an-id"));

    assertThat(answers)
        .extracting(ApiResponse::status)
        .containsExactly(200, 200, 200, 200, 304, 401, 404, 405, 400, 415, 413, 404);
    for (ApiResponse answer : answers) {
      assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).contains("nosniff");
      assertThat(answer.header("Server")).as(answer.toString()).isEmpty();
    }
  }

  @Test
  void corsReflectsOnlyTheConfiguredOriginsExactly() {
    List<String> alien =
        List.of(
            "https://evil.example",
            "null",
            "https://shop.example.evil.example",
            "https://evilshop.example",
            "http://shop.example",
            "https://shop.example:8443",
            "https://shop.example/",
            "HTTPS://SHOP.EXAMPLE",
            "https://shop.example, https://evil.example");
    for (String origin : alien) {
      ApiResponse simple = raw.withHeader("Origin", origin).get("/api/v1/products");
      ApiResponse preflight = preflight(origin);
      assertThat(simple.header("Access-Control-Allow-Origin")).as(origin).isEmpty();
      assertThat(preflight.header("Access-Control-Allow-Origin")).as(origin).isEmpty();
      assertThat(preflight.header("Access-Control-Allow-Methods")).as(origin).isEmpty();
      assertThat(preflight.status()).as("preflight from %s", origin).isEqualTo(405);
      assertThat(simple.header("Access-Control-Allow-Credentials")).isEmpty();
    }
    for (String origin : CONFIGURED) {
      ApiResponse simple = raw.withHeader("Origin", origin).get("/api/v1/products");
      ApiResponse preflight = preflight(origin);
      assertThat(simple.header("Access-Control-Allow-Origin")).contains(origin);
      assertThat(simple.header("Vary").orElse("")).contains("Origin");
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).contains(origin);
      assertThat(preflight.header("Access-Control-Allow-Credentials")).isEmpty();
    }
  }

  private static ApiResponse preflight(String origin) {
    return raw.withHeader("Origin", origin)
        .withHeader("Access-Control-Request-Method", "POST")
        .withHeader("Access-Control-Request-Headers", "authorization, content-type")
        .send("OPTIONS", "/api/v1/orders", null, null);
  }
}
