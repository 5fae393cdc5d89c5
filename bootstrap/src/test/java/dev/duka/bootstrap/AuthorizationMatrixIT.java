package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.adapters.rest.testing.ContractOperations;
import dev.duka.adapters.rest.testing.ContractOperations.Operation;
import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.port.out.TokenRepository.EmailToken.Purpose;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, for every operation of docs/openapi.yaml: called anonymously, by the customer
 * who owns the object, by another customer (a stranger to it), and by an administrator. Each call
 * gets fresh accounts and objects, so one role's success never changes what the next sees. The
 * exchanges are recorded once and then checked three ways: statuses, leaks, and headers.
 *
 * <p>A new operation in the contract fails {@link #theMatrixNamesEveryOperationOfTheContract} until
 * it has a row below: one line, keyed by {@code "METHOD /path/{template}"}.
 */
class AuthorizationMatrixIT {
  private static final String ALIEN_ORIGIN = "https://evil.example";

  static FakeStripe stripe;
  static TestShop shop;
  static ApiClient api;

  /** The callers of the matrix's columns. */
  enum Who {
    ANONYMOUS,
    OWNER,
    STRANGER,
    ADMIN
  }

  /** The status each caller must get. */
  record Expect(int anonymous, int owner, int stranger, int admin) {
    int of(Who who) {
      return switch (who) {
        case ANONYMOUS -> anonymous;
        case OWNER -> owner;
        case STRANGER -> stranger;
        case ADMIN -> admin;
      };
    }

    List<Integer> all() {
      return List.of(anonymous, owner, stranger, admin);
    }
  }

  static Expect everyone(int status) {
    return new Expect(status, status, status, status);
  }

  static Expect signedIn(int status) {
    return new Expect(401, status, status, status);
  }

  /** The owner's and the administrator's answers; strangers are told the object does not exist. */
  static Expect ownerOrAdmin(int owner, int admin) {
    return new Expect(401, owner, 404, admin);
  }

  static Expect adminOnly(int status) {
    return new Expect(401, 403, 403, status);
  }

  /**
   * A concrete request: the path with its ids, a body (JSON unless {@code contentType} says
   * otherwise) or null, extra headers.
   */
  record Call(String path, byte[] body, String contentType, Map<String, String> headers) {
    static Call to(String path) {
      return new Call(path, null, null, Map.of());
    }

    static Call to(String path, String json) {
      return new Call(path, json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    static Call to(String path, String json, Map<String, String> headers) {
      return new Call(path, json.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    static Call multipart(String path, MultipartBody body) {
      return new Call(path, body.bytes(), body.contentType(), Map.of());
    }

    /** True when the caller sent {@code text} itself, so an answer may echo it. */
    boolean sent(String text) {
      return body != null && new String(body, StandardCharsets.UTF_8).contains(text);
    }
  }

  record Row(Expect expect, Function<Scene, Call> call) {}

  /** The matrix: one row per operation of the contract. */
  static final Map<String, Row> MATRIX = new LinkedHashMap<>();

  static void row(String operation, Expect expect, Function<Scene, Call> call) {
    MATRIX.put(operation, new Row(expect, call));
  }

  static {
    // operations
    row("GET /health", everyone(200), s -> Call.to("/health"));
    row("GET /ready", everyone(200), s -> Call.to("/ready"));
    row("GET /metrics", everyone(200), s -> Call.to("/metrics"));
    row("GET /openapi.yaml", everyone(200), s -> Call.to("/openapi.yaml"));
    row("GET /docs", everyone(200), s -> Call.to("/docs"));
    row("GET /docs/{asset}", everyone(200), s -> Call.to("/docs/swagger-ui.css"));
    row("GET /ping", everyone(200), s -> Call.to("/ping"));
    // accounts
    row("POST /api/v1/auth/register", everyone(201), s -> Call.to(s.path, s.registration(null)));
    row(
        "POST /api/v1/auth/register-admin",
        everyone(201),
        s -> Call.to(s.path, s.registration(TestShop.ADMIN_SECRET)));
    row(
        "POST /api/v1/auth/verify-email",
        everyone(200),
        s -> Call.to(s.path, token("token", shop.emailToken(s.owner, Purpose.VERIFY_EMAIL))));
    row(
        "POST /api/v1/auth/resend-verification",
        everyone(202),
        s -> Call.to(s.path, "{\"email\":\"" + s.ownerEmail() + "\"}"));
    row(
        "POST /api/v1/auth/login",
        everyone(200),
        s ->
            Call.to(
                s.path,
                "{\"email\":\""
                    + s.ownerEmail()
                    + "\",\"password\":\""
                    + TestShop.PASSWORD
                    + "\"}"));
    row(
        "POST /api/v1/auth/refresh",
        everyone(200),
        s -> Call.to(s.path, token("refresh_token", shop.refreshToken(s.owner))));
    row(
        "POST /api/v1/auth/logout",
        everyone(204),
        s -> Call.to(s.path, token("refresh_token", shop.refreshToken(s.owner))));
    row(
        "POST /api/v1/auth/forgot-password",
        everyone(202),
        s -> Call.to(s.path, "{\"email\":\"" + s.ownerEmail() + "\"}"));
    row(
        "POST /api/v1/auth/reset-password",
        everyone(200),
        s ->
            Call.to(
                s.path,
                "{\"token\":\""
                    + shop.emailToken(s.owner, Purpose.RESET_PASSWORD)
                    + "\",\"new_password\":\"a whole new secret\"}"));
    row("GET /api/v1/auth/me", signedIn(200), s -> Call.to(s.path));
    row(
        "PATCH /api/v1/auth/me",
        signedIn(200),
        s -> Call.to(s.path, "{\"full_name\":\"Renamed\"}"));
    row(
        "POST /api/v1/auth/change-password",
        signedIn(204),
        s ->
            Call.to(
                s.path,
                "{\"current_password\":\""
                    + TestShop.PASSWORD
                    + "\",\"new_password\":\"a whole new secret\"}"));
    row("GET /api/v1/admin/users", adminOnly(200), s -> Call.to(s.path));
    row(
        "PATCH /api/v1/admin/users/{id}",
        adminOnly(200),
        s -> Call.to(s.path(s.owner.toString()), "{\"active\":true}"));
    // catalog
    row("GET /api/v1/categories", everyone(200), s -> Call.to(s.path));
    row(
        "POST /api/v1/categories",
        adminOnly(201),
        s -> Call.to(s.path, "{\"name\":\"Matrix " + s.unique + "\"}"));
    row(
        "GET /api/v1/categories/{id}",
        everyone(200),
        s -> Call.to(s.path(shop.category().toString())));
    row(
        "PATCH /api/v1/categories/{id}",
        adminOnly(200),
        s -> Call.to(s.path(shop.category().toString()), "{\"description\":\"matrix\"}"));
    row(
        "DELETE /api/v1/categories/{id}",
        adminOnly(204),
        s -> Call.to(s.path(shop.category().toString())));
    row("GET /api/v1/products", everyone(200), s -> Call.to(s.path));
    row(
        "POST /api/v1/products",
        adminOnly(201),
        s ->
            Call.to(
                s.path,
                "{\"name\":\"Matrix "
                    + s.unique
                    + "\",\"price\":\"1000.00\",\"stock\":1,\"category_id\":\""
                    + shop.category()
                    + "\"}"));
    row("GET /api/v1/products/search", everyone(200), s -> Call.to(s.path + "?q=kanga"));
    row("GET /api/v1/products/{id}", everyone(200), s -> Call.to(s.path(s.product().toString())));
    row(
        "PATCH /api/v1/products/{id}",
        adminOnly(200),
        s -> Call.to(s.path(s.product().toString()), "{\"name\":\"Renamed\"}"));
    row(
        "DELETE /api/v1/products/{id}",
        adminOnly(204),
        s -> Call.to(s.path(s.product().toString())));
    row(
        "POST /api/v1/products/{id}/stock",
        adminOnly(200),
        s -> Call.to(s.path(s.product().toString()), "{\"delta\":1,\"reason\":\"matrix\"}"));
    row("GET /api/v1/brands", everyone(200), s -> Call.to(s.path));
    // images: multipart uploads, files served to anyone
    row(
        "POST /api/v1/products/{id}/images",
        adminOnly(201),
        s -> Call.multipart(s.path(s.product().toString()), picture()));
    row(
        "DELETE /api/v1/products/{id}/images/{image_id}",
        adminOnly(204),
        s -> Call.to(s.path(s.product().toString()).replace("{image_id}", s.image("id"))));
    row(
        "POST /api/v1/products/with-images",
        adminOnly(201),
        s ->
            Call.multipart(
                s.path,
                picture()
                    .json(
                        "product",
                        "{\"name\":\"Matrix "
                            + s.unique
                            + "\",\"price\":\"1000.00\",\"stock\":1,\"category_id\":\""
                            + shop.category()
                            + "\"}")));
    row("GET /uploads/{key}", everyone(200), s -> Call.to(s.image("url")));
    // orders
    row(
        "POST /api/v1/orders/cart/summary",
        everyone(200),
        s -> Call.to(s.path, "{\"items\":" + OrdersIT.cart(s.product(), 1) + "}"));
    row("POST /api/v1/orders", signedIn(201), s -> Call.to(s.path, s.orderBody()));
    row("GET /api/v1/orders", signedIn(200), s -> Call.to(s.path));
    row("GET /api/v1/orders/{id}", ownerOrAdmin(200, 200), s -> Call.to(s.path(s.order())));
    row(
        "PATCH /api/v1/orders/{id}",
        ownerOrAdmin(200, 403),
        s -> Call.to(s.path(s.order()), "{\"notes\":\"matrix\"}"));
    row(
        "POST /api/v1/orders/{id}/cancel",
        ownerOrAdmin(200, 200),
        s -> Call.to(s.path(s.order()), "{}"));
    row("GET /api/v1/orders/{id}/history", ownerOrAdmin(200, 200), s -> Call.to(s.path(s.order())));
    row("GET /api/v1/admin/orders", adminOnly(200), s -> Call.to(s.path));
    row("GET /api/v1/admin/orders/export", adminOnly(200), s -> Call.to(s.path));
    row(
        "GET /api/v1/admin/reports/sales",
        adminOnly(200),
        s -> Call.to(s.path + "?from=2026-01-01&to=2026-01-31"));
    row(
        "POST /api/v1/admin/orders/{id}/mark-paid",
        adminOnly(200),
        s -> Call.to(s.path(s.order())));
    // payments: an administrator pays nobody's order, but may look at any
    row(
        "POST /api/v1/stripe/create-checkout-session",
        ownerOrAdmin(201, 404),
        s -> Call.to(s.path, "{\"order_id\":\"" + s.order() + "\"}"));
    row(
        "POST /api/v1/orders/{id}/payment",
        ownerOrAdmin(201, 404),
        s -> Call.to(s.path(s.order())));
    row(
        "GET /api/v1/stripe/verify/{session_id}",
        ownerOrAdmin(200, 200),
        s -> Call.to(s.path(s.session())));
    row(
        "GET /api/v1/stripe/status/{session_id}",
        ownerOrAdmin(200, 200),
        s -> Call.to(s.path(s.session())));
    row(
        "POST /api/v1/stripe/webhooks",
        everyone(200),
        s -> {
          FakeStripe.Delivery event =
              stripe.event("customer.created", "{\"id\":\"cus_matrix\",\"object\":\"customer\"}");
          return Call.to(s.path, event.body(), Map.of("Stripe-Signature", event.signatureHeader()));
        });
    row(
        "GET /api/v1/payments",
        ownerOrAdmin(200, 200),
        s -> {
          s.session();
          return Call.to(s.path + "?order_id=" + s.order());
        });
    row("GET /api/v1/payments/{id}", ownerOrAdmin(200, 200), s -> Call.to(s.path(s.payment())));
    row(
        "POST /api/v1/admin/orders/{id}/refund",
        adminOnly(201),
        s -> Call.to(s.path(s.paidOrder()), "{\"reason\":\"matrix\"}"));
  }

  /** A multipart body with one small picture in the part {@code files}. */
  static MultipartBody picture() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MultipartBody().file("files", "matrix.png", "image/png", png.toByteArray());
  }

  static String token(String field, String value) {
    return "{\"" + field + "\":\"" + value + "\"}";
  }

  /** One exchange of the matrix, kept for the checks. */
  record Exchange(String operation, Who who, Call call, ApiResponse response, Scene scene) {
    @Override
    public String toString() {
      return who + " " + operation + " → " + response;
    }
  }

  private static List<Exchange> exchanges;

  @BeforeAll
  static void start() throws Exception {
    stripe = FakeStripe.start();
    Map<String, String> settings = new HashMap<>(TestShop.paymentsThrough(stripe));
    settings.put("CORS_ORIGINS", "https://shop.example");
    shop = TestShop.start(settings);
    api = shop.api;
  }

  @AfterAll
  static void stop() {
    shop.close();
    stripe.close();
  }

  /**
   * Everything the objects of one call need: the owning customer, and on demand a product, an order
   * of the owner's, its checkout session and payment, or a paid order. {@code path} is the
   * operation's path template.
   */
  static final class Scene {
    final String path;
    final String unique = UUID.randomUUID().toString().substring(0, 8);
    final UserId owner = shop.account(Role.USER);
    final String ownerToken = shop.signIn(owner);

    /** In the owner's orders only: a stranger who sees it has seen the owner's data. */
    final String ownerMarker = "Owner Mwinyi " + unique;

    private ProductId product;
    private String order;
    private String session;
    private String paidOrder;
    private JsonNode image;

    Scene(String path) {
      this.path = path;
    }

    String ownerEmail() {
      return TestShop.emailOf(owner);
    }

    /** The path template with its one parameter filled. */
    String path(String id) {
      return path.replaceFirst("\\{[a-z_]+}", id);
    }

    String registration(String adminSecret) {
      return "{\"email\":\"new-"
          + unique
          + "-"
          + UUID.randomUUID()
          + "@example.com\",\"password\":\""
          + TestShop.PASSWORD
          + "\",\"full_name\":\"Neema\""
          + (adminSecret == null ? "" : ",\"admin_secret\":\"" + adminSecret + "\"")
          + "}";
    }

    ProductId product() {
      if (product == null) {
        product = shop.product("1000.00", 50);
      }
      return product;
    }

    /** A field of an image of {@link #product()}, uploaded by an administrator. */
    String image(String field) {
      if (image == null) {
        MultipartBody body = picture();
        ApiResponse uploaded =
            api.withToken(shop.signIn(Role.ADMIN))
                .sendBytes(
                    "POST",
                    "/api/v1/products/" + product() + "/images",
                    body.bytes(),
                    body.contentType());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        image = uploaded.json().path("images").get(0);
      }
      return field.equals("url")
          ? image.path("original").path("url").asText()
          : image.path(field).asText();
    }

    String orderBody() {
      return "{\"items\":"
          + OrdersIT.cart(product(), 1)
          + ",\"shipping_address\":{\"full_name\":\""
          + ownerMarker
          + "\",\"line1\":\"Plot 12\",\"city\":\"Dar es Salaam\",\"country\":\"TZ\","
          + "\"phone\":\"+255712345678\"},\"notes\":\""
          + ownerMarker
          + "\"}";
    }

    String order() {
      if (order == null) {
        order = id(api.withToken(ownerToken).post("/api/v1/orders", orderBody()), 201, "id");
      }
      return order;
    }

    String session() {
      if (session == null) {
        session =
            id(
                api.withToken(ownerToken).post("/api/v1/orders/" + order() + "/payment", ""),
                201,
                "session_id");
      }
      return session;
    }

    String payment() {
      session();
      JsonNode payments =
          api.withToken(ownerToken).get("/api/v1/payments?order_id=" + order()).json();
      return payments.path("items").get(0).path("id").asText();
    }

    String paidOrder() {
      if (paidOrder == null) {
        String id = order();
        ApiResponse paid =
            api.withToken(shop.signIn(Role.ADMIN))
                .post("/api/v1/admin/orders/" + id + "/mark-paid", "");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        paidOrder = id;
      }
      return paidOrder;
    }

    String tokenOf(Who who) {
      return switch (who) {
        case ANONYMOUS -> null;
        case OWNER -> ownerToken;
        case STRANGER -> shop.signIn(Role.USER);
        case ADMIN -> shop.signIn(Role.ADMIN);
      };
    }

    private static String id(ApiResponse response, int status, String field) {
      assertThat(response.status()).as(response.toString()).isEqualTo(status);
      return response.json().path(field).asText();
    }
  }

  /**
   * Runs the whole matrix once, four calls at a time (each has its own scene, so their order does
   * not matter); every check below reads these exchanges.
   */
  static synchronized List<Exchange> exchanges() throws Exception {
    if (exchanges == null) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Exchange>> running = new ArrayList<>();
        for (Operation operation : ContractOperations.all()) {
          Row row = MATRIX.get(operation.key());
          if (row == null) {
            continue; // reported by theMatrixNamesEveryOperationOfTheContract
          }
          for (Who who : Who.values()) {
            running.add(pool.submit(() -> call(operation, row, who)));
          }
        }
        List<Exchange> done = new ArrayList<>();
        for (Future<Exchange> exchange : running) {
          done.add(exchange.get(120, TimeUnit.SECONDS));
        }
        exchanges = List.copyOf(done);
      } finally {
        pool.shutdownNow();
      }
    }
    return exchanges;
  }

  private static Exchange call(Operation operation, Row row, Who who) {
    Scene scene = new Scene(operation.path());
    Call call = row.call().apply(scene);
    // responses are checked against the contract; requests without a token are wrong on purpose
    ApiClient client = api.responsesOnly().withHeader("Origin", ALIEN_ORIGIN);
    String token = scene.tokenOf(who);
    if (token != null) {
      client = client.withToken(token);
    }
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      client = client.withHeader(header.getKey(), header.getValue());
    }
    ApiResponse response =
        client.sendBytes(operation.method(), call.path(), call.body(), call.contentType());
    return new Exchange(operation.key(), who, call, response, scene);
  }

  @Test
  void theMatrixNamesEveryOperationOfTheContract() {
    Set<String> inContract =
        ContractOperations.all().stream()
            .map(Operation::key)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(new TreeSet<>(MATRIX.keySet()))
        .as("rows of the matrix against the operations of docs/openapi.yaml")
        .containsExactlyElementsOf(inContract);
  }

  @Test
  void theMatrixAgreesWithTheContractOnWhoMayCallAndWhatMayBeAnswered() {
    for (Operation operation : ContractOperations.all()) {
      Row row = MATRIX.get(operation.key());
      if (row == null) {
        continue;
      }
      if (operation.anonymous()) {
        assertThat(row.expect().anonymous()).as(operation.key()).isNotEqualTo(401);
      } else {
        assertThat(row.expect().anonymous())
            .as("%s needs a token in the contract", operation.key())
            .isEqualTo(401);
      }
      for (int status : row.expect().all()) {
        assertThat(operation.statuses())
            .as("%s documents %d", operation.key(), status)
            .contains(Integer.toString(status));
      }
    }
  }

  @Test
  void everyCallerGetsTheStatusOfTheMatrix() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Exchange exchange : exchanges()) {
      int expected = MATRIX.get(exchange.operation()).expect().of(exchange.who());
      if (exchange.response().status() != expected) {
        wrong.add(exchange + " (expected " + expected + ")");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void noAnswerCarriesAHashOrAnotherCustomersData() throws Exception {
    List<Exchange> all = exchanges();
    List<String> secrets =
        shop.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT password_hash FROM users UNION ALL SELECT token_hash FROM"
                                + " refresh_tokens UNION ALL SELECT token_hash FROM email_tokens")
                        .mapTo(String.class)
                        .list());
    assertThat(secrets).isNotEmpty();
    List<String> leaks = new ArrayList<>();
    for (Exchange exchange : all) {
      String answer = exchange.response().headers().map() + "\n" + exchange.response().body();
      for (String word : List.of("$argon2", "password_hash", "token_hash")) {
        if (answer.contains(word)) {
          leaks.add(exchange + " contains " + word);
        }
      }
      for (String secret : secrets) {
        if (answer.contains(secret)) {
          leaks.add(exchange + " contains a stored hash");
        }
      }
      boolean mayKnowTheOwner = exchange.who() == Who.OWNER || exchange.who() == Who.ADMIN;
      if (!mayKnowTheOwner && !exchange.operation().startsWith("POST /api/v1/auth/")) {
        Scene scene = exchange.scene();
        for (String personal :
            List.of(scene.ownerEmail(), scene.owner.toString(), scene.ownerMarker)) {
          if (answer.contains(personal) && !exchange.call().sent(personal)) {
            leaks.add(exchange + " shows the owner's " + personal);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void everyAnswerForbidsSniffingHidesTheServerAndReflectsNoAlienOrigin() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Exchange exchange : exchanges()) {
      ApiResponse response = exchange.response();
      if (!response.header("X-Content-Type-Options").orElse("").equals("nosniff")) {
        wrong.add(exchange + " without nosniff");
      }
      if (response.header("Server").isPresent()) {
        wrong.add(exchange + " with Server: " + response.header("Server").get());
      }
      if (response.header("Access-Control-Allow-Origin").isPresent()) {
        wrong.add(exchange + " allows the origin " + ALIEN_ORIGIN);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void answersToSignedInCallersAndAnswersWithTokensAreNeverStored() throws Exception {
    Set<String> givingTokens = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh");
    List<String> stored = new ArrayList<>();
    int checked = 0;
    for (Exchange exchange : exchanges()) {
      boolean signedIn = exchange.who() != Who.ANONYMOUS;
      boolean apiRoute = exchange.call().path().startsWith("/api/");
      if (apiRoute && (signedIn || givingTokens.contains(exchange.operation()))) {
        checked++;
        String cacheControl = exchange.response().header("Cache-Control").orElse("");
        if (!cacheControl.contains("no-store")) {
          stored.add(exchange + " with Cache-Control: " + cacheControl);
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(stored).isEmpty();
  }
}
