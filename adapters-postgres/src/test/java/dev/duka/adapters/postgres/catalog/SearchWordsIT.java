package dev.duka.adapters.postgres.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.AtOnce;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.testing.CatalogFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code search_postings} and {@code search_words} (migration V5) against the products they index,
 * after every kind of write, and searches read through them against the same searches read through
 * the products' GIN and trigram indexes.
 */
class SearchWordsIT {
  /** Words of the generated names: some begin others, one has a hyphen, two are numbers. */
  private static final List<String> VOCABULARY =
      List.of(
          "kanga",
          "kangaroo",
          "kitenge",
          "kiti",
          "simu",
          "simulizi",
          "sim",
          "chai",
          "chaja",
          "chaji",
          "wi-fi",
          "router",
          "bora",
          "nyekundu",
          "nyeusi",
          "ya",
          "pwani",
          "17",
          "2024",
          "mtoto",
          "watoto",
          "jiko",
          "gesi",
          "sufuria",
          "taa",
          "sola");

  private static final List<String> BRANDS = List.of("Tecno", "Bora Home", "Pwani", "Anker", "");

  private static PostgresDatabase database;
  private static Jdbi jdbi;
  private static JdbiProductRepository products;
  private static Category shown;
  private static Category hidden;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    jdbi = database.jdbi();
    products = new JdbiProductRepository(jdbi);
    JdbiCategoryRepository categories = new JdbiCategoryRepository(jdbi);
    shown = CatalogFixtures.aCategory("Searched");
    hidden = CatalogFixtures.aCategory("Searched hidden", shown.id(), false);
    categories.insert(shown);
    categories.insert(hidden);
    // one statement (the statement trigger): names of two to four words of the vocabulary, brands,
    // descriptions with a word of it, a share inactive, a share in a hidden category
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO products (id, sku, slug, name, description, brand, category_id,"
                        + " price_minor, currency, stock, active, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), 'S-' || g, 'searched-' || g,"
                        + " initcap(array_to_string(ARRAY(SELECT (:vocabulary)[1 + (g * k * 7 + k"
                        + " + g / 5) % cardinality(:vocabulary)] FROM generate_series(1,"
                        + " 2 + g % 3) k), ' ')), 'Made with ' || (:vocabulary)[1 + g % 11],"
                        + " (:brands)[1 + g % cardinality(:brands)],"
                        + " CASE WHEN g % 17 = 0 THEN :hidden ELSE :shown END, 1000 + g, 'TZS', 5,"
                        + " g % 13 <> 0, now() - g * interval '1 minute', now()"
                        + " FROM generate_series(1, 1500) g")
                .bind("vocabulary", VOCABULARY.toArray(String[]::new))
                .bind("brands", BRANDS.toArray(String[]::new))
                .bind("shown", shown.id().value())
                .bind("hidden", hidden.id().value())
                .execute());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void onlySearchesForPlainWordsWithoutFiltersAreReadThroughTheWords() {
    for (String plain : List.of("simu", "Kanga bora", " jiko  gesi 17 ", "iPhone15")) {
      assertThat(ProductSql.isByWords(SearchText.of(plain), ProductQuery.all())).isTrue();
    }
    for (String other :
        List.of("simu or chai", "\"kanga bora\"", "kanga -nyekundu", "wi-fi", "café", "1.5")) {
      assertThat(ProductSql.isByWords(SearchText.of(other), ProductQuery.all()))
          .as(other)
          .isFalse();
    }
    ProductQuery filtered = ProductQuery.builder().category(shown.id()).build();
    assertThat(ProductSql.isByWords(SearchText.of("simu"), filtered)).isFalse();
  }

  @Test
  void theWordsFollowEveryKindOfWrite() {
    assertWordsMatchTheProducts();
    Product one = CatalogFixtures.product(shown.id(), "Kanga Bora ya Pwani").brand("Tecno").build();
    products.insert(one);
    assertWordsMatchTheProducts();
    List<String> writes =
        List.of(
            "UPDATE products SET name = 'Kanga Nyekundu ya Pwani' WHERE id = :id",
            "UPDATE products SET brand = 'Anker' WHERE id = :id",
            "UPDATE products SET name = 'Chaja ya Simu', brand = 'Chaja' WHERE id = :id",
            "UPDATE products SET description = 'Kitenge kipya' WHERE id = :id",
            "UPDATE products SET stock = stock + 1, price_minor = 5 WHERE id = :id",
            "UPDATE products SET active = false WHERE id = :id",
            "UPDATE products SET name = name WHERE id = :id",
            "UPDATE products SET name = 'Router Wi-Fi 2024' WHERE name ILIKE '%jiko%' AND id <> :id",
            "UPDATE products SET brand = '' WHERE brand = 'Pwani' AND id <> :id",
            "DELETE FROM products WHERE id = :id",
            "DELETE FROM products WHERE name ILIKE 'sola%' AND id <> :id");
    for (String write : writes) {
      jdbi.useHandle(h -> h.createUpdate(write).bind("id", one.id().value()).execute());
      assertThat(wordsDifferingFromProducts()).as("after %s", write).isEmpty();
    }
  }

  @Test
  void productsRenamedAtOnceBetweenTheSameWordsAreAllCounted() throws Exception {
    List<Product> renamed = new ArrayList<>();
    for (String name : List.of("Alfa Beta Gamma", "Gamma Beta Alfa")) {
      Product product = CatalogFixtures.product(shown.id(), name).build();
      products.insert(product);
      renamed.add(product);
    }
    // each gains and loses words that the other loses and gains, in its own transaction
    List<Integer> done =
        AtOnce.repeat(
            renamed,
            100,
            product ->
                jdbi.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE products SET name = CASE WHEN name LIKE 'Alfa%'"
                                    + " THEN 'Delta Beta Epsilon' WHEN name LIKE 'Delta%'"
                                    + " THEN 'Alfa Beta Gamma' WHEN name LIKE 'Gamma%'"
                                    + " THEN 'Epsilon Zeta Alfa' ELSE 'Gamma Beta Alfa'"
                                    + " END WHERE id = :id")
                            .bind("id", product.id().value())
                            .execute()));
    assertThat(done).containsOnly(100);
    assertWordsMatchTheProducts();
  }

  @Test
  void aSearchThroughTheWordsFindsWhatTheProductIndexesFind() {
    Random random = new Random(23);
    int compared = 0;
    int bounded = 0;
    int typos = 0;
    for (int i = 0; i < 400; i++) {
      SearchText text = SearchText.of(randomQuery(random));
      PageRequest page = new PageRequest(1 + random.nextInt(3), 1 + random.nextInt(30));
      assertThat(ProductSql.isByWords(text, ProductQuery.all())).as(text.value()).isTrue();
      Found byWords = found(ProductSql.searchByWords(text, ProductQuery.all(), page));
      Found byIndexes = found(ProductSql.searchByIndexes(text, ProductQuery.all(), page));
      if (wordMatches(text) >= ProductRepository.FUZZY_BELOW) {
        if (byIndexes.total() < ProductRepository.SEARCH_CANDIDATES) {
          assertThat(byWords).as("search %s, page %s", text, page).isEqualTo(byIndexes);
          compared++;
        } else {
          // bounded: as many candidates, maybe other ones
          assertThat(byWords.total()).as("total of %s", text).isEqualTo(byIndexes.total());
          bounded++;
        }
      } else {
        // typos: the products with a known word similar to a query word; all of them are
        // similar to the query (a similarity across two words of a name is not looked for)
        List<UUID> allByIndexes = allIds(text, false);
        if (allByIndexes.size() < ProductRepository.SEARCH_CANDIDATES) {
          assertThat(allByIndexes).as("typo search %s", text).containsAll(allIds(text, true));
          typos++;
        }
      }
    }
    // the random queries reach each case often
    assertThat(compared).isGreaterThan(75);
    assertThat(bounded).isGreaterThan(10);
    assertThat(typos).isGreaterThan(50);
  }

  /** Every product a search finds, page after page. */
  private static List<UUID> allIds(SearchText text, boolean byWords) {
    List<UUID> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
      Found found =
          found(
              byWords
                  ? ProductSql.searchByWords(text, ProductQuery.all(), request)
                  : ProductSql.searchByIndexes(text, ProductQuery.all(), request));
      ids.addAll(found.ids());
      if (ids.size() >= found.total() || found.ids().isEmpty()) {
        assertThat(ids).hasSize((int) found.total());
        return ids;
      }
    }
  }

  /**
   * One to three words: a whole word of the vocabulary, a word's beginning, a word with a letter
   * changed, or letters that begin no word.
   */
  private static String randomQuery(Random random) {
    List<String> words = new ArrayList<>();
    for (int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1); n > 0; n--) {
      String word = VOCABULARY.get(random.nextInt(VOCABULARY.size())).replace("-", "");
      words.add(
          switch (random.nextInt(4)) {
            case 0 -> word;
            case 1 -> word.substring(0, 1 + random.nextInt(word.length()));
            case 2 -> word.length() < 4 ? word : word.substring(0, 2) + "x" + word.substring(3);
            default -> "q" + word;
          });
    }
    return String.join(" ", words);
  }

  private record Found(long total, List<UUID> ids, List<Double> scores) {}

  /** The total, page and scores a search statement gives, with the typo threshold set. */
  private static Found found(ProductSql.Statement statement) {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL pg_trgm.word_similarity_threshold = " + ProductSql.FUZZY_THRESHOLD);
          long[] total = {0};
          List<UUID> ids = new ArrayList<>();
          List<Double> scores = new ArrayList<>();
          h.createQuery(statement.sql())
              .bindMap(statement.params())
              .map(
                  (rs, ctx) -> {
                    total[0] = rs.getLong("total");
                    UUID id = rs.getObject("id", UUID.class);
                    if (id != null) {
                      ids.add(id);
                      scores.add(rs.getDouble("score"));
                    }
                    return id;
                  })
              .list();
          return new Found(total[0], ids, scores);
        });
  }

  /** How many visible products have every word of {@code text} as a prefix of one of theirs. */
  private static long wordMatches(SearchText text) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id"
                        + " WHERE p.active AND c.active AND p.search @@ to_tsquery('simple',"
                        + " array_to_string(ARRAY(SELECT quote_literal(w) || ':*'"
                        + " FROM unnest(string_to_array(:term, ' ')) w), ' & '))")
                .bind("term", text.fuzzyTerm())
                .mapTo(Long.class)
                .one());
  }

  private static void assertWordsMatchTheProducts() {
    assertThat(wordsDifferingFromProducts()).isEmpty();
    // and the words are not trivially empty
    long words =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM search_words WHERE products > 0")
                    .mapTo(Long.class)
                    .one());
    assertThat(words).isGreaterThan(VOCABULARY.size());
  }

  /**
   * The postings and word counts that differ from the lexemes of the products' names and brands,
   * worked out afresh (none, when right).
   */
  private static List<String> wordsDifferingFromProducts() {
    return jdbi.withHandle(SearchWordsIT::differences);
  }

  private static List<String> differences(Handle h) {
    String lexemes =
        "SELECT DISTINCT w.lexeme AS word, p.id FROM products p,"
            + " unnest(to_tsvector('simple', p.name) || to_tsvector('simple', p.brand)) w";
    List<String> differences = new ArrayList<>();
    differences.addAll(
        h.createQuery(
                "SELECT coalesce(s.word, l.word) || ' of ' || coalesce(s.product_id, l.id)"
                    + " || CASE WHEN s.word IS NULL THEN ' missing' ELSE ' extra' END"
                    + " FROM search_postings s FULL JOIN ("
                    + lexemes
                    + ") l ON l.word = s.word AND l.id = s.product_id"
                    + " WHERE s.word IS NULL OR l.word IS NULL")
            .mapTo(String.class)
            .list());
    differences.addAll(
        h.createQuery(
                "SELECT coalesce(v.word, l.word) || ': ' || coalesce(v.products, 0)"
                    + " || ' counted, ' || coalesce(l.products, 0) || ' stored'"
                    + " FROM search_words v FULL JOIN (SELECT word, count(*) AS products FROM ("
                    + lexemes
                    + ") x GROUP BY word) l ON l.word = v.word"
                    + " WHERE coalesce(v.products, 0) <> coalesce(l.products, 0)")
            .mapTo(String.class)
            .list());
    return new ArrayList<>(new HashSet<>(differences));
  }
}
