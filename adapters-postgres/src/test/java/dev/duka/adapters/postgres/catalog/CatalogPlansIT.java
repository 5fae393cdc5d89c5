package dev.duka.adapters.postgres.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.ProductSort;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements the product repository runs, explained by PostgreSQL over 100,000 products: each
 * reaches products through an index, never a sequential scan. The plans, with timings, are written
 * to {@code target/catalog-plans.txt}; docs/catalog.md shows them.
 */
class CatalogPlansIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Currency TZS = Currency.getInstance("TZS");
  private static final PageRequest FIRST = new PageRequest(1, 20);

  /** Child 1-2 of the generated tree: two leaves, about 5,500 products. */
  private static final CategoryId CHILD = new CategoryId(md5Uuid("child1-2"));

  /** Child 1-2 in 10,000–50,000 TZS. */
  private static final ProductQuery CATEGORY_AND_BAND =
      ProductQuery.builder()
          .category(CHILD)
          .minPrice(Money.parse("10000.00", TZS))
          .maxPrice(Money.parse("50000.00", TZS))
          .build();

  private static final Map<String, String> PLANS = new LinkedHashMap<>();

  private static PostgresDatabase database;
  private static Jdbi jdbi;

  @BeforeAll
  static void load() throws InterruptedException {
    database = TestDatabase.fresh();
    jdbi = database.jdbi();
    long start = System.nanoTime();
    jdbi.useHandle(h -> h.createScript(resource("catalog-100k.sql")).execute());
    jdbi.useHandle(h -> h.execute("VACUUM ANALYZE categories, search_words"));
    vacuumUntilAllVisible("products");
    vacuumUntilAllVisible("search_postings");
    PLANS.put(
        "load",
        "100,000 products loaded and analyzed in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
  }

  /**
   * Brings {@code table} to the state autovacuum keeps a running server in: analyzed, and its pages
   * marked all-visible (which index-only scans need). Right after a bulk load VACUUM may not mark
   * them yet (observed on the test server, which commits asynchronously), so it is repeated.
   */
  private static void vacuumUntilAllVisible(String table) throws InterruptedException {
    for (int attempt = 0; attempt < 50 && allVisibleShare(table) < 0.95; attempt++) {
      jdbi.useHandle(h -> h.execute("VACUUM ANALYZE " + table));
      if (allVisibleShare(table) < 0.95) {
        Thread.sleep(200);
      }
    }
  }

  private static double allVisibleShare(String table) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT relallvisible::float / greatest(relpages, 1) FROM pg_class"
                        + " WHERE relname = :table")
                .bind("table", table)
                .mapTo(Double.class)
                .one());
  }

  @AfterAll
  static void close() throws IOException {
    StringBuilder out = new StringBuilder();
    PLANS.forEach(
        (name, plan) -> out.append("== ").append(name).append("\n").append(plan).append("\n"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "catalog-plans.txt"), out);
    database.close();
  }

  @Test
  void theGeneratedCatalogIsAsLargeAndVacuumed() {
    jdbi.useHandle(
        h -> {
          assertThat(h.createQuery("SELECT count(*) FROM products").mapTo(Long.class).one())
              .isEqualTo(100_000);
          assertThat(allVisibleShare("products"))
              .as("share of pages VACUUM marked all-visible")
              .isGreaterThan(0.9);
          assertThat(allVisibleShare("search_postings"))
              .as("share of postings pages VACUUM marked all-visible")
              .isGreaterThan(0.9);
        });
  }

  @Test
  void theNewestListingWalksTheNewestIndexAndCountsFromTheNarrowOne() {
    List<String> indexes = explain("list, newest", ProductSql.list(ProductQuery.all(), FIRST));

    assertThat(indexes).contains("products_newest_idx", "products_active_category_idx");
  }

  @Test
  void aListingByPriceWalksThePriceIndex() {
    ProductQuery byPrice = ProductQuery.builder().sort(ProductSort.PRICE_ASC).build();

    assertThat(explain("list, cheapest first", ProductSql.list(byPrice, FIRST)))
        .contains("products_price_idx");
  }

  @Test
  void aListingOfACategoryAndPriceRangeUsesIndexes() {
    assertThat(
            explain(
                "list, category 1-2 and 10,000–50,000 TZS",
                ProductSql.list(CATEGORY_AND_BAND, FIRST)))
        .contains("products_category_price_idx", "products_category_newest_idx");
  }

  @Test
  void aCategoryListingsPlanForAnyBandKeepsToTheCategoryIndexes() {
    // the plan PostgreSQL keeps for a prepared statement after five runs: made for any values
    List<String> indexes =
        explainGeneric(
            "list, category 1-2 and a price band, generic plan",
            ProductSql.list(CATEGORY_AND_BAND, new PageRequest(3, 20)));

    assertThat(indexes)
        .containsOnly(
            "products_category_price_idx", "products_category_newest_idx", "products_pkey");
  }

  @Test
  void aListingOfACategoryReadsThePageFromItsMatchesNotByWalkingTheNewestIndex() {
    // a band with no product in it: walking the newest index for a page would read every product
    ProductQuery empty =
        ProductQuery.builder()
            .category(CHILD)
            .minPrice(Money.parse("1.00", TZS))
            .maxPrice(Money.parse("2.00", TZS))
            .build();

    assertThat(explain("list, category 1-2 and an empty band", ProductSql.list(empty, FIRST)))
        .doesNotContain("products_newest_idx");
  }

  @Test
  void aListingOfABrandUsesTheBrandIndex() {
    ProductQuery brand = ProductQuery.builder().brand("brand 7").sort(ProductSort.NAME).build();

    assertThat(explain("list, one brand by name", ProductSql.list(brand, FIRST)))
        .contains("products_brand_idx");
  }

  @Test
  void aSearchForOneWordReadsItsPostingsInOrder() {
    ProductSql.Statement search =
        ProductSql.search(SearchText.of("kanga"), ProductQuery.all(), FIRST);

    assertThat(explain("search 'kanga' (6,000 matches: bounded candidates)", search))
        .contains("search_postings_pkey", "products_pkey", "products_search_idx");
    // in index order, stopping with the bound (a bitmap scan would collect every posting first)
    assertThat(scansOf("search_postings", search)).containsOnly("Index Only Scan");
  }

  @Test
  void aSearchForOneWordKeepsToThePostingsInThePlanForAnyWords() {
    // the plan PostgreSQL keeps after five runs: a hash join of postings and products would read
    // every product
    ProductSql.Statement search =
        ProductSql.search(SearchText.of("kanga"), ProductQuery.all(), FIRST);

    assertThat(explainGeneric("search 'kanga', generic plan", search))
        .contains("search_postings_pkey", "products_pkey");
  }

  @Test
  void aSearchForSeveralWordsIntersectsTheirWholeWordsInTheNameIndex() {
    ProductSql.Statement search =
        ProductSql.search(SearchText.of("kanga bora 17"), ProductQuery.all(), FIRST);

    assertThat(explain("search 'kanga bora 17'", search))
        .contains("search_words_pkey", "products_name_search_idx", "products_search_idx");
  }

  @Test
  void aSearchWithATypoLooksItUpAmongTheKnownWords() {
    ProductSql.Statement search =
        ProductSql.search(SearchText.of("kitnege"), ProductQuery.all(), FIRST);

    assertThat(explain("search 'kitnege' (a typo: similar known words)", search))
        .contains("search_words_trgm_idx", "search_postings_pkey");
  }

  @Test
  void aSearchBeyondPlainWordsUsesTheFullTextAndTrigramIndexes() {
    ProductSql.Statement search =
        ProductSql.search(SearchText.of("kitnege -bora"), ProductQuery.all(), FIRST);

    assertThat(explain("search 'kitnege -bora' (excluded word: product indexes)", search))
        .contains("products_name_search_idx", "products_search_idx", "products_name_trgm_idx");
  }

  @Test
  void aFilteredSearchUsesIndexes() {
    ProductSql.Statement search =
        ProductSql.search(
            SearchText.of("simu"),
            ProductQuery.builder().category(CHILD).inStock(true).build(),
            FIRST);

    assertThat(explain("search 'simu' in category 1-2, in stock", search)).isNotEmpty();
  }

  /**
   * Explains {@code statement} (after the search's typo setting, in one transaction), asserts that
   * no node reads products sequentially, records the plan with timings, and returns the names of
   * the indexes it reads products through.
   */
  private static List<String> explain(String name, ProductSql.Statement statement) {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL pg_trgm.word_similarity_threshold = " + ProductSql.FUZZY_THRESHOLD);
          List<String> indexes =
              indexesReadingProducts(
                  name, plan(h, "EXPLAIN (FORMAT JSON) ", statement).get(0).get("Plan"));
          String analyzed =
              String.join(
                  "\n",
                  h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
                      .bindMap(statement.params())
                      .mapTo(String.class)
                      .list());
          PLANS.put(name, analyzed);
          return indexes;
        });
  }

  /**
   * Like {@link #explain}, for the plan PostgreSQL keeps for a prepared statement after five runs,
   * made for any values: the statement is prepared with positional parameters and explained with
   * its values under {@code plan_cache_mode = force_generic_plan}.
   */
  private static List<String> explainGeneric(String name, ProductSql.Statement statement) {
    List<String> names = new ArrayList<>();
    Matcher parameter = Pattern.compile("(?<!:):(\\w+)").matcher(statement.sql());
    StringBuilder positional = new StringBuilder();
    while (parameter.find()) {
      int position = names.indexOf(parameter.group(1));
      if (position < 0) {
        names.add(parameter.group(1));
        position = names.size() - 1;
      }
      parameter.appendReplacement(positional, "\\$" + (position + 1));
    }
    parameter.appendTail(positional);
    String values =
        names.stream()
            .map(n -> statement.params().get(n))
            .map(v -> v instanceof Number ? v.toString() : "'" + v + "'")
            .collect(Collectors.joining(", "));
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
          h.execute("PREPARE generic AS " + positional);
          try {
            String json =
                h.createQuery("EXPLAIN (FORMAT JSON) EXECUTE generic(" + values + ")")
                    .mapTo(String.class)
                    .one();
            List<String> indexes = indexesReadingProducts(name, json(json).get(0).get("Plan"));
            PLANS.put(
                name,
                String.join(
                    "\n",
                    h.createQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE generic(" + values + ")")
                        .mapTo(String.class)
                        .list()));
            return indexes;
          } finally {
            h.execute("DEALLOCATE generic");
          }
        });
  }

  /**
   * Asserts that no node of {@code plan} reads products sequentially, and returns the indexes of
   * products and of search words it reads.
   */
  private static List<String> indexesReadingProducts(String name, JsonNode plan) {
    List<JsonNode> productScans = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    collect(plan, productScans, indexes);
    assertThat(productScans)
        .as("%s reads products", name)
        .isNotEmpty()
        .allSatisfy(
            node ->
                assertThat(node.get("Node Type").asText())
                    .as("%s: a scan of products", name)
                    .isNotEqualTo("Seq Scan"));
    return indexes.stream().distinct().toList();
  }

  /** The node types that read {@code relation} in the plan of {@code statement}. */
  private static List<String> scansOf(String relation, ProductSql.Statement statement) {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL pg_trgm.word_similarity_threshold = " + ProductSql.FUZZY_THRESHOLD);
          List<String> scans = new ArrayList<>();
          collectScans(
              plan(h, "EXPLAIN (FORMAT JSON) ", statement).get(0).get("Plan"), relation, scans);
          return scans;
        });
  }

  private static void collectScans(JsonNode node, String relation, List<String> scans) {
    if (relation.equals(node.path("Relation Name").asText())) {
      scans.add(node.get("Node Type").asText());
    }
    for (JsonNode child : node.path("Plans")) {
      collectScans(child, relation, scans);
    }
  }

  private static JsonNode plan(Handle h, String explain, ProductSql.Statement statement) {
    String json =
        h.createQuery(explain + statement.sql())
            .bindMap(statement.params())
            .mapTo(String.class)
            .one();
    return json(json);
  }

  private static JsonNode json(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nodes that read products, and the products and search indexes any node reads. */
  private static void collect(JsonNode node, List<JsonNode> productScans, List<String> indexes) {
    if ("products".equals(node.path("Relation Name").asText())) {
      productScans.add(node);
    }
    String index = node.path("Index Name").asText();
    if (index.startsWith("products_") || index.startsWith("search_")) {
      indexes.add(index);
    }
    for (JsonNode child : node.path("Plans")) {
      collect(child, productScans, indexes);
    }
  }

  /** The uuid PostgreSQL makes of {@code md5(text)::uuid}, as the generated rows use. */
  private static UUID md5Uuid(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(digest);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = CatalogPlansIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
