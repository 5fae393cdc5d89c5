package dev.duka.application.catalog;

import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.InsufficientStockException;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.SkuRule;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.in.CategoryView;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.port.in.DeleteProductUseCase.Removal;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.port.in.UpdateProductUseCase.ProductChanges;
import dev.duka.domain.testing.CatalogFixtures;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.testing.SequentialIdGenerator;
import dev.duka.domain.user.Actor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProductAdministrationServiceTest {
  private final CatalogWorld world = new CatalogWorld();
  private final CategoryView phones = world.category("Phones");

  private static CreateProductCommand galaxy(CategoryView category) {
    return new CreateProductCommand(
        "Galaxy A15",
        "Simu janja",
        "480000.00",
        null,
        7,
        "Samsung",
        category.id().toString(),
        null,
        null);
  }

  /** The SKUs the world's id generator will draw next for this prefix, in order. */
  private static List<Sku> nextDrawnSkus(String prefix, int count) {
    SequentialIdGenerator twin = new SequentialIdGenerator(CatalogWorld.SEED);
    List<Sku> skus = new ArrayList<>();
    for (int attempt = 0; attempt < count; attempt++) {
      skus.add(SkuRule.candidate(prefix, twin.randomBits(), attempt));
    }
    return skus;
  }

  private void takeSku(Sku sku) {
    world
        .catalog
        .products()
        .insert(CatalogFixtures.aProduct(phones.id(), "Taken " + sku, sku, tzs("1.00"), 0, true));
  }

  @Test
  void createsAProductWithADrawnSkuASlugAndTheShopCurrency() {
    ProductView created = world.administration.createProduct(world.admin, galaxy(phones));

    assertThat(created.sku().value()).startsWith("SAM-PHO-GAL-");
    assertThat(created.sku()).isEqualTo(nextDrawnSkus("SAM-PHO-GAL", 1).get(0));
    assertThat(created.slug().value()).isEqualTo("galaxy-a15");
    assertThat(created.price()).isEqualTo(tzs("480000.00"));
    assertThat(created.stock()).isEqualTo(7);
    assertThat(created.active()).isTrue();
    assertThat(created.createdAt()).isEqualTo(world.clock.now());
    Product stored = world.catalog.products().findById(created.id()).orElseThrow();
    assertThat(stored.createdBy()).isEqualTo(Actor.user(world.admin.id()));
    assertThat(stored.updatedBy()).isEqualTo(Actor.user(world.admin.id()));
    assertThat(world.catalog.products().movementsOf(created.id()))
        .extracting(StockMovement::delta)
        .containsExactly(7);
    assertThat(world.audit.withAction("product.created"))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).containsEntry("sku", created.sku().value()));
  }

  @Test
  void drawsTheNextSkuWhenTheFirstIsTaken() {
    List<Sku> draws = nextDrawnSkus("SAM-PHO-GAL", 2);
    takeSku(draws.get(0));

    ProductView created = world.administration.createProduct(world.admin, galaxy(phones));

    assertThat(created.sku()).isEqualTo(draws.get(1));
    assertThat(draws.get(1).value()).hasSize("SAM-PHO-GAL-".length() + 6);
  }

  @Test
  void drawsAgainWhenAnotherWriterTakesTheSkuBetweenCheckAndInsert() {
    List<Sku> draws = nextDrawnSkus("SAM-PHO-GAL", 2);
    world.catalog.beforeNextProductInsert(() -> takeSku(draws.get(0)));

    ProductView created = world.administration.createProduct(world.admin, galaxy(phones));

    assertThat(created.sku()).isEqualTo(draws.get(1));
    assertThat(world.catalog.products().existsBySku(draws.get(0))).isTrue();
  }

  @Test
  void givesUpAfterTheLastAllowedDraw() {
    nextDrawnSkus("SAM-PHO-GAL", SkuRule.MAX_ATTEMPTS).forEach(this::takeSku);

    assertThatThrownBy(() -> world.administration.createProduct(world.admin, galaxy(phones)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("give the product a SKU");
  }

  @Test
  void keepsAGivenSkuUpperCasedAndRefusesItWhenTaken() {
    var withSku =
        new CreateProductCommand(
            "Tecno", null, "35000", null, 1, null, phones.id().toString(), " tec-t301 ", null);

    assertThat(world.administration.createProduct(world.admin, withSku).sku().value())
        .isEqualTo("TEC-T301");
    assertThatThrownBy(() -> world.administration.createProduct(world.admin, withSku))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("sku"));
  }

  @Test
  void stepsTheSlugAroundTakenOnes() {
    ProductView first = world.product(phones.id(), "Kanga", "1.00");
    ProductView second = world.product(phones.id(), "Kanga", "1.00");
    ProductView third = world.product(phones.id(), "KANGA!", "1.00");

    assertThat(List.of(first.slug().value(), second.slug().value(), third.slug().value()))
        .containsExactly("kanga", "kanga-2", "kanga-3");
  }

  @Test
  void readsThePriceInTheGivenCurrency() {
    var inDollars =
        new CreateProductCommand(
            "Charger", null, "19.99", "usd", 1, null, phones.id().toString(), null, null);

    ProductView created = world.administration.createProduct(world.admin, inDollars);

    assertThat(created.price()).isEqualTo(Fixtures.usd("19.99"));
  }

  @Test
  void namesEveryBadFieldAtOnce() {
    var bad =
        new CreateProductCommand("", null, "12.345", null, -1, "b".repeat(101), "nope", "x!", null);

    assertThatThrownBy(() -> world.administration.createProduct(world.admin, bad))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "name", "brand", "price", "stock", "category_id", "sku"));
  }

  @Test
  void needsPriceStockAndCategory() {
    var empty = new CreateProductCommand("Mug", null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> world.administration.createProduct(world.admin, empty))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("price", "stock", "category_id"));
  }

  @Test
  void refusesACategoryThatDoesNotExist() {
    var nowhere = CatalogWorld.command(new CategoryId(UUID.randomUUID()), "Mug", "1.00");

    assertThatThrownBy(() -> world.administration.createProduct(world.admin, nowhere))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("category_id");
  }

  @Test
  void onlyAdministratorsWrite() {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");

    assertThatThrownBy(() -> world.administration.createProduct(world.shopper, galaxy(phones)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                world.administration.updateProduct(
                    world.shopper, mug.id(), new ProductChanges().name("Cup")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> world.administration.deleteProduct(world.shopper, mug.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> world.administration.adjustStock(world.shopper, mug.id(), 1, "x"))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void editsOnlyTheGivenFieldsAndRecordsWho() {
    ProductView mug = world.product(phones.id(), "Mug", "1000.00");
    CategoryView kitchen = world.category("Kitchen");
    world.clock.advance(Duration.ofMinutes(5));

    ProductView edited =
        world.administration.updateProduct(
            world.admin,
            mug.id(),
            new ProductChanges()
                .name("Big mug")
                .price("1500.00")
                .categoryId(kitchen.id().toString())
                .brand(null));

    assertThat(edited.name()).isEqualTo("Big mug");
    assertThat(edited.price()).isEqualTo(tzs("1500.00"));
    assertThat(edited.categoryId()).isEqualTo(kitchen.id());
    assertThat(edited.sku()).isEqualTo(mug.sku());
    assertThat(edited.slug()).isEqualTo(mug.slug());
    assertThat(edited.stock()).isEqualTo(10);
    assertThat(edited.updatedAt()).isEqualTo(world.clock.now());
    assertThat(edited.createdAt()).isEqualTo(mug.createdAt());
    assertThat(world.audit.withAction("product.changed"))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).containsEntry("fields", "name,category_id,price"));
  }

  @Test
  void aNewCurrencyNeedsANewPrice() {
    ProductView mug = world.product(phones.id(), "Mug", "1000.00");

    assertThatThrownBy(
            () ->
                world.administration.updateProduct(
                    world.admin, mug.id(), new ProductChanges().currency("USD")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("price");
    ProductView inDollars =
        world.administration.updateProduct(
            world.admin, mug.id(), new ProductChanges().currency("USD").price("4.50"));
    assertThat(inDollars.price()).isEqualTo(Money.parse("4.50", Fixtures.USD));
  }

  @Test
  void anEditOfAnUnknownProductIsNotFound() {
    assertThatThrownBy(
            () ->
                world.administration.updateProduct(
                    world.admin, new ProductId(UUID.randomUUID()), new ProductChanges().name("X")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletesAProductNoOrderMentions() {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");

    assertThat(world.administration.deleteProduct(world.admin, mug.id()))
        .isEqualTo(Removal.DELETED);

    assertThat(world.catalog.products().findById(mug.id())).isEmpty();
    assertThat(world.audit.withAction("product.deleted")).hasSize(1);
  }

  @Test
  void deactivatesAProductAnOrderMentionsInsteadOfDeletingIt() {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");
    world.catalog.recordOrderOf(mug.id());

    assertThat(world.administration.deleteProduct(world.admin, mug.id()))
        .isEqualTo(Removal.DEACTIVATED);

    assertThat(world.catalog.products().findById(mug.id()).orElseThrow().active()).isFalse();
    assertThat(world.audit.withAction("product.deactivated")).hasSize(1);
  }

  @Test
  void adjustsStockThroughTheLedger() {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");

    ProductView restocked = world.administration.adjustStock(world.admin, mug.id(), 5, "delivery");
    ProductView broken = world.administration.adjustStock(world.admin, mug.id(), -3, "breakage");

    assertThat(restocked.stock()).isEqualTo(15);
    assertThat(broken.stock()).isEqualTo(12);
    assertThat(world.catalog.products().movementsOf(mug.id()))
        .extracting(StockMovement::reason)
        .containsExactly("initial stock", "delivery", "breakage");
    assertThat(world.audit.withAction("product.stock_adjusted"))
        .extracting(e -> e.data().get("stock"))
        .containsExactly("15", "12");
  }

  @Test
  void neverTakesStockBelowZero() {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");

    assertThatThrownBy(
            () -> world.administration.adjustStock(world.admin, mug.id(), -11, "recount"))
        .isInstanceOfSatisfying(
            InsufficientStockException.class,
            e -> assertThat(e.details()).containsEntry("stock", 10).containsEntry("delta", -11));
    assertThat(world.catalog.products().findById(mug.id()).orElseThrow().stock()).isEqualTo(10);
    assertThat(world.catalog.products().movementsOf(mug.id())).hasSize(1);
  }

  @Test
  void refusesABadAdjustmentBeforeTouchingAnything() {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");

    assertThatThrownBy(() -> world.administration.adjustStock(world.admin, mug.id(), 0, ""))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () ->
                world.administration.adjustStock(
                    world.admin, new ProductId(UUID.randomUUID()), 1, "delivery"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void concurrentAdjustmentsKeepTheLedgerEqualToTheStock() throws Exception {
    ProductView mug = world.product(phones.id(), "Mug", "1.00");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int delta = i % 2 == 0 ? 1 : -1;
        done.add(
            pool.submit(
                () -> world.administration.adjustStock(world.admin, mug.id(), delta, "count")));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int stock = world.catalog.products().findById(mug.id()).orElseThrow().stock();
    int ledger =
        world.catalog.products().movementsOf(mug.id()).stream()
            .mapToInt(StockMovement::delta)
            .sum();
    assertThat(stock).isEqualTo(10).isEqualTo(ledger);
  }
}
