package dev.duka.adapters.postgres.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.AtOnce;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.ProductSort;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.money.Money;
import dev.duka.domain.testing.CatalogFixtures;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code product_counts} (migration V4) against the products it counts, after every kind of write,
 * and the listings built on it against an exact count and sort of the same products.
 */
class ListingCountsIT {
  private static final Currency TZS = Currency.getInstance("TZS");
  private static final Currency USD = Currency.getInstance("USD");

  private static PostgresDatabase database;
  private static Jdbi jdbi;
  private static JdbiCategoryRepository categories;
  private static JdbiProductRepository products;

  /** root → (middle → (leaf a, leaf b), leaf c), and a hidden leaf under the root. */
  private static Category root;

  private static Category middle;
  private static final List<Category> LEAVES = new ArrayList<>();
  private static Category hidden;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    jdbi = database.jdbi();
    categories = new JdbiCategoryRepository(jdbi);
    products = new JdbiProductRepository(jdbi);
    root = stored(CatalogFixtures.aCategory("Counted root"));
    middle = stored(CatalogFixtures.aCategory("Counted middle", root.id(), true));
    LEAVES.add(stored(CatalogFixtures.aCategory("Counted a", middle.id(), true)));
    LEAVES.add(stored(CatalogFixtures.aCategory("Counted b", middle.id(), true)));
    LEAVES.add(stored(CatalogFixtures.aCategory("Counted c", root.id(), true)));
    hidden = stored(CatalogFixtures.aCategory("Counted hidden", root.id(), false));
    // one statement (the statement trigger): prices from 0 to about 10^9, bucket bounds among them,
    // a share in USD, a share inactive, leaf a much larger than the others
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO products (id, sku, slug, name, category_id, price_minor, currency,"
                        + " stock, active, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), 'C-' || g, 'counted-' || g, 'Counted ' || g,"
                        + " (ARRAY[:a, :a, :a, :a, :a, :a, :b, :c, :hidden])[1 + g % 9],"
                        + " CASE WHEN g % 11 = 0 THEN (10::bigint ^ (g % 10))::bigint"
                        + " ELSE (exp(random() * 21))::bigint END,"
                        + " CASE WHEN g % 7 = 0 THEN 'USD' ELSE 'TZS' END, 5, g % 13 <> 0,"
                        + " now() - g * interval '1 minute', now()"
                        + " FROM generate_series(1, 3000) g")
                .bind("a", LEAVES.get(0).id().value())
                .bind("b", LEAVES.get(1).id().value())
                .bind("c", LEAVES.get(2).id().value())
                .bind("hidden", hidden.id().value())
                .execute());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static Category stored(Category category) {
    categories.insert(category);
    return category;
  }

  @Test
  void theDatabaseFloorsPricesAsTheRepositoryDoes() {
    Random random = new Random(7);
    List<Long> prices = new ArrayList<>(List.of(0L, 1L, 99L, 100L, 109L, 110L, 999L, 1_000L));
    long power = 1;
    for (int digits = 0; digits < 19; digits++) {
      prices.add(power - 1);
      prices.add(power);
      prices.add(power + 1);
      power = digits < 18 ? power * 10 : power;
    }
    prices.add(Long.MAX_VALUE);
    for (int i = 0; i < 500; i++) {
      prices.add((long) Math.exp(random.nextDouble() * 43));
    }
    List<Long> floors =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT product_price_floor(p) FROM unnest(:prices) WITH ORDINALITY"
                            + " AS t(p, n) ORDER BY n")
                    .bind("prices", prices.toArray(Long[]::new))
                    .mapTo(Long.class)
                    .list());

    assertThat(floors).isEqualTo(prices.stream().map(PriceBuckets::floor).toList());
  }

  @Test
  void theCountsFollowEveryKindOfWrite() {
    assertCountsMatchTheProducts();
    Product one =
        CatalogFixtures.product(LEAVES.get(1).id(), "Moved about")
            .price(Money.of(12_345_678, TZS))
            .build();
    products.insert(one);
    assertCountsMatchTheProducts();

    List<String> writes =
        List.of(
            "UPDATE products SET price_minor = 99 WHERE id = :id",
            "UPDATE products SET price_minor = 130000000 WHERE id = :id",
            "UPDATE products SET category_id = :c WHERE id = :id",
            "UPDATE products SET currency = 'USD' WHERE id = :id",
            "UPDATE products SET active = false WHERE id = :id",
            "UPDATE products SET price_minor = 5, category_id = :b WHERE id = :id",
            "UPDATE products SET active = true, currency = 'TZS' WHERE id = :id",
            "UPDATE products SET stock = stock + 1, price_minor = price_minor WHERE id = :id",
            "UPDATE products SET price_minor = price_minor + 1 WHERE category_id = :c",
            "UPDATE products SET active = NOT active WHERE category_id = :b AND stock > 0",
            "DELETE FROM products WHERE id = :id",
            "DELETE FROM products WHERE category_id = :c AND price_minor < 1000");
    for (String write : writes) {
      jdbi.useHandle(
          h ->
              h.createUpdate(write)
                  .bind("id", one.id().value())
                  .bind("b", LEAVES.get(1).id().value())
                  .bind("c", LEAVES.get(2).id().value())
                  .execute());
      assertThat(countsDifferingFromProducts()).as("after %s", write).isEmpty();
    }
  }

  @Test
  void productsMovingBetweenTheSameTwoBucketsAtOnceAreAllCounted() throws Exception {
    List<Product> movers =
        List.of(inserted(LEAVES.get(0).id(), 1_000_000), inserted(LEAVES.get(1).id(), 2_000_000));
    // the two swap places again and again, in opposite directions, each in its transaction
    List<Integer> moved =
        AtOnce.repeat(
            movers,
            100,
            mover ->
                jdbi.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE products SET price_minor = CASE"
                                    + " WHEN price_minor = 1000000 THEN 2000000"
                                    + " ELSE 1000000 END,"
                                    + " category_id = CASE WHEN category_id = :a THEN :b"
                                    + " ELSE :a END WHERE id = :id")
                            .bind("id", mover.id().value())
                            .bind("a", LEAVES.get(0).id().value())
                            .bind("b", LEAVES.get(1).id().value())
                            .execute()));
    assertThat(moved).containsOnly(100);
    assertCountsMatchTheProducts();
  }

  @Test
  void everyCountedListingHasTheExactTotalAndPage() {
    assertCountsMatchTheProducts();
    Random random = new Random(11);
    List<CategoryId> scopes =
        List.of(root.id(), middle.id(), LEAVES.get(0).id(), LEAVES.get(2).id(), hidden.id());
    List<ProductSort> sorts =
        List.of(ProductSort.NEWEST, ProductSort.PRICE_ASC, ProductSort.PRICE_DESC);
    for (int i = 0; i < 300; i++) {
      CategoryId scope = scopes.get(random.nextInt(scopes.size()));
      ProductQuery.Builder query = ProductQuery.builder().category(scope);
      query.sort(sorts.get(random.nextInt(sorts.size())));
      Currency currency = random.nextInt(4) == 0 ? USD : TZS;
      long low = (long) Math.exp(random.nextDouble() * 21);
      long high = low + (long) (low * random.nextDouble() * (random.nextBoolean() ? 0.05 : 50));
      switch (random.nextInt(4)) {
        case 0 -> {}
        case 1 -> query.minPrice(Money.of(low, currency));
        case 2 -> query.maxPrice(Money.of(high, currency));
        default -> query.minPrice(Money.of(low, currency)).maxPrice(Money.of(high, currency));
      }
      ProductQuery built = query.build();
      PageRequest page = new PageRequest(1 + random.nextInt(4), 1 + random.nextInt(30));

      Page<Product> listed = products.list(built, page);

      assertThat(ProductSql.list(built, page).sql()).contains("product_counts");
      Exact exact = exact(built, page);
      assertThat(listed.total()).as("total of %s", describe(built)).isEqualTo(exact.total());
      assertThat(listed.items().stream().map(p -> p.id().value()).toList())
          .as("page %s of %s", page, describe(built))
          .isEqualTo(exact.page());
    }
  }

  private record Exact(long total, List<UUID> page) {}

  /** The listing worked out the plain way: every match counted, sorted and paged. */
  private static Exact exact(ProductQuery query, PageRequest page) {
    return jdbi.withHandle(
        h -> {
          String where =
              "p.active AND p.category_id IN (WITH RECURSIVE t(id) AS (SELECT id FROM categories"
                  + " WHERE id = :category AND active UNION SELECT c.id FROM categories c"
                  + " JOIN t ON c.parent_id = t.id WHERE c.active) SELECT id FROM t)"
                  + " AND (:currency::text IS NULL OR p.currency = :currency)"
                  + " AND p.price_minor BETWEEN :min AND :max";
          String order =
              switch (query.sort()) {
                case NEWEST -> "p.created_at DESC, p.id";
                case PRICE_ASC -> "p.price_minor, p.id";
                default -> "p.price_minor DESC, p.id DESC";
              };
          Map<String, Object> params =
              new java.util.HashMap<>(
                  Map.of(
                      "category", query.category().orElseThrow().value(),
                      "min", query.minPrice().map(Money::minor).orElse(0L),
                      "max", query.maxPrice().map(Money::minor).orElse(Long.MAX_VALUE)));
          params.put("currency", query.priceCurrency().map(Currency::getCurrencyCode).orElse(null));
          long total =
              h.createQuery("SELECT count(*) FROM products p WHERE " + where)
                  .bindMap(params)
                  .mapTo(Long.class)
                  .one();
          List<UUID> ids =
              h.createQuery(
                      "SELECT p.id FROM products p WHERE "
                          + where
                          + " ORDER BY "
                          + order
                          + " LIMIT :limit OFFSET :offset")
                  .bindMap(params)
                  .bind("limit", page.size())
                  .bind("offset", page.offset())
                  .mapTo(UUID.class)
                  .list();
          return new Exact(total, ids);
        });
  }

  private static String describe(ProductQuery query) {
    return query.category().orElseThrow()
        + " "
        + query.sort()
        + " "
        + query.minPrice().map(Money::toString).orElse("-")
        + " to "
        + query.maxPrice().map(Money::toString).orElse("-");
  }

  private static Product inserted(CategoryId category, long priceMinor) {
    Product product =
        CatalogFixtures.product(category, "Mover").price(Money.of(priceMinor, TZS)).build();
    products.insert(product);
    return product;
  }

  private static void assertCountsMatchTheProducts() {
    assertThat(countsDifferingFromProducts()).isEmpty();
    // and the counts are not trivially empty
    long keys =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM product_counts").mapTo(Long.class).one());
    assertThat(keys).isGreaterThan(100);
  }

  /** The keys whose count differs from a fresh count of the active products (none, when right). */
  private static List<String> countsDifferingFromProducts() {
    return jdbi.withHandle(ListingCountsIT::differences);
  }

  private static List<String> differences(Handle h) {
    return h.createQuery(
            "SELECT coalesce(c.category_id, p.category_id) || ' ' || coalesce(c.currency, p.currency)"
                + " || ' ' || coalesce(c.price_floor, p.price_floor) || ': '"
                + " || coalesce(c.products, 0) || ' counted, ' || coalesce(p.products, 0) || ' stored'"
                + " FROM product_counts c FULL JOIN (SELECT category_id, currency,"
                + " product_price_floor(price_minor) AS price_floor, count(*) AS products"
                + " FROM products WHERE active GROUP BY 1, 2, 3) p"
                + " USING (category_id, currency, price_floor)"
                + " WHERE coalesce(c.products, 0) <> coalesce(p.products, 0)")
        .mapTo(String.class)
        .list();
  }
}
