package dev.duka.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BenchCatalogTest {
  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
  private final BenchCatalog catalog = new BenchCatalog(10_000, NOW);

  @Test
  void drawsTheSameProductForTheSameNumber() {
    assertThat(new BenchCatalog(10_000, NOW).product(4_321)).isEqualTo(catalog.product(4_321));
  }

  @Test
  void numbersOrderableProductsWithoutGapsSkippingEveryTenth() {
    Set<Long> seen = new HashSet<>();
    for (long k = 1; k <= BenchCatalog.orderableCount(10_000); k++) {
      long n = BenchCatalog.orderable(k);
      assertThat(BenchCatalog.isOrderable(n)).isTrue();
      assertThat(n).isBetween(1L, 10_000L);
      seen.add(n);
    }
    assertThat(seen).hasSize(9_000);
  }

  @Test
  void makesOrderableProductsVisibleAndWellStocked() {
    BenchCatalog.ProductSeed orderable = catalog.product(BenchCatalog.orderable(17));
    assertThat(orderable.active()).isTrue();
    assertThat(orderable.stock()).isBetween(200, 999);
    assertThat(catalog.product(50).active()).isFalse();
    assertThat(catalog.product(30).stock()).isZero();
  }

  @Test
  void givesEveryProductAValidUniqueSkuAndSlug() {
    Set<String> skus = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (long n = 1; n <= 2_000; n++) {
      BenchCatalog.ProductSeed p = catalog.product(n);
      skus.add(new Sku(p.sku()).value());
      slugs.add(new Slug(p.slug()).value());
      assertThat(p.name()).startsWith(p.brand());
      assertThat(p.description()).hasSizeGreaterThan(100);
      assertThat(p.priceMinor()).isPositive();
    }
    assertThat(skus).hasSize(2_000);
    assertThat(slugs).hasSize(2_000);
  }

  @Test
  void buildsAThreeLevelTreeOfAboutAHundredCategories() {
    List<BenchCatalog.CategorySeed> tree = catalog.categories();
    assertThat(tree).hasSizeBetween(80, 150);
    assertThat(tree.stream().filter(c -> c.parent() == 0)).hasSize(10);
    tree.forEach(c -> assertThat(c.parent()).isLessThan(c.number()));
    assertThat(BenchCatalog.brandCount()).isGreaterThan(250);
  }

  @Test
  void drawsSearchQueriesFromNamesOneInFiveWithATypo() {
    Set<String> vocabulary = new HashSet<>();
    for (long n = 1; n <= 10_000; n++) {
      vocabulary.addAll(BenchSearchTerms.words(catalog.product(n).name()));
    }
    List<String> queries = BenchSearchTerms.draw(catalog, 10_000, 100);
    assertThat(queries).hasSize(100).allSatisfy(SearchText::of);
    for (int i = 0; i < queries.size(); i++) {
      boolean known = vocabulary.containsAll(List.of(queries.get(i).split(" ")));
      assertThat(known).as("query %d: %s", i, queries.get(i)).isEqualTo(i % 5 != 4 || known);
    }
    long typos =
        queries.stream().filter(q -> !vocabulary.containsAll(List.of(q.split(" ")))).count();
    assertThat(typos).isBetween(10L, 20L);
  }

  @Test
  void misspellsAWordByOneSlip() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      String typo = BenchSearchTerms.misspell("kitenge", random);
      assertThat(typo).isNotEqualTo("kitenge").startsWith("k");
      assertThat(Math.abs(typo.length() - "kitenge".length())).isLessThanOrEqualTo(1);
    }
  }
}
