package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.bootstrap.bench.BenchIds;
import dev.duka.bootstrap.bench.BenchSeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's bulk seed (bench-seed) against a running shop: the rows it copies in keep every
 * invariant the repositories keep, and the server serves them as its own.
 */
class BenchSeedIT {
  private static final int PRODUCTS = 2_000;
  private static final int USERS = 5;

  @TempDir static Path out;
  static TestShop shop;

  @BeforeAll
  static void seed() throws Exception {
    shop = TestShop.start(Map.of());
    seeder().seed(new BenchSeed.Options(PRODUCTS, USERS, out, false), Instant.now());
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  private static BenchSeed seeder() {
    return new BenchSeed(
        shop.db.dataSource(),
        TestShop.SECRET,
        "duka",
        Currency.getInstance("TZS"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static List<String> lines(String file) throws Exception {
    return Files.readAllLines(out.resolve(file));
  }

  private static long number(String sql) {
    return shop.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void loadsEveryProductWithALedgerThatSumsToItsStock() {
    assertThat(shop.count("products")).isEqualTo(PRODUCTS);
    assertThat(
            number(
                "SELECT count(*) FROM products p WHERE p.stock <>"
                    + " (SELECT coalesce(sum(delta), 0) FROM stock_movements m"
                    + " WHERE m.product_id = p.id)"))
        .isZero();
    assertThat(number("SELECT count(*) FROM stock_movements WHERE reason <> 'initial stock'"))
        .isZero();
  }

  @Test
  void fillsTheSearchVectorsThroughTheTrigger() {
    assertThat(
            number(
                "SELECT count(*) FROM products"
                    + " WHERE search = ''::tsvector OR name_search = ''::tsvector"))
        .isZero();
  }

  @Test
  void derivesIdsAsPostgresDoes() {
    assertThat(
            number(
                "SELECT count(*) FROM products"
                    + " WHERE id = md5('duka-bench-product-' || 7)::uuid"))
        .isEqualTo(1);
    assertThat(BenchIds.product(7).toString())
        .isEqualTo(
            shop.db
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT md5('duka-bench-product-7')::uuid::text")
                            .mapTo(String.class)
                            .one()));
  }

  @Test
  void listsOnlyOrderableProductsWithAmpleStock() throws Exception {
    List<String> ids = lines("products.txt");
    assertThat(ids).hasSize(PRODUCTS - PRODUCTS / 10);
    long listed =
        shop.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM products"
                                + " WHERE id = ANY(:ids) AND active AND stock >= 200")
                        .bind("ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new))
                        .mapTo(Long.class)
                        .one());
    assertThat(listed).isEqualTo(ids.size());
  }

  @Test
  void servesSeededProductsCategoriesAndSearches() throws Exception {
    assertThat(shop.api.get("/api/v1/products/" + lines("products.txt").get(0)).status())
        .isEqualTo(200);
    ApiResponse page =
        shop.api.get("/api/v1/products?category_id=" + lines("categories.txt").get(0));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("total").asLong()).isPositive();
    ApiResponse found = shop.api.get("/api/v1/products/search?q=" + lines("queries.txt").get(0));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("total").asLong()).isPositive();
  }

  @Test
  void seededCustomersSignInWithTheBenchPassword() throws Exception {
    ApiResponse login =
        shop.api.post(
            "/api/v1/auth/login",
            "{\"email\":\""
                + lines("emails.txt").get(USERS - 1)
                + "\",\"password\":\""
                + BenchSeed.PASSWORD
                + "\"}");
    assertThat(login.status()).isEqualTo(200);
  }

  @Test
  void seededTokensPlaceOrders() throws Exception {
    List<String> ids = lines("products.txt");
    ApiResponse placed =
        shop.api
            .withToken(lines("tokens.txt").get(0))
            .post(
                "/api/v1/orders",
                "{\"items\":[{\"product_id\":\""
                    + ids.get(0)
                    + "\",\"quantity\":2},{\"product_id\":\""
                    + ids.get(ids.size() - 1)
                    + "\",\"quantity\":1}],\"shipping_address\":{\"full_name\":\"Asha Mteja\","
                    + "\"line1\":\"Mtaa wa Uhuru 12\",\"city\":\"Dar es Salaam\","
                    + "\"country\":\"TZ\",\"phone\":\"+255712345678\"}}");
    assertThat(placed.status()).isEqualTo(201);
  }

  @Test
  void writesTheCountsForPgbench() throws Exception {
    assertThat(lines("bench.env"))
        .contains(
            "PRODUCTS=" + PRODUCTS,
            "ORDERABLE=" + (PRODUCTS - PRODUCTS / 10),
            "USERS=" + USERS,
            "QUERIES=1000");
    assertThat(number("SELECT count(*) FROM bench.search_queries")).isEqualTo(1000);
  }

  @Test
  void refusesToSeedOverAShopUnlessAskedToReset(@TempDir Path again) {
    assertThatThrownBy(
            () ->
                seeder().seed(new BenchSeed.Options(PRODUCTS, USERS, again, false), Instant.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--reset");
  }
}
