package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.adapters.rest.testing.ContractOperations;
import dev.duka.adapters.rest.testing.ContractOperations.Operation;
import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.bootstrap.BodyAttacks.Attack;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.port.out.TokenRepository.EmailToken.Purpose;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every JSON body of the contract and on the catalog's query parameters. The bad
 * bodies are generated from each operation's schema ({@link BodyAttacks}) around one valid body per
 * operation, below: each must get its 4xx as problem+json and leave the database exactly as it was;
 * the valid body, sent last, must then succeed, so every refusal was the attack's doing.
 */
class InputAttacksIT {
  static FakeStripe stripe;
  static TestShop shop;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    stripe = FakeStripe.start();
    shop = TestShop.start(TestShop.paymentsThrough(stripe));
    api = shop.api;
  }

  @AfterAll
  static void stop() {
    shop.close();
    stripe.close();
  }

  /**
   * A valid request to attack: its concrete path, the caller's token (null: anonymous), the valid
   * body, the status that body gets, and whether it is a webhook: then only the valid body is
   * signed, since an attacker cannot sign, and every attack must fail the signature check (or the
   * size limit, which comes first).
   */
  record Target(String path, String token, String body, int status, boolean signed) {
    static Target of(String path, String token, String body, int status) {
      return new Target(path, token, body, status, false);
    }
  }

  /** One valid request per operation with a JSON body; multipart bodies are not attacked here. */
  static final Map<String, Supplier<Target>> TARGETS = new LinkedHashMap<>();

  static void target(String operation, Supplier<Target> target) {
    TARGETS.put(operation, target);
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String address() {
    return "{\"full_name\":\"Asha Mwinyi\",\"line1\":\"Plot 12\",\"line2\":\"Block B\","
        + "\"city\":\"Dar es Salaam\",\"region\":\"Dar\",\"postal_code\":\"11101\","
        + "\"country\":\"TZ\",\"phone\":\"+255712345678\"}";
  }

  /** A pending order of a new customer: its id and the customer's token. */
  record Owned(String order, String token) {}

  static Owned order() {
    UserId customer = shop.account(Role.USER);
    String token = shop.signIn(customer);
    ProductId product = shop.product("1000.00", 100);
    ApiResponse placed =
        api.withToken(token).post("/api/v1/orders", OrdersIT.order(null, product, 1));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return new Owned(placed.json().path("id").asText(), token);
  }

  static {
    String password = "\"" + TestShop.PASSWORD + "\"";
    target(
        "POST /api/v1/auth/register",
        () ->
            Target.of(
                "/api/v1/auth/register",
                null,
                "{\"email\":\"in-"
                    + unique()
                    + "@example.com\",\"password\":"
                    + password
                    + ",\"full_name\":\"Neema\"}",
                201));
    target(
        "POST /api/v1/auth/register-admin",
        () ->
            Target.of(
                "/api/v1/auth/register-admin",
                null,
                "{\"email\":\"in-"
                    + unique()
                    + "@example.com\",\"password\":"
                    + password
                    + ",\"full_name\":\"Neema\",\"admin_secret\":\""
                    + TestShop.ADMIN_SECRET
                    + "\"}",
                201));
    target(
        "POST /api/v1/auth/verify-email",
        () ->
            Target.of(
                "/api/v1/auth/verify-email",
                null,
                "{\"token\":\""
                    + shop.emailToken(shop.account(Role.USER), Purpose.VERIFY_EMAIL)
                    + "\"}",
                200));
    target(
        "POST /api/v1/auth/resend-verification",
        () ->
            Target.of(
                "/api/v1/auth/resend-verification",
                null,
                "{\"email\":\"nobody-" + unique() + "@example.com\"}",
                202));
    target(
        "POST /api/v1/auth/login",
        () ->
            Target.of(
                "/api/v1/auth/login",
                null,
                "{\"email\":\""
                    + TestShop.emailOf(shop.account(Role.USER))
                    + "\",\"password\":"
                    + password
                    + "}",
                200));
    target(
        "POST /api/v1/auth/refresh",
        () ->
            Target.of(
                "/api/v1/auth/refresh",
                null,
                "{\"refresh_token\":\"" + shop.refreshToken(shop.account(Role.USER)) + "\"}",
                200));
    target(
        "POST /api/v1/auth/logout",
        () ->
            Target.of(
                "/api/v1/auth/logout",
                null,
                "{\"refresh_token\":\"" + shop.refreshToken(shop.account(Role.USER)) + "\"}",
                204));
    target(
        "POST /api/v1/auth/forgot-password",
        () ->
            Target.of(
                "/api/v1/auth/forgot-password",
                null,
                "{\"email\":\"nobody-" + unique() + "@example.com\"}",
                202));
    target(
        "POST /api/v1/auth/reset-password",
        () ->
            Target.of(
                "/api/v1/auth/reset-password",
                null,
                "{\"token\":\""
                    + shop.emailToken(shop.account(Role.USER), Purpose.RESET_PASSWORD)
                    + "\",\"new_password\":\"a whole new secret\"}",
                200));
    target(
        "PATCH /api/v1/auth/me",
        () ->
            Target.of(
                "/api/v1/auth/me",
                shop.signIn(Role.USER),
                "{\"full_name\":\"Asha\",\"phone\":\"+255712345678\",\"default_shipping_address\":"
                    + address()
                    + "}",
                200));
    target(
        "POST /api/v1/auth/change-password",
        () ->
            Target.of(
                "/api/v1/auth/change-password",
                shop.signIn(Role.USER),
                "{\"current_password\":" + password + ",\"new_password\":\"a whole new secret\"}",
                204));
    target(
        "PATCH /api/v1/admin/users/{id}",
        () ->
            Target.of(
                "/api/v1/admin/users/" + shop.account(Role.USER),
                shop.signIn(Role.ADMIN),
                "{\"active\":true,\"role\":\"user\"}",
                200));
    target(
        "POST /api/v1/categories",
        () ->
            Target.of(
                "/api/v1/categories",
                shop.signIn(Role.ADMIN),
                "{\"name\":\"Attacked "
                    + unique()
                    + "\",\"slug\":\"attacked-"
                    + unique()
                    + "\",\"parent_id\":\""
                    + shop.category()
                    + "\",\"description\":\"x\",\"active\":true,\"sort_order\":1}",
                201));
    target(
        "PATCH /api/v1/categories/{id}",
        () ->
            Target.of(
                "/api/v1/categories/" + shop.category(),
                shop.signIn(Role.ADMIN),
                "{\"name\":\"Renamed\",\"slug\":\"renamed-"
                    + unique()
                    + "\",\"parent_id\":null,\"description\":\"x\",\"active\":true,"
                    + "\"sort_order\":2}",
                200));
    target(
        "POST /api/v1/products",
        () ->
            Target.of(
                "/api/v1/products",
                shop.signIn(Role.ADMIN),
                "{\"name\":\"Attacked\",\"description\":\"x\",\"price\":\"1000.00\","
                    + "\"currency\":\"TZS\",\"stock\":5,\"brand\":\"Pwani\",\"category_id\":\""
                    + shop.category()
                    + "\",\"sku\":\"ATT-"
                    + unique().toUpperCase(java.util.Locale.ROOT)
                    + "\",\"active\":true}",
                201));
    target(
        "PATCH /api/v1/products/{id}",
        () ->
            Target.of(
                "/api/v1/products/" + shop.product("1000.00", 5),
                shop.signIn(Role.ADMIN),
                "{\"name\":\"Renamed\",\"description\":\"x\",\"price\":\"1200.00\","
                    + "\"currency\":\"TZS\",\"brand\":\"Pwani\",\"category_id\":\""
                    + shop.category()
                    + "\",\"sku\":\"REN-"
                    + unique().toUpperCase(java.util.Locale.ROOT)
                    + "\",\"active\":true}",
                200));
    target(
        "POST /api/v1/products/{id}/stock",
        () ->
            Target.of(
                "/api/v1/products/" + shop.product("1000.00", 5) + "/stock",
                shop.signIn(Role.ADMIN),
                "{\"delta\":3,\"reason\":\"delivery\"}",
                200));
    target(
        "POST /api/v1/orders/cart/summary",
        () ->
            Target.of(
                "/api/v1/orders/cart/summary",
                null,
                "{\"items\":" + OrdersIT.cart(shop.product("1000.00", 5), 2) + "}",
                200));
    target(
        "POST /api/v1/orders",
        () ->
            Target.of(
                "/api/v1/orders",
                shop.signIn(Role.USER),
                "{\"items\":"
                    + OrdersIT.cart(shop.product("1000.00", 5), 2)
                    + ",\"shipping_address\":"
                    + address()
                    + ",\"notes\":\"ring twice\"}",
                201));
    target(
        "PATCH /api/v1/orders/{id}",
        () -> {
          Owned owned = order();
          return Target.of(
              "/api/v1/orders/" + owned.order(),
              owned.token(),
              "{\"shipping_address\":" + address() + ",\"notes\":\"at the gate\"}",
              200);
        });
    target(
        "POST /api/v1/orders/{id}/cancel",
        () -> {
          Owned owned = order();
          return Target.of(
              "/api/v1/orders/" + owned.order() + "/cancel",
              owned.token(),
              "{\"reason\":\"changed my mind\"}",
              200);
        });
    target(
        "POST /api/v1/stripe/create-checkout-session",
        () -> {
          Owned owned = order();
          return Target.of(
              "/api/v1/stripe/create-checkout-session",
              owned.token(),
              "{\"order_id\":\"" + owned.order() + "\"}",
              201);
        });
    target(
        "POST /api/v1/stripe/webhooks",
        () ->
            new Target(
                "/api/v1/stripe/webhooks",
                null,
                stripe
                    .event("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}")
                    .body(),
                200,
                true));
    target(
        "POST /api/v1/admin/orders/{id}/refund",
        () -> {
          String order = order().order();
          ApiClient admin = api.withToken(shop.signIn(Role.ADMIN));
          assertThat(admin.post("/api/v1/admin/orders/" + order + "/mark-paid", "").status())
              .isEqualTo(200);
          return Target.of(
              "/api/v1/admin/orders/" + order + "/refund",
              shop.signIn(Role.ADMIN),
              "{\"amount\":\"100.00\",\"reason\":\"damaged\"}",
              201);
        });
  }

  /** The operations whose bodies are JSON; multipart uploads have their own tests. */
  private static List<Operation> jsonOperations() {
    return ContractOperations.all().stream().filter(op -> op.jsonBody().isPresent()).toList();
  }

  @Test
  void everyJsonBodyOfTheContractHasAValidBodyToAttack() {
    assertThat(new TreeSet<>(TARGETS.keySet()))
        .containsExactlyElementsOf(
            jsonOperations().stream()
                .map(Operation::key)
                .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyAttackOnEveryJsonBodyIsRefusedAndChangesNothing() throws Exception {
    List<String> wrong = new ArrayList<>();
    int sent = 0;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Operation operation : jsonOperations()) {
        Supplier<Target> make = TARGETS.get(operation.key());
        if (make == null) {
          continue; // reported by everyJsonBodyOfTheContractHasAValidBodyToAttack
        }
        Target target = make.get();
        List<Attack> attacks =
            BodyAttacks.on(
                target.body(), operation.jsonBody().orElseThrow(), operation.bodyRequired());
        Map<String, String> before = shop.checksum();
        List<Future<String>> answers = new ArrayList<>();
        for (Attack attack : attacks) {
          answers.add(pool.submit(() -> judge(operation, target, attack)));
        }
        for (Future<String> answer : answers) {
          String problem = answer.get(120, TimeUnit.SECONDS);
          if (problem != null) {
            wrong.add(problem);
          }
        }
        sent += attacks.size();
        Map<String, String> after = shop.checksum();
        if (!after.equals(before)) {
          wrong.add(operation.key() + " changed the database: " + changes(before, after));
        }
        ApiResponse control =
            send(
                operation,
                target,
                target.body().getBytes(StandardCharsets.UTF_8),
                "application/json",
                target.signed());
        if (control.status() != target.status()) {
          wrong.add(operation.key() + ": the valid body got " + control);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).isEmpty();
    assertThat(sent).isGreaterThan(1000);
  }

  private static String judge(Operation operation, Target target, Attack attack) {
    int expected = target.signed() && attack.expected() != 413 ? 400 : attack.expected();
    ApiResponse response;
    try {
      response = send(operation, target, attack.body(), attack.contentType(), false);
    } catch (RuntimeException | AssertionError failed) {
      return operation.key() + " with " + attack.what() + ": " + failed;
    }
    boolean problem = response.contentType().startsWith("application/problem+json");
    if (response.status() != expected || !problem) {
      return operation.key()
          + " with "
          + attack.what()
          + ": expected "
          + expected
          + ", got "
          + response;
    }
    return null;
  }

  private static ApiResponse send(
      Operation operation, Target target, byte[] body, String type, boolean sign) {
    // only the responses are checked against the contract: the requests are wrong on purpose
    ApiClient client = api.responsesOnly();
    if (body.length > 1024 * 1024) {
      client = client.expectingContinue();
    }
    if (target.token() != null) {
      client = client.withToken(target.token());
    }
    if (sign) {
      client =
          client.withHeader(
              "Stripe-Signature",
              stripe.sign(new String(body, StandardCharsets.UTF_8)).signatureHeader());
    }
    return client.sendBytes(operation.method(), target.path(), body, type);
  }

  private static String changes(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream()
        .filter(table -> !before.get(table).equals(after.get(table)))
        .collect(Collectors.joining(", "));
  }

  @Test
  void aWebhookSignedButBrokenIsRefusedAndChangesNothing() {
    Map<String, String> before = shop.checksum();
    List<String> wrong = new ArrayList<>();
    for (String body :
        List.of(
            "",
            "null",
            "[]",
            "42",
            "{\"id\":",
            "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":7,\"data\":[]}",
            "[".repeat(10_000) + "]".repeat(10_000))) {
      ApiResponse response =
          api.responsesOnly()
              .withHeader("Stripe-Signature", stripe.sign(body).signatureHeader())
              .post("/api/v1/stripe/webhooks", body);
      if (response.status() != 400) {
        wrong.add(body.substring(0, Math.min(40, body.length())) + " → " + response);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(shop.checksum()).isEqualTo(before);
  }

  // ---- query parameters ---------------------------------------------------------------------

  private static final List<String> SQL =
      List.of(
          "'",
          "' OR '1'='1",
          "x'; DROP TABLE products; --",
          "\") OR 1=1 --",
          "%",
          "_",
          "\\",
          "$$",
          ":name",
          "?",
          "/* */",
          "name; SELECT pg_sleep(5)",
          "price_asc,id",
          "1) UNION SELECT password_hash FROM users --",
          "\u0000",
          "kanga\u0000x",
          "🦒",
          "a".repeat(300));

  @Test
  void sqlInQueryParametersIsOnlyEverText() throws Exception {
    ProductId product = shop.product("1000.00", 5);
    ApiResponse branded =
        api.withToken(shop.signIn(Role.ADMIN))
            .post(
                "/api/v1/products",
                "{\"name\":\"Kanga ya pwani\",\"price\":\"15000.00\",\"stock\":4,"
                    + "\"brand\":\"Pwani Prints\",\"category_id\":\""
                    + shop.category()
                    + "\"}");
    assertThat(branded.status()).as(branded.toString()).isEqualTo(201);
    ApiClient admin = api.responsesOnly().withToken(shop.signIn(Role.ADMIN));
    Map<String, String> before = shop.checksum();
    List<String> wrong = new ArrayList<>();
    for (String text : SQL) {
      String value = URLEncoder.encode(text, StandardCharsets.UTF_8);
      for (String path :
          List.of(
              "/api/v1/products?brand=" + value,
              "/api/v1/products?sort=" + value,
              "/api/v1/products/search?q=" + value,
              "/api/v1/products/search?q=kanga&brand=" + value,
              "/api/v1/admin/users?q=" + value,
              "/api/v1/admin/orders?number=" + value,
              "/api/v1/orders?status=" + value)) {
        ApiResponse response = admin.get(path);
        int status = response.status();
        if (status != 200 && status != 400) {
          wrong.add(path + " → " + response);
        } else if (status == 200
            && path.contains("brand=")
            && response.json().path("total").asLong() != 0) {
          wrong.add(path + " matched products of other brands: " + response);
        }
      }
    }
    for (String id : List.of("%00", "'%20OR%201=1", "1;DROP%20TABLE%20orders", "..%2F..%2Fetc")) {
      for (String path :
          List.of(
              "/api/v1/products/" + id,
              "/api/v1/categories/" + id,
              "/api/v1/orders/" + id,
              "/api/v1/payments/" + id,
              "/api/v1/stripe/status/" + id)) {
        // Jetty itself refuses some of these (400) where the contract lists only 404
        ApiResponse response = admin.unchecked().get(path);
        if ((response.status() != 400 && response.status() != 404)
            || !response.contentType().startsWith("application/problem+json")) {
          wrong.add(path + " → " + response);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(shop.checksum()).isEqualTo(before);
    assertThat(api.get("/api/v1/products/" + product).status()).isEqualTo(200);
  }

  @Test
  void sortComesFromTheAllowlistOnly() {
    for (String sort : List.of("newest", "price_asc", "price_desc", "name")) {
      assertThat(api.get("/api/v1/products?sort=" + sort).status()).as(sort).isEqualTo(200);
    }
    for (String sort : List.of("id", "price", "stock", "created_at desc", "NAME", "1")) {
      ApiResponse refused =
          api.responsesOnly()
              .get("/api/v1/products?sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8));
      assertThat(refused.status()).as(sort).isEqualTo(400);
      assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("sort");
    }
  }

  @Test
  void pagingIsBoundedOnEveryList() {
    String admin = shop.signIn(Role.ADMIN);
    List<String> wrong = new ArrayList<>();
    for (String list :
        List.of(
            "/api/v1/products?",
            "/api/v1/products/search?q=kanga&",
            "/api/v1/orders?",
            "/api/v1/admin/orders?",
            "/api/v1/admin/users?")) {
      for (String paging :
          List.of(
              "page_size=1000000000",
              "page_size=101",
              "page_size=0",
              "page_size=-1",
              "page=-1",
              "page=0",
              "page=10001",
              "page=99999999999999999999",
              "page=1e3",
              "page=1.5")) {
        ApiResponse response = api.responsesOnly().withToken(admin).get(list + paging);
        if (response.status() != 400
            || !response.contentType().startsWith("application/problem+json")) {
          wrong.add(list + paging + " → " + response);
        }
      }
      ApiResponse deepest = api.withToken(admin).get(list + "page=10000&page_size=100");
      if (deepest.status() != 200 || deepest.json().path("items").size() != 0) {
        wrong.add(list + " at the deepest page → " + deepest);
      }
    }
    assertThat(wrong).isEmpty();
  }
}
