package dev.duka.domain.testing;

import static dev.duka.domain.testing.CatalogFixtures.aCategory;
import static dev.duka.domain.testing.CatalogFixtures.aProduct;
import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the catalog's repositories promise together. Each test makes its own categories and
 * products, so implementations may share one store across tests.
 */
public abstract class CatalogContract {

  protected abstract CategoryRepository categories();

  protected abstract ProductRepository products();

  private Category stored(Category category) {
    categories().insert(category);
    return category;
  }

  private Product stored(Product product) {
    products().insert(product);
    return product;
  }

  @Test
  void findsAStoredCategory() {
    Category shoes = stored(aCategory("Shoes"));

    Category found = categories().findById(shoes.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Shoes");
    assertThat(found.slug()).isEqualTo(shoes.slug());
    assertThat(found.parentId()).isEmpty();
    assertThat(found.active()).isTrue();
  }

  @Test
  void listsParentsBeforeTheirChildren() {
    Category parent = stored(aCategory("Parent"));
    Category child = stored(aCategory("Child", parent.id(), true));

    List<Category> all = categories().findAll();
    assertThat(all).extracting(Category::id).contains(parent.id(), child.id());
    assertThat(all.stream().map(Category::id).toList().indexOf(parent.id()))
        .isLessThan(all.stream().map(Category::id).toList().indexOf(child.id()));
  }

  @Test
  void refusesATakenCategorySlug() {
    Category first = stored(aCategory("Kitchen"));
    Category copy =
        new Category(
            new dev.duka.domain.catalog.CategoryId(UUID.randomUUID()),
            null,
            "Kitchen again",
            first.slug(),
            "",
            true,
            0);

    assertThatThrownBy(() -> categories().insert(copy))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));
  }

  @Test
  void updatesACategory() {
    Category old = stored(aCategory("Toys"));
    Category renamed =
        new Category(
            old.id(), null, "Games", Slug.from("games " + UUID.randomUUID(), "x"), "fun", false, 3);

    categories().update(renamed);

    Category found = categories().findById(old.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Games");
    assertThat(found.active()).isFalse();
    assertThat(found.sortOrder()).isEqualTo(3);
    assertThat(found.description()).isEqualTo("fun");
  }

  @Test
  void deletesOnlyAnEmptyLeafCategory() {
    Category parent = stored(aCategory("Garden"));
    Category child = stored(aCategory("Seeds", parent.id(), true));
    stored(aProduct(child.id(), "Maize seeds", tzs("3000.00"), 5));
    Category empty = stored(aCategory("Empty"));

    assertThatThrownBy(() -> categories().delete(parent.id()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> categories().delete(child.id())).isInstanceOf(ConflictException.class);
    categories().delete(empty.id());
    assertThat(categories().findById(empty.id())).isEmpty();
  }

  @Test
  void findsAStoredProductWithItsInitialStockInTheLedger() {
    Category mugs = stored(aCategory("Mugs"));
    Product mug = stored(aProduct(mugs.id(), "Mug", tzs("7500.00"), 12));

    Product found = products().findById(mug.id()).orElseThrow();
    assertThat(found).isEqualTo(mug);
    assertThat(products().existsBySku(mug.sku())).isTrue();
    assertThat(products().movementsOf(mug.id()))
        .singleElement()
        .satisfies(m -> assertThat(m.delta()).isEqualTo(12));
  }

  @Test
  void refusesATakenSkuOrSlug() {
    Category c = stored(aCategory("Hats"));
    Product hat = stored(aProduct(c.id(), "Hat", tzs("1.00"), 0));
    Product sameSku = aProduct(c.id(), "Other hat", hat.sku(), tzs("1.00"), 0, true);
    Product sameSlug =
        new Product(
            new ProductId(UUID.randomUUID()),
            dev.duka.domain.catalog.Sku.of("S-" + UUID.randomUUID().toString().substring(0, 8)),
            hat.slug(),
            "Hat",
            "",
            "",
            c.id(),
            tzs("1.00"),
            0,
            true,
            hat.createdBy(),
            hat.updatedBy(),
            hat.createdAt(),
            hat.updatedAt());

    assertThatThrownBy(() -> products().insert(sameSku))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("sku"));
    assertThatThrownBy(() -> products().insert(sameSlug))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));
  }

  @Test
  void refusesAProductInAMissingCategory() {
    Product orphan =
        aProduct(
            new dev.duka.domain.catalog.CategoryId(UUID.randomUUID()), "Orphan", tzs("1.00"), 0);

    assertThatThrownBy(() -> products().insert(orphan)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void pricesProductsAsActiveOnlyWhenTheirCategoryIsActiveToo() {
    Category open = stored(aCategory("Open"));
    Category closed = stored(aCategory("Closed", null, false));
    Product sold = stored(aProduct(open.id(), "Sold", tzs("10.00"), 3));
    Product hidden = stored(aProduct(closed.id(), "Hidden", tzs("10.00"), 3));
    Product retired =
        stored(
            aProduct(
                open.id(),
                "Retired",
                dev.duka.domain.catalog.Sku.of("R-" + UUID.randomUUID().toString().substring(0, 8)),
                tzs("10.00"),
                3,
                false));
    ProductId unknown = new ProductId(UUID.randomUUID());

    Map<ProductId, ProductSnapshot> priced =
        products().findForPricing(List.of(sold.id(), hidden.id(), retired.id(), unknown));

    assertThat(priced).doesNotContainKey(unknown);
    assertThat(priced.get(sold.id()).active()).isTrue();
    assertThat(priced.get(sold.id()).unitPrice()).isEqualTo(tzs("10.00"));
    assertThat(priced.get(sold.id()).stock()).isEqualTo(3);
    assertThat(priced.get(hidden.id()).active()).isFalse();
    assertThat(priced.get(retired.id()).active()).isFalse();
  }

  @Test
  void takesStockOnlyWhileEnoughIsLeft() {
    Category c = stored(aCategory("Bolts"));
    Product bolt = stored(aProduct(c.id(), "Bolt", tzs("1.00"), 5));

    assertThat(products().applyStockMovement(take(bolt, 3))).isEqualTo(OptionalInt.of(2));
    assertThat(products().applyStockMovement(take(bolt, 3))).isEmpty();
    assertThat(products().findById(bolt.id()).orElseThrow().stock()).isEqualTo(2);
    assertThat(
            products()
                .applyStockMovement(
                    new StockMovement(bolt.id(), 4, "restock", CatalogFixtures.CREATED)))
        .isEqualTo(OptionalInt.of(6));
    assertThat(products().movementsOf(bolt.id()).stream().mapToInt(StockMovement::delta).sum())
        .isEqualTo(6);
  }

  @Test
  void refusesStockMovementsOfAMissingProduct() {
    assertThatThrownBy(
            () ->
                products()
                    .applyStockMovement(
                        new StockMovement(
                            new ProductId(UUID.randomUUID()), -1, "x", CatalogFixtures.CREATED)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void neverOversellsUnderConcurrentTakes() throws Exception {
    Category c = stored(aCategory("Limited"));
    Product limited = stored(aProduct(c.id(), "Limited", tzs("1.00"), 10));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<OptionalInt>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(pool.submit(() -> products().applyStockMovement(take(limited, 1))));
      }
      int taken = 0;
      for (Future<OptionalInt> result : results) {
        taken += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(taken).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
    assertThat(products().findById(limited.id()).orElseThrow().stock()).isZero();
    assertThat(products().movementsOf(limited.id()).stream().mapToInt(StockMovement::delta).sum())
        .isZero();
  }

  private static StockMovement take(Product product, int quantity) {
    return new StockMovement(product.id(), -quantity, "test", CatalogFixtures.CREATED);
  }
}
