package dev.duka.adapters.postgres.catalog;

import static dev.duka.domain.testing.CatalogFixtures.aCategory;
import static dev.duka.domain.testing.CatalogFixtures.aProduct;
import static dev.duka.domain.testing.CatalogFixtures.product;
import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.testing.CatalogFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the catalog's SQL does beyond the shared contract: transactions, races, search syntax. */
class JdbiCatalogSqlIT {
  private static PostgresDatabase database;
  private static Jdbi jdbi;
  private static JdbiCategoryRepository categories;
  private static JdbiProductRepository products;
  private static JdbiTransactions transactions;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    jdbi = database.jdbi();
    categories = new JdbiCategoryRepository(jdbi);
    products = new JdbiProductRepository(jdbi);
    transactions = new JdbiTransactions(jdbi);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static Category storedCategory(String name) {
    Category category = aCategory(name);
    categories.insert(category);
    return category;
  }

  private static Product stored(Product product) {
    products.insert(product);
    return product;
  }

  @Test
  void aTakenSkuLeavesTheTransactionUsableForAnotherTry() {
    Category c = storedCategory("Retries");
    Product first = stored(aProduct(c.id(), "First", tzs("1.00"), 1));
    Product clash = aProduct(c.id(), "Clash", first.sku(), tzs("1.00"), 1, true);
    Product retry = aProduct(c.id(), "Retry", tzs("1.00"), 2);

    transactions.run(
        () -> {
          assertThatThrownBy(() -> products.insert(clash)).isInstanceOf(DuplicateException.class);
          products.insert(retry);
        });

    assertThat(products.findById(retry.id())).isPresent();
    assertThat(products.movementsOf(retry.id())).hasSize(1);
    assertThat(products.findById(clash.id())).isEmpty();
  }

  @Test
  void twoOppositeMovesAtOnceNeverMakeALoop() throws Exception {
    Category a = storedCategory("Left");
    Category b = storedCategory("Right");
    CyclicBarrier together = new CyclicBarrier(2);

    CompletableFuture<Optional<RuntimeException>> aUnderB =
        CompletableFuture.supplyAsync(() -> move(a, b, together));
    CompletableFuture<Optional<RuntimeException>> bUnderA =
        CompletableFuture.supplyAsync(() -> move(b, a, together));
    List<Optional<RuntimeException>> outcomes =
        List.of(aUnderB.get(30, TimeUnit.SECONDS), bUnderA.get(30, TimeUnit.SECONDS));

    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
    assertThat(outcomes)
        .filteredOn(Optional::isPresent)
        .singleElement()
        .satisfies(failure -> assertThat(failure.get()).isInstanceOf(ConflictException.class));
    boolean aHasParent = categories.findById(a.id()).orElseThrow().parentId().isPresent();
    boolean bHasParent = categories.findById(b.id()).orElseThrow().parentId().isPresent();
    assertThat(aHasParent).isNotEqualTo(bHasParent);
  }

  /** Moves {@code child} under {@code parent} in a transaction, together with the other move. */
  private static Optional<RuntimeException> move(
      Category child, Category parent, CyclicBarrier together) {
    try {
      transactions.run(
          () -> {
            await(together);
            categories.update(child.edited(parent.id(), child.name(), child.slug(), "", true, 0));
          });
      return Optional.empty();
    } catch (RuntimeException failure) {
      return Optional.of(failure);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void searchUnderstandsOrAndQuotedPhrases() {
    Category c = storedCategory("Syntax");
    Product kanga = stored(product(c.id(), "Kanga ya pwani").createdMinutesLater(1).build());
    Product kitenge = stored(product(c.id(), "Kitenge cha Ankara").createdMinutesLater(2).build());
    stored(product(c.id(), "Sufuria").createdMinutesLater(3).build());
    ProductQuery here = ProductQuery.builder().category(c.id()).build();

    assertThat(search("kanga or kitenge", here).items()).containsExactlyInAnyOrder(kanga, kitenge);
    assertThat(search("\"ya pwani\"", here).items()).containsExactly(kanga);
    assertThat(search("\"pwani ya\"", here).items())
        .as("a phrase keeps its order; trigram matching may add only similar names")
        .doesNotContain(kitenge);
  }

  @Test
  void aBroadSearchStillRanksEveryNameMatchFirst() {
    Category c = storedCategory("Broad");
    int many = ProductRepository.SEARCH_CANDIDATES + 100;
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO products (id, sku, slug, name, description, brand, category_id,"
                    + " price_minor, currency, stock, active, created_at, updated_at)"
                    + " SELECT gen_random_uuid(), 'BROAD-' || i, 'broad-' || i, 'Bidhaa ' || i,"
                    + " 'Imara sana, ubora wa juu', '', ?, 100, 'TZS', 0, true,"
                    + " now() + i * interval '1 second', now() + i * interval '1 second'"
                    + " FROM generate_series(1, ?) i",
                c.id().value(),
                many));
    Product named =
        stored(
            CatalogFixtures.product(c.id(), "Ubora Kanga")
                .createdMinutesLater(-60 * 24 * 365)
                .build());

    Page<Product> page =
        search("ubora", ProductQuery.builder().category(c.id()).build(), new PageRequest(1, 5));

    assertThat(page.items()).first().isEqualTo(named);
    assertThat(page.total())
        .as("only a bounded set of candidates is ranked")
        .isBetween(
            (long) ProductRepository.SEARCH_CANDIDATES, 2L * ProductRepository.SEARCH_CANDIDATES);
  }

  @Test
  void anEmptyPageBeyondTheLastStillCarriesTheTotal() {
    Category c = storedCategory("Beyond");
    List<Product> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(stored(product(c.id(), "Item " + i).createdMinutesLater(i).build()));
    }
    ProductQuery here = ProductQuery.builder().category(c.id()).build();

    Page<Product> listed = products.list(here, new PageRequest(5, 2));
    Page<Product> searched = search("item", here, new PageRequest(5, 2));

    assertThat(listed.items()).isEmpty();
    assertThat(listed.total()).isEqualTo(3);
    assertThat(searched.items()).isEmpty();
    assertThat(searched.total()).isEqualTo(3);
  }

  @Test
  void stockNeverOverflowsAnInteger() {
    Category c = storedCategory("Huge");
    Product huge = stored(aProduct(c.id(), "Huge", tzs("1.00"), Integer.MAX_VALUE - 10));

    assertThat(
            products.applyStockMovement(
                new StockMovement(huge.id(), 11, "too much", CatalogFixtures.CREATED)))
        .isEmpty();
    assertThat(products.findById(huge.id()).orElseThrow().stock())
        .isEqualTo(Integer.MAX_VALUE - 10);
  }

  private static Page<Product> search(String text, ProductQuery filters) {
    return search(text, filters, new PageRequest(1, 100));
  }

  private static Page<Product> search(String text, ProductQuery filters, PageRequest page) {
    return products.search(SearchText.of(text), filters, page);
  }
}
