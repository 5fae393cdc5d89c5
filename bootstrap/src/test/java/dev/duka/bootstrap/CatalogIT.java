package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog end to end: the server as wired for production on real PostgreSQL, every route driven
 * over HTTP and every exchange checked against docs/openapi.yaml (only the responses, for requests
 * that are wrong on purpose). Each test builds its own corner of the shop.
 */
class CatalogIT {
  static final String SECRET = "a-catalog-test-secret-of-at-least-thirty-two-bytes";
  static final String ADMIN_SECRET = "the-admin-secret-of-the-catalog-test-shop-0123";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  static Application app;
  static Jdbi database;
  static ApiClient api;
  static ApiClient admin;
  static ApiClient shopper;

  @BeforeAll
  static void start() {
    JdbcTarget target = TestDatabase.freshTarget();
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", target.jdbcUrl());
    env.put("JWT_SECRET", SECRET);
    env.put("ADMIN_SECRET", ADMIN_SECRET);
    env.put("PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    env.put("RATE_LIMIT_LOGIN_PER_ADDRESS_PER_MINUTE", "10000");
    env.put("RATE_LIMIT_ACCOUNT_PER_MINUTE", "10000");
    Config config = ConfigLoader.load(env, SecretStore::new).config();
    app = Application.start(config);
    database = Jdbi.create(target.jdbcUrl(), target.user(), target.password());
    api = ApiClient.at(app.port());
    TestAccounts accounts = new TestAccounts(api, target, ADMIN_SECRET);
    admin = api.withToken(accounts.administrator());
    shopper = api.withToken(accounts.shopper());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  // ---- helpers ------------------------------------------------------------------------------

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A map of pairs, keeping their order; values may be null. */
  static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static JsonNode category(String name, String parentId, boolean active) {
    ApiResponse created =
        admin.post(
            "/api/v1/categories",
            json(fields("name", name, "parent_id", parentId, "active", active)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  static JsonNode category(String name) {
    return category(name, null, true);
  }

  static JsonNode product(Map<String, Object> body) {
    ApiResponse created = admin.post("/api/v1/products", json(body));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  static JsonNode product(String categoryId, String name, String price, int stock) {
    return product(fields("name", name, "price", price, "stock", stock, "category_id", categoryId));
  }

  static List<String> names(ApiResponse response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(response.json().path("items").spliterator(), false)
        .map(item -> item.path("name").asText())
        .toList();
  }

  static String id(JsonNode node) {
    return node.path("id").asText();
  }

  // ---- categories ---------------------------------------------------------------------------

  @Test
  void thePublicTreeLeavesOutInactiveBranchesAdministratorsMaySeeThem() {
    JsonNode root = category("Mitindo");
    JsonNode shoes = category("Viatu", id(root), true);
    JsonNode closed = category("Zamani", id(root), false);
    JsonNode below = category("Chini ya zamani", id(closed), true);

    JsonNode publicRoot = findNode(api.get("/api/v1/categories"), id(root));
    assertThat(publicRoot.path("children"))
        .extracting(c -> c.path("id").asText())
        .containsExactly(id(shoes));
    JsonNode adminRoot = findNode(admin.get("/api/v1/categories?include_inactive=true"), id(root));
    assertThat(adminRoot.path("children"))
        .extracting(c -> c.path("id").asText())
        .containsExactly(id(shoes), id(closed));
    assertThat(api.get("/api/v1/categories/" + id(below)).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/categories/" + id(below)).json().path("parent_id").asText())
        .isEqualTo(id(closed));
    assertThat(shopper.get("/api/v1/categories?include_inactive=true").status()).isEqualTo(403);
    assertThat(api.get("/api/v1/categories?include_inactive=true").status()).isEqualTo(401);
  }

  private static JsonNode findNode(ApiResponse tree, String id) {
    assertThat(tree.status()).as(tree.toString()).isEqualTo(200);
    for (JsonNode node : tree.json().path("items")) {
      if (node.path("id").asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no root " + id + " in " + tree);
  }

  @Test
  void aCategoryMovesAnywhereButUnderItself() {
    JsonNode parent = category("Nyumbani");
    JsonNode child = category("Jikoni", id(parent), true);
    JsonNode grandchild = category("Sufuria", id(child), true);
    JsonNode elsewhere = category("Bustani");

    ApiResponse loop =
        admin.patch("/api/v1/categories/" + id(parent), json(fields("parent_id", id(grandchild))));
    ApiResponse moved =
        admin.patch(
            "/api/v1/categories/" + id(child),
            json(fields("parent_id", id(elsewhere), "sort_order", 2, "description", "Vyombo")));
    ApiResponse toTheTop =
        admin.patch("/api/v1/categories/" + id(grandchild), json(fields("parent_id", null)));

    assertThat(loop.status()).as(loop.toString()).isEqualTo(409);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("parent_id").asText()).isEqualTo(id(elsewhere));
    assertThat(moved.json().path("sort_order").asInt()).isEqualTo(2);
    assertThat(toTheTop.json().path("parent_id").isNull()).isTrue();
  }

  @Test
  void aCategoryIsDeletedOnlyWhenEmpty() {
    JsonNode parent = category("Vinywaji");
    JsonNode child = category("Chai", id(parent), true);
    product(id(child), "Chai ya majani", "4500.00", 3);
    JsonNode empty = category("Tupu");

    assertThat(admin.delete("/api/v1/categories/" + id(parent)).status()).isEqualTo(409);
    assertThat(admin.delete("/api/v1/categories/" + id(child)).status()).isEqualTo(409);
    assertThat(admin.delete("/api/v1/categories/" + id(empty)).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/categories/" + id(empty)).status()).isEqualTo(404);
  }

  @Test
  void categoryRequestsAreChecked() {
    JsonNode taken = category("Vitabu");
    ApiClient loose = admin.responsesOnly();

    ApiResponse duplicate =
        admin.post(
            "/api/v1/categories",
            json(fields("name", "Books", "slug", taken.path("slug").asText())));
    ApiResponse unknown =
        loose.post("/api/v1/categories", json(fields("name", "X", "colour", "red")));
    ApiResponse bad =
        loose.post(
            "/api/v1/categories", json(fields("name", "", "slug", "Not A Slug", "parent_id", "x")));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("colour");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("name", "slug", "parent_id");
  }

  // ---- writing products ---------------------------------------------------------------------

  @Test
  void anAdministratorCreatesAProductWithADrawnSku() {
    JsonNode phones = category("Simu");

    JsonNode galaxy =
        product(
            fields(
                "name",
                "Galaxy A15",
                "description",
                "Simu janja",
                "price",
                "480000.00",
                "stock",
                5,
                "brand",
                "Samsung",
                "category_id",
                id(phones)));

    assertThat(galaxy.path("sku").asText()).matches("SAM-SIM-GAL-[0-9A-Z]{6}");
    assertThat(galaxy.path("slug").asText()).startsWith("galaxy-a15");
    assertThat(galaxy.path("price").path("amount").asText()).isEqualTo("480000.00");
    assertThat(galaxy.path("price").path("currency").asText()).isEqualTo("TZS");
    assertThat(galaxy.path("price").path("minor").asLong()).isEqualTo(48_000_000L);
    assertThat(galaxy.path("images").isArray()).isTrue();
    assertThat(galaxy.path("images")).isEmpty();
    assertThat(ledgerSum(id(galaxy))).isEqualTo(5);
    String creatorRole =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT u.role FROM products p JOIN users u ON u.id = p.created_by"
                            + " WHERE p.id = CAST(:id AS uuid)")
                    .bind("id", id(galaxy))
                    .mapTo(String.class)
                    .one());
    assertThat(creatorRole).as("created_by is the account of the token").isEqualTo("admin");
  }

  @Test
  void aGivenSkuIsCheckedAndMustBeFree() {
    JsonNode c = category("Nguo");
    product(
        fields(
            "name",
            "Kanzu",
            "price",
            "30000",
            "stock",
            1,
            "category_id",
            id(c),
            "sku",
            "kanzu-01"));

    ApiResponse again =
        admin.post(
            "/api/v1/products",
            json(
                fields(
                    "name",
                    "Kanzu",
                    "price",
                    "30000",
                    "stock",
                    1,
                    "category_id",
                    id(c),
                    "sku",
                    "KANZU-01")));
    ApiResponse bad =
        admin
            .responsesOnly()
            .post(
                "/api/v1/products",
                json(
                    fields(
                        "name",
                        "X",
                        "price",
                        "1.234",
                        "stock",
                        -1,
                        "category_id",
                        "nope",
                        "sku",
                        "no!")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("field").asText()).isEqualTo("sku");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors"))
        .extracting(e -> e.path("field").asText())
        .contains("price", "stock", "category_id", "sku");
  }

  @Test
  void anAdministratorEditsKnownFieldsOnly() {
    JsonNode c = category("Samani");
    JsonNode chair = product(id(c), "Kiti", "120000.00", 4);
    ApiClient loose = admin.responsesOnly();

    ApiResponse edited =
        admin.patch(
            "/api/v1/products/" + id(chair),
            json(fields("name", "Kiti cha mninga", "price", "125000.50", "brand", "Mninga Works")));
    ApiResponse unknown =
        loose.patch("/api/v1/products/" + id(chair), json(fields("colour", "red", "weight", 3)));
    ApiResponse stock = loose.patch("/api/v1/products/" + id(chair), json(fields("stock", 99)));
    ApiResponse missing =
        admin.patch("/api/v1/products/" + UUID.randomUUID(), json(fields("name", "Nothing")));

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().path("name").asText()).isEqualTo("Kiti cha mninga");
    assertThat(edited.json().path("price").path("minor").asLong()).isEqualTo(12_500_050L);
    assertThat(edited.json().path("stock").asInt()).isEqualTo(4);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("colour", "weight");
    assertThat(stock.status()).isEqualTo(400);
    assertThat(stock.json().path("errors").get(0).path("message").asText()).contains("/stock");
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void writesNeedAnAdministrator() {
    JsonNode c = category("Ulinzi");
    JsonNode p = product(id(c), "Kufuli", "9000.00", 1);
    String productBody = json(fields("name", "X", "price", "1", "stock", 1, "category_id", id(c)));
    String stockBody = json(fields("delta", 1, "reason", "x"));
    List<String[]> writes =
        List.of(
            new String[] {"POST", "/api/v1/categories", json(fields("name", "X"))},
            new String[] {"PATCH", "/api/v1/categories/" + id(c), json(fields("name", "Y"))},
            new String[] {"DELETE", "/api/v1/categories/" + id(c), null},
            new String[] {"POST", "/api/v1/products", productBody},
            new String[] {"PATCH", "/api/v1/products/" + id(p), json(fields("name", "Y"))},
            new String[] {"DELETE", "/api/v1/products/" + id(p), null},
            new String[] {"POST", "/api/v1/products/" + id(p) + "/stock", stockBody});

    for (String[] write : writes) {
      String type = write[2] == null ? null : "application/json";
      ApiResponse anonymous = api.responsesOnly().send(write[0], write[1], write[2], type);
      ApiResponse notAdmin = shopper.responsesOnly().send(write[0], write[1], write[2], type);
      assertThat(anonymous.status()).as("%s %s anonymously", write[0], write[1]).isEqualTo(401);
      assertThat(notAdmin.status()).as("%s %s as a shopper", write[0], write[1]).isEqualTo(403);
    }
    assertThat(admin.get("/api/v1/products/" + id(p)).json().path("name").asText())
        .isEqualTo("Kufuli");
  }

  // ---- browsing -----------------------------------------------------------------------------

  /** A shop of its own: root ─┬─ phones ── smartphones, fabrics, closed (inactive). */
  private static final class Shop {
    final JsonNode root = category("Duka " + UUID.randomUUID().toString().substring(0, 6));
    final JsonNode phones = category("Simu", id(root), true);
    final JsonNode smartphones = category("Simu janja", id(phones), true);
    final JsonNode fabrics = category("Vitambaa", id(root), true);
    final JsonNode closed = category("Imefungwa", id(root), false);
    final JsonNode galaxy =
        product(
            fields(
                "name",
                "Galaxy A15",
                "price",
                "480000.00",
                "stock",
                5,
                "brand",
                "Samsung",
                "category_id",
                id(smartphones),
                "description",
                "Simu yenye skrini kubwa"));
    final JsonNode iphone =
        product(
            fields(
                "name",
                "Apple iPhone 13",
                "price",
                "1800000.00",
                "stock",
                0,
                "brand",
                "Apple",
                "category_id",
                id(smartphones)));
    final JsonNode tecno =
        product(
            fields(
                "name",
                "Tecno T301",
                "price",
                "35000.00",
                "stock",
                12,
                "brand",
                "Tecno",
                "category_id",
                id(phones)));
    final JsonNode kanga =
        product(
            fields(
                "name",
                "Kanga ya pwani",
                "price",
                "15000.00",
                "stock",
                40,
                "brand",
                "Pwani Prints",
                "category_id",
                id(fabrics)));
    final JsonNode retired =
        product(
            fields(
                "name",
                "Nokia 3310",
                "price",
                "50000.00",
                "stock",
                1,
                "brand",
                "Nokia",
                "category_id",
                id(phones),
                "active",
                false));
    final JsonNode hidden =
        product(
            fields(
                "name",
                "Samsung Charger",
                "price",
                "20000.00",
                "stock",
                1,
                "brand",
                "Samsung",
                "category_id",
                id(closed)));

    /** Listing narrowed to this shop. */
    String products(String query) {
      return "/api/v1/products?category_id=" + id(root) + (query.isEmpty() ? "" : "&" + query);
    }

    String search(String text, String query) {
      return "/api/v1/products/search?q="
          + q(text)
          + "&category_id="
          + id(root)
          + (query.isEmpty() ? "" : "&" + query);
    }
  }

  @Test
  void listsNewestFirstWithDescendantsAndTotals() {
    Shop shop = new Shop();

    ApiResponse all = api.get(shop.products(""));
    ApiResponse phones = api.get("/api/v1/products?category_id=" + id(shop.phones));
    ApiResponse paged = api.get(shop.products("page=2&page_size=3"));

    assertThat(names(all))
        .containsExactly("Kanga ya pwani", "Tecno T301", "Apple iPhone 13", "Galaxy A15");
    assertThat(all.json().path("total").asInt()).isEqualTo(4);
    assertThat(all.json().path("pages").asInt()).isEqualTo(1);
    assertThat(names(phones)).containsExactly("Tecno T301", "Apple iPhone 13", "Galaxy A15");
    assertThat(names(paged)).containsExactly("Galaxy A15");
    assertThat(paged.json().path("page").asInt()).isEqualTo(2);
    assertThat(paged.json().path("page_size").asInt()).isEqualTo(3);
    assertThat(paged.json().path("pages").asInt()).isEqualTo(2);
  }

  @Test
  void filtersByBrandPriceAndStock() {
    Shop shop = new Shop();

    assertThat(names(api.get(shop.products("brand=samsung")))).containsExactly("Galaxy A15");
    assertThat(names(api.get(shop.products("min_price=20000&max_price=480000.00"))))
        .containsExactly("Tecno T301", "Galaxy A15");
    assertThat(names(api.get(shop.products("in_stock=false")))).containsExactly("Apple iPhone 13");
    assertThat(names(api.get(shop.products("in_stock=true"))))
        .containsExactly("Kanga ya pwani", "Tecno T301", "Galaxy A15");
  }

  @Test
  void sortsByPriceAndName() {
    Shop shop = new Shop();

    assertThat(names(api.get(shop.products("sort=price_asc"))))
        .containsExactly("Kanga ya pwani", "Tecno T301", "Galaxy A15", "Apple iPhone 13");
    assertThat(names(api.get(shop.products("sort=price_desc"))))
        .containsExactly("Apple iPhone 13", "Galaxy A15", "Tecno T301", "Kanga ya pwani");
    assertThat(names(api.get(shop.products("sort=name"))))
        .containsExactly("Apple iPhone 13", "Galaxy A15", "Kanga ya pwani", "Tecno T301");
  }

  @Test
  void thePublicNeverSeesHiddenProducts() {
    Shop shop = new Shop();

    assertThat(names(api.get(shop.products("")))).doesNotContain("Nokia 3310", "Samsung Charger");
    assertThat(api.get("/api/v1/products/" + id(shop.retired)).status()).isEqualTo(404);
    assertThat(shopper.get("/api/v1/products/" + id(shop.hidden)).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/products/" + id(shop.hidden)).status()).isEqualTo(200);
    assertThat(names(admin.get(shop.products("include_inactive=true"))))
        .contains("Nokia 3310", "Samsung Charger");
    assertThat(shopper.get(shop.products("include_inactive=true")).status()).isEqualTo(403);
    assertThat(api.get(shop.products("include_inactive=true")).status()).isEqualTo(401);
  }

  @Test
  void refusesBadPagesAndFiltersNamingThem() {
    ApiClient loose = api.responsesOnly();

    for (String size : List.of("0", "101", "abc")) {
      ApiResponse bad = loose.get("/api/v1/products?page_size=" + size);
      assertThat(bad.status()).as("page_size=%s", size).isEqualTo(400);
      assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("page_size");
      assertThat(loose.get("/api/v1/products/search?q=kanga&page_size=" + size).status())
          .isEqualTo(400);
    }
    ApiResponse many =
        loose.get(
            "/api/v1/products?page=0&min_price=1.234&in_stock=yes&sort=cheapest&category_id=x");
    assertThat(many.status()).isEqualTo(400);
    assertThat(many.json().path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("page", "min_price", "in_stock", "sort", "category_id");
  }

  @Test
  void searchFindsPartialWordsBrandsAndOneTypo() {
    Shop shop = new Shop();

    assertThat(names(api.get(shop.search("kang", "")))).containsExactly("Kanga ya pwani");
    assertThat(names(api.get(shop.search("samsung", "")))).containsExactly("Galaxy A15");
    assertThat(names(api.get(shop.search("iphnoe", "")))).containsExactly("Apple iPhone 13");
    assertThat(names(api.get(shop.search("simu", "in_stock=false")))).isEmpty();
    assertThat(names(api.get(shop.search("nokia", "")))).isEmpty();
  }

  @Test
  void searchRanksANameMatchFirst() {
    Shop shop = new Shop();
    product(
        fields(
            "name",
            "Mkoba",
            "price",
            "1000",
            "stock",
            1,
            "brand",
            "Kitenge House",
            "category_id",
            id(shop.fabrics)));
    product(
        fields(
            "name",
            "Shuka",
            "price",
            "1000",
            "stock",
            1,
            "description",
            "Imara kama kitenge",
            "category_id",
            id(shop.fabrics)));
    product(
        fields(
            "name",
            "Kitenge cha Ankara",
            "price",
            "1000",
            "stock",
            1,
            "category_id",
            id(shop.fabrics)));

    assertThat(names(api.get(shop.search("kitenge", ""))))
        .containsExactly("Kitenge cha Ankara", "Mkoba", "Shuka");
  }

  @Test
  void searchForPlainWordsWithoutFiltersReadsTheWholeCatalog() {
    // letters of a random id: a word no other test's product has
    String word = "zawadi" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
    String name = "Kikapu " + Character.toUpperCase(word.charAt(0)) + word.substring(1);
    Shop shop = new Shop();
    product(id(shop.fabrics), name, "1000", 1);
    product(id(shop.fabrics), "Kikapu kidogo", "500", 1);
    String search = "/api/v1/products/search?q=";

    assertThat(names(api.get(search + word))).containsExactly(name);
    assertThat(names(api.get(search + word.substring(0, 9)))).containsExactly(name);
    // both words: one match, so products similar to the query follow it (typo tolerance)
    assertThat(names(api.get(search + q("kikapu " + word))))
        .startsWith(name)
        .doesNotHaveDuplicates();
    // a letter dropped: no product has the word, so similar known words are looked up
    assertThat(names(api.get(search + word.substring(0, 3) + word.substring(4))))
        .containsExactly(name);
    // and a letter too many
    assertThat(names(api.get(search + word + "x"))).containsExactly(name);
  }

  @Test
  void searchNeedsAWordOfAtMostTwoHundredCharacters() {
    ApiClient loose = api.responsesOnly();

    assertThat(loose.get("/api/v1/products/search?q=").status()).isEqualTo(400);
    assertThat(loose.get("/api/v1/products/search").status()).isEqualTo(400);
    assertThat(loose.get("/api/v1/products/search?q=" + "a".repeat(201)).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/products/search?q=" + "a".repeat(200)).status()).isEqualTo(200);
  }

  @Test
  void brandsCountVisibleProducts() {
    String brand = "Chapa " + UUID.randomUUID().toString().substring(0, 8);
    JsonNode c = category("Chapa");
    product(fields("name", "A", "price", "1", "stock", 1, "brand", brand, "category_id", id(c)));
    product(fields("name", "B", "price", "1", "stock", 1, "brand", brand, "category_id", id(c)));
    product(
        fields(
            "name",
            "C",
            "price",
            "1",
            "stock",
            1,
            "brand",
            brand,
            "category_id",
            id(c),
            "active",
            false));

    ApiResponse brands = api.get("/api/v1/brands");

    assertThat(brands.status()).isEqualTo(200);
    assertThat(brands.json().path("items"))
        .filteredOn(b -> b.path("brand").asText().equals(brand))
        .singleElement()
        .satisfies(b -> assertThat(b.path("products").asInt()).isEqualTo(2));
  }

  // ---- caching ------------------------------------------------------------------------------

  @Test
  void aClientRevalidatesWithTheETag() {
    JsonNode c = category("Kahawa");
    JsonNode coffee = product(id(c), "Kahawa ya Arabica", "18000.00", 10);
    String path = "/api/v1/products/" + id(coffee);

    ApiResponse first = api.get(path);
    String etag = first.header("ETag").orElseThrow();
    ApiResponse unchanged = api.withHeader("If-None-Match", etag).get(path);
    admin.post(path + "/stock", json(fields("delta", 1, "reason", "delivery")));
    ApiResponse changed = api.withHeader("If-None-Match", etag).get(path);

    assertThat(first.header("Cache-Control")).contains("no-cache");
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.header("ETag")).contains(etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void listsSearchesTreesAndBrandsAreRevalidatedToo() {
    JsonNode c = category("Viungo");
    product(id(c), "Karafuu", "6000.00", 10);
    for (String path :
        List.of(
            "/api/v1/products?category_id=" + id(c),
            "/api/v1/products/search?q=karafuu&category_id=" + id(c),
            "/api/v1/categories",
            "/api/v1/categories/" + id(c),
            "/api/v1/brands")) {
      String etag = api.get(path).header("ETag").orElseThrow();
      assertThat(api.withHeader("If-None-Match", etag).get(path).status())
          .as("GET %s with its own ETag", path)
          .isEqualTo(304);
    }
  }

  // ---- stock and removal --------------------------------------------------------------------

  @Test
  void concurrentAdjustmentsKeepTheLedgerEqualToTheStock() throws Exception {
    JsonNode c = category("Stoo");
    JsonNode sugar = product(id(c), "Sukari", "3000.00", 10);
    String path = "/api/v1/products/" + id(sugar) + "/stock";
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<ApiResponse>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        int delta = i % 2 == 0 ? 1 : -1;
        responses.add(
            pool.submit(
                () -> admin.post(path, json(fields("delta", delta, "reason", "count " + delta)))));
      }
      for (Future<ApiResponse> response : responses) {
        assertThat(response.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    int stock = admin.get("/api/v1/products/" + id(sugar)).json().path("stock").asInt();
    assertThat(stock).isEqualTo(10).isEqualTo(ledgerSum(id(sugar)));
    assertThat(ledgerRows(id(sugar))).isEqualTo(21);
  }

  @Test
  void stockNeverGoesBelowZero() {
    JsonNode c = category("Ghala");
    JsonNode rice = product(id(c), "Mchele", "2500.00", 2);
    String path = "/api/v1/products/" + id(rice) + "/stock";

    ApiResponse tooMuch = admin.post(path, json(fields("delta", -3, "reason", "sale")));
    ApiResponse zero =
        admin.responsesOnly().post(path, json(fields("delta", 0, "reason", "nothing")));
    ApiResponse exact = admin.post(path, json(fields("delta", -2, "reason", "sale")));

    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.json().path("code").asText()).isEqualTo("out_of_stock");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(exact.status()).isEqualTo(200);
    assertThat(exact.json().path("stock").asInt()).isZero();
    assertThat(ledgerSum(id(rice))).isZero();
  }

  @Test
  void deletingAProductInAnOrderDeactivatesIt() {
    JsonNode c = category("Vyombo");
    JsonNode ordered = product(id(c), "Sahani", "2000.00", 5);
    JsonNode unordered = product(id(c), "Kikombe", "1500.00", 5);
    recordAnOrderOf(id(ordered));

    assertThat(admin.delete("/api/v1/products/" + id(ordered)).status()).isEqualTo(204);
    assertThat(admin.delete("/api/v1/products/" + id(unordered)).status()).isEqualTo(204);

    assertThat(api.get("/api/v1/products/" + id(ordered)).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/products/" + id(ordered)).json().path("active").asBoolean())
        .isFalse();
    assertThat(admin.get("/api/v1/products/" + id(unordered)).status()).isEqualTo(404);
  }

  private static int ledgerSum(String productId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT coalesce(sum(delta), 0) FROM stock_movements"
                        + " WHERE product_id = CAST(:id AS uuid)")
                .bind("id", productId)
                .mapTo(Integer.class)
                .one());
  }

  private static int ledgerRows(String productId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM stock_movements WHERE product_id = CAST(:id AS uuid)")
                .bind("id", productId)
                .mapTo(Integer.class)
                .one());
  }

  /** A customer's order of the product, as the orders feature would write it. */
  private static void recordAnOrderOf(String productId) {
    UUID user = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    database.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO users (id, email, full_name, role, password_hash, created_at,"
                  + " updated_at) VALUES (?, ?, 'Buyer', 'user', 'x', now(), now())",
              user,
              "buyer-" + user + "@example.com");
          h.execute(
              "INSERT INTO orders (id, number, user_id, status, payment_status, currency,"
                  + " subtotal_minor, discount_minor, tax_minor, shipping_minor, total_minor,"
                  + " shipping_address, created_at, updated_at) VALUES (?, ?, ?, 'pending',"
                  + " 'pending', 'TZS', 200000, 0, 0, 0, 200000, '{}', now(), now())",
              order,
              "DK-" + order.toString().substring(0, 8).toUpperCase(Locale.ROOT),
              user);
          h.execute(
              "INSERT INTO order_items (order_id, line_no, product_id, sku, name,"
                  + " unit_price_minor, quantity, line_total_minor)"
                  + " SELECT ?, 1, id, sku, name, 200000, 1, 200000 FROM products WHERE id = ?",
              order,
              UUID.fromString(productId));
        });
  }
}
