package dev.duka.domain.testing;

import static dev.duka.domain.testing.CatalogFixtures.aCategory;
import static dev.duka.domain.testing.CatalogFixtures.aProduct;
import static dev.duka.domain.testing.CatalogFixtures.product;
import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.ProductSort;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** Makes an order line refer to the product, as placing an order would. */
  protected abstract void recordAnOrderOf(Product product);

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
  void pricesAProductUnderAnInactiveGrandparentAsInactive() {
    Category grandparent = stored(aCategory("Closed top", null, false));
    Category parent = stored(aCategory("Open middle", grandparent.id(), true));
    Product deep = stored(aProduct(parent.id(), "Deep", tzs("10.00"), 3));

    assertThat(products().findForPricing(List.of(deep.id())).get(deep.id()).active()).isFalse();
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

  // ---- editing ------------------------------------------------------------------------------

  @Test
  void refusesACategoryUnderAMissingParent() {
    Category orphan = aCategory("Orphan", new CategoryId(UUID.randomUUID()), true);

    assertThatThrownBy(() -> categories().insert(orphan)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void countsCategoryVersionsAndRefusesAStaleOne() {
    Category toys = stored(aCategory("Toys"));

    Category renamed = categories().update(toys.edited(null, "Games", toys.slug(), "", true, 1));
    assertThat(renamed.version()).isEqualTo(1);
    assertThat(categories().findById(toys.id()).orElseThrow().version()).isEqualTo(1);

    assertThatThrownBy(
            () -> categories().update(toys.edited(null, "Puzzles", toys.slug(), "", true, 1)))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(categories().findById(toys.id()).orElseThrow().name()).isEqualTo("Games");
  }

  @Test
  void refusesToMoveACategoryUnderItsOwnDescendant() {
    Category parent = stored(aCategory("Parent"));
    Category child = stored(aCategory("Child", parent.id(), true));
    Category grandchild = stored(aCategory("Grandchild", child.id(), true));

    assertThatThrownBy(
            () ->
                categories()
                    .update(parent.edited(grandchild.id(), "Parent", parent.slug(), "", true, 0)))
        .isInstanceOf(ConflictException.class);
    assertThat(categories().findById(parent.id()).orElseThrow().parentId()).isEmpty();
  }

  @Test
  void movesACategoryUnderAnother() {
    Category a = stored(aCategory("A"));
    Category b = stored(aCategory("B"));

    categories().update(b.edited(a.id(), "B", b.slug(), "", true, 0));

    assertThat(categories().findById(b.id()).orElseThrow().parentId()).contains(a.id());
  }

  @Test
  void updatesTheEditedFieldsOfAProductButNeverItsStock() {
    Category c = stored(aCategory("Lamps"));
    Category other = stored(aCategory("Lights"));
    Product lamp = stored(aProduct(c.id(), "Lamp", tzs("9000.00"), 4));
    products().applyStockMovement(new StockMovement(lamp.id(), 3, "delivery", lamp.createdAt()));
    Instant later = lamp.createdAt().plusSeconds(60);

    Product stored =
        products()
            .update(
                lamp.edited(
                    Sku.of("L-" + UUID.randomUUID().toString().substring(0, 8)),
                    "Desk lamp",
                    "Bright",
                    "Taa",
                    other.id(),
                    tzs("9500.00"),
                    false,
                    Actor.system(),
                    later));

    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.stock()).as("stock moves only through the ledger").isEqualTo(7);
    Product found = products().findById(lamp.id()).orElseThrow();
    assertThat(found).isEqualTo(stored);
    assertThat(found.name()).isEqualTo("Desk lamp");
    assertThat(found.categoryId()).isEqualTo(other.id());
    assertThat(found.price()).isEqualTo(tzs("9500.00"));
    assertThat(found.active()).isFalse();
    assertThat(found.slug()).isEqualTo(lamp.slug());
    assertThat(found.updatedAt()).isEqualTo(later);
    assertThat(found.createdAt()).isEqualTo(lamp.createdAt());
  }

  @Test
  void refusesAStaleProductEdit() {
    Category c = stored(aCategory("Rugs"));
    Product rug = stored(aProduct(c.id(), "Rug", tzs("20000.00"), 1));
    products()
        .update(
            rug.edited(
                rug.sku(),
                "Red rug",
                "",
                "",
                c.id(),
                rug.price(),
                true,
                Actor.system(),
                rug.updatedAt()));

    assertThatThrownBy(
            () ->
                products()
                    .update(
                        rug.edited(
                            rug.sku(),
                            "Blue rug",
                            "",
                            "",
                            c.id(),
                            rug.price(),
                            true,
                            Actor.system(),
                            rug.updatedAt())))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(products().findById(rug.id()).orElseThrow().name()).isEqualTo("Red rug");
  }

  @Test
  void refusesAnEditToATakenSku() {
    Category c = stored(aCategory("Pens"));
    Product first = stored(aProduct(c.id(), "Pen", tzs("500.00"), 1));
    Product second = stored(aProduct(c.id(), "Pencil", tzs("300.00"), 1));

    assertThatThrownBy(
            () ->
                products()
                    .update(
                        second.edited(
                            first.sku(),
                            "Pencil",
                            "",
                            "",
                            c.id(),
                            second.price(),
                            true,
                            Actor.system(),
                            second.updatedAt())))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("sku"));
  }

  @Test
  void refusesAnEditOfAMissingProduct() {
    Category c = stored(aCategory("Ghosts"));
    Product never = aProduct(c.id(), "Never stored", tzs("1.00"), 0);

    assertThatThrownBy(() -> products().update(never)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void knowsWhichSlugsAreTaken() {
    Category c = stored(aCategory("Bags"));
    Product bag = stored(aProduct(c.id(), "Bag", tzs("1.00"), 0));

    assertThat(products().existsBySlug(bag.slug())).isTrue();
    assertThat(products().existsBySlug(Slug.from("no such bag " + UUID.randomUUID(), "x")))
        .isFalse();
  }

  @Test
  void deletesAProductNoOrderMentionsWithItsLedger() {
    Category c = stored(aCategory("Cups"));
    Product cup = stored(aProduct(c.id(), "Cup", tzs("1.00"), 5));

    assertThat(products().deleteIfNeverOrdered(cup.id())).isTrue();

    assertThat(products().findById(cup.id())).isEmpty();
    assertThat(products().movementsOf(cup.id())).isEmpty();
    assertThatThrownBy(() -> products().deleteIfNeverOrdered(cup.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void keepsAProductAnOrderMentions() {
    Category c = stored(aCategory("Plates"));
    Product plate = stored(aProduct(c.id(), "Plate", tzs("1.00"), 5));
    recordAnOrderOf(plate);

    assertThat(products().deleteIfNeverOrdered(plate.id())).isFalse();
    assertThat(products().findById(plate.id())).isPresent();
  }

  // ---- browsing -----------------------------------------------------------------------------

  /**
   * A small shop under a root of its own, so that listings narrowed to the root see only this
   * test's products even when the store is shared:
   *
   * <pre>
   * root ─┬─ phones ── smartphones      galaxy, iphone (out of stock) │ feature, retired (inactive)
   *       ├─ fabrics                    kanga
   *       └─ closed (inactive) ── under closed (active)   charger
   * </pre>
   */
  private final class Shop {
    final Category root = stored(aCategory("Shop"));
    final Category phones = stored(aCategory("Phones", root.id(), true));
    final Category smartphones = stored(aCategory("Smartphones", phones.id(), true));
    final Category fabrics = stored(aCategory("Fabrics", root.id(), true));
    final Category closed = stored(aCategory("Closed", root.id(), false));
    final Category underClosed = stored(aCategory("Under closed", closed.id(), true));
    final Product galaxy =
        stored(
            product(smartphones.id(), "Galaxy A15")
                .brand("Samsung")
                .description("Simu janja yenye skrini kubwa")
                .price(tzs("480000.00"))
                .stock(5)
                .createdMinutesLater(1)
                .build());
    final Product iphone =
        stored(
            product(smartphones.id(), "Apple iPhone 13")
                .brand("Apple")
                .price(tzs("1800000.00"))
                .stock(0)
                .createdMinutesLater(2)
                .build());
    final Product feature =
        stored(
            product(phones.id(), "Tecno T301")
                .brand("Tecno")
                .price(tzs("35000.00"))
                .stock(12)
                .createdMinutesLater(3)
                .build());
    final Product kanga =
        stored(
            product(fabrics.id(), "Kanga ya pwani")
                .brand("Pwani Prints")
                .price(tzs("15000.00"))
                .stock(40)
                .createdMinutesLater(4)
                .build());
    final Product retired =
        stored(
            product(phones.id(), "Nokia 3310")
                .brand("Nokia")
                .inactive()
                .createdMinutesLater(5)
                .build());
    final Product charger =
        stored(
            product(underClosed.id(), "Samsung Charger")
                .brand("Samsung")
                .createdMinutesLater(6)
                .build());

    ProductQuery.Builder query() {
      return ProductQuery.builder().category(root.id());
    }

    List<Product> list(ProductQuery.Builder query) {
      return products().list(query.build(), new PageRequest(1, 100)).items();
    }

    List<Product> search(String text, ProductQuery.Builder filters) {
      return products()
          .search(SearchText.of(text), filters.build(), new PageRequest(1, 100))
          .items();
    }
  }

  @Test
  void listsTheVisibleProductsOfACategoryAndAllItsDescendantsNewestFirst() {
    Shop shop = new Shop();

    Page<Product> page = products().list(shop.query().build(), new PageRequest(1, 100));

    assertThat(page.items()).containsExactly(shop.kanga, shop.feature, shop.iphone, shop.galaxy);
    assertThat(page.total()).isEqualTo(4);
  }

  @Test
  void narrowsToASubcategoryWithItsDescendants() {
    Shop shop = new Shop();

    assertThat(shop.list(ProductQuery.builder().category(shop.phones.id())))
        .containsExactly(shop.feature, shop.iphone, shop.galaxy);
    assertThat(shop.list(ProductQuery.builder().category(shop.smartphones.id())))
        .containsExactly(shop.iphone, shop.galaxy);
  }

  @Test
  void hidesInactiveProductsAndTheProductsOfHiddenCategoriesUnlessAsked() {
    Shop shop = new Shop();

    assertThat(shop.list(shop.query())).doesNotContain(shop.retired, shop.charger);
    assertThat(shop.list(ProductQuery.builder().category(shop.underClosed.id()))).isEmpty();
    assertThat(shop.list(shop.query().includeHidden(true)))
        .containsExactly(
            shop.charger, shop.retired, shop.kanga, shop.feature, shop.iphone, shop.galaxy);
    assertThat(products().list(ProductQuery.all(), new PageRequest(1, 100)).items())
        .doesNotContain(shop.retired, shop.charger);
  }

  @Test
  void findsAProductForThePublicOnlyWhenItAndAllItsCategoriesAreActive() {
    Shop shop = new Shop();

    assertThat(products().findVisible(shop.galaxy.id())).contains(shop.galaxy);
    assertThat(products().findVisible(shop.retired.id())).isEmpty();
    assertThat(products().findVisible(shop.charger.id())).isEmpty();
    assertThat(products().findVisible(new ProductId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void hidesTheProductsOfACategoryOnceItIsDeactivated() {
    Shop shop = new Shop();
    Category phones = categories().findById(shop.phones.id()).orElseThrow();

    categories()
        .update(
            phones.edited(
                shop.root.id(),
                phones.name(),
                phones.slug(),
                phones.description(),
                false,
                phones.sortOrder()));

    assertThat(shop.list(shop.query())).containsExactly(shop.kanga);
    assertThat(products().findVisible(shop.galaxy.id())).as("a grandchild's product").isEmpty();
  }

  @Test
  void filtersByBrandIgnoringCase() {
    Shop shop = new Shop();

    assertThat(shop.list(shop.query().brand("samsung"))).containsExactly(shop.galaxy);
    assertThat(shop.list(shop.query().brand("SAMSUNG").includeHidden(true)))
        .containsExactly(shop.charger, shop.galaxy);
  }

  @Test
  void filtersByPriceRange() {
    Shop shop = new Shop();

    assertThat(shop.list(shop.query().minPrice(tzs("20000.00")).maxPrice(tzs("480000.00"))))
        .containsExactly(shop.feature, shop.galaxy);
    assertThat(shop.list(shop.query().minPrice(tzs("480000.01")))).containsExactly(shop.iphone);
    assertThat(shop.list(shop.query().maxPrice(tzs("15000.00")))).containsExactly(shop.kanga);
  }

  @Test
  void filtersByStock() {
    Shop shop = new Shop();

    assertThat(shop.list(shop.query().inStock(true)))
        .containsExactly(shop.kanga, shop.feature, shop.galaxy);
    assertThat(shop.list(shop.query().inStock(false))).containsExactly(shop.iphone);
  }

  @Test
  void sortsByPriceEitherWayAndByName() {
    Shop shop = new Shop();

    assertThat(shop.list(shop.query().sort(ProductSort.PRICE_ASC)))
        .containsExactly(shop.kanga, shop.feature, shop.galaxy, shop.iphone);
    assertThat(shop.list(shop.query().sort(ProductSort.PRICE_DESC)))
        .containsExactly(shop.iphone, shop.galaxy, shop.feature, shop.kanga);
    assertThat(shop.list(shop.query().sort(ProductSort.NAME)))
        .containsExactly(shop.iphone, shop.galaxy, shop.kanga, shop.feature);
  }

  @Test
  void pagesThroughAListingWithTheTotal() {
    Shop shop = new Shop();

    Page<Product> first = products().list(shop.query().build(), new PageRequest(1, 3));
    Page<Product> second = products().list(shop.query().build(), new PageRequest(2, 3));
    Page<Product> beyond = products().list(shop.query().build(), new PageRequest(3, 3));

    assertThat(first.items()).containsExactly(shop.kanga, shop.feature, shop.iphone);
    assertThat(second.items()).containsExactly(shop.galaxy);
    assertThat(beyond.items()).isEmpty();
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.pages()).isEqualTo(2);
    assertThat(beyond.total()).isEqualTo(4);
  }

  @Test
  void searchFindsAPartialWord() {
    Shop shop = new Shop();

    assertThat(shop.search("kang", shop.query())).containsExactly(shop.kanga);
    assertThat(shop.search("Gal", shop.query())).containsExactly(shop.galaxy);
  }

  @Test
  void searchFindsByBrand() {
    Shop shop = new Shop();

    assertThat(shop.search("samsung", shop.query())).containsExactly(shop.galaxy);
    assertThat(shop.search("pwani prints", shop.query())).containsExactly(shop.kanga);
  }

  @Test
  void searchFindsAWordWithOneTypo() {
    Shop shop = new Shop();

    assertThat(shop.search("iphnoe", shop.query())).containsExactly(shop.iphone);
    assertThat(shop.search("galxay", shop.query())).containsExactly(shop.galaxy);
  }

  @Test
  void searchRanksANameMatchAboveABrandMatchAboveADescriptionMatch() {
    Shop shop = new Shop();
    Product inDescription =
        stored(
            product(shop.fabrics.id(), "Shuka")
                .description("Imara kama kitenge cha zamani")
                .createdMinutesLater(30)
                .build());
    Product inBrand =
        stored(
            product(shop.fabrics.id(), "Mkoba")
                .brand("Kitenge House")
                .createdMinutesLater(20)
                .build());
    Product inName =
        stored(product(shop.fabrics.id(), "Kitenge cha Ankara").createdMinutesLater(10).build());

    assertThat(shop.search("kitenge", shop.query()))
        .containsExactly(inName, inBrand, inDescription);
  }

  @Test
  void searchLeavesOutExcludedWords() {
    Shop shop = new Shop();
    Product mombasa =
        stored(product(shop.fabrics.id(), "Kanga ya Mombasa").createdMinutesLater(10).build());

    assertThat(shop.search("kanga", shop.query())).containsExactlyInAnyOrder(shop.kanga, mombasa);
    assertThat(shop.search("kanga -pwani", shop.query())).containsExactly(mombasa);
  }

  @Test
  void searchHidesWhatTheListingHides() {
    Shop shop = new Shop();

    assertThat(shop.search("nokia", shop.query())).isEmpty();
    assertThat(shop.search("charger", shop.query())).isEmpty();
    assertThat(shop.search("nokia", shop.query().includeHidden(true)))
        .containsExactly(shop.retired);
  }

  @Test
  void searchAppliesTheListingFilters() {
    Shop shop = new Shop();

    assertThat(shop.search("galaxy", shop.query().inStock(false))).isEmpty();
    assertThat(shop.search("galaxy", shop.query().inStock(true))).containsExactly(shop.galaxy);
    assertThat(shop.search("galaxy", ProductQuery.builder().category(shop.fabrics.id()))).isEmpty();
    assertThat(shop.search("simu", shop.query().brand("samsung"))).containsExactly(shop.galaxy);
    assertThat(shop.search("simu", shop.query().brand("apple"))).isEmpty();
    assertThat(shop.search("simu", shop.query().maxPrice(tzs("1000.00")))).isEmpty();
  }

  @Test
  void countsTheVisibleProductsOfEachBrandIgnoringCase() {
    Shop shop = new Shop();
    String brand = "Zebra " + UUID.randomUUID().toString().substring(0, 8);
    stored(product(shop.fabrics.id(), "Kikapu").brand(brand).build());
    stored(product(shop.fabrics.id(), "Mkeka").brand(brand.toLowerCase(Locale.ROOT)).build());
    stored(product(shop.fabrics.id(), "Old mkeka").brand(brand).inactive().build());
    stored(product(shop.underClosed.id(), "Hidden mkeka").brand(brand).build());
    stored(product(shop.fabrics.id(), "No brand").build());

    List<BrandCount> brands = products().countByBrand();

    assertThat(brands)
        .filteredOn(b -> b.brand().equalsIgnoreCase(brand))
        .singleElement()
        .satisfies(b -> assertThat(b.products()).isEqualTo(2));
    assertThat(brands).noneMatch(b -> b.brand().isEmpty());
    List<String> keys = brands.stream().map(b -> b.brand().toLowerCase(Locale.ROOT)).toList();
    assertThat(keys).doesNotHaveDuplicates();
  }

  private static StockMovement take(Product product, int quantity) {
    return new StockMovement(product.id(), -quantity, "test", CatalogFixtures.CREATED);
  }
}
