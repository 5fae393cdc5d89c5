package dev.duka.application.catalog;

import static dev.duka.application.catalog.CatalogWorld.anonymous;
import static dev.duka.application.catalog.CatalogWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.in.CategoryView;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.port.in.ProductView;
import org.junit.jupiter.api.Test;

class ProductBrowsingServiceTest {
  private final CatalogWorld world = new CatalogWorld();
  private final CategoryView open = world.category("Open");
  private final CategoryView closed = world.category("Closed", null, false);
  private final ProductView shown = world.product(open.id(), "Kanga ya pwani", "15000.00");
  private final ProductView hidden = world.product(closed.id(), "Kitenge", "25000.00");
  private final ProductView retired =
      world.administration.createProduct(
          world.admin,
          new CreateProductCommand(
              "Nokia 3310", null, "1.00", null, 0, "Nokia", open.id().toString(), null, false));

  @Test
  void thePublicFindsOnlyVisibleProducts() {
    assertThat(world.browsing.getProduct(anonymous(), shown.id())).isEqualTo(shown);
    assertThatThrownBy(() -> world.browsing.getProduct(anonymous(), hidden.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> world.browsing.getProduct(as(world.shopper), retired.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void administratorsFindEveryProduct() {
    assertThat(world.browsing.getProduct(as(world.admin), hidden.id()).name()).isEqualTo("Kitenge");
    assertThat(world.browsing.getProduct(as(world.admin), retired.id()).active()).isFalse();
  }

  @Test
  void onlyAdministratorsListHiddenProducts() {
    ProductQuery everything = ProductQuery.builder().includeHidden(true).build();

    assertThat(
            world.browsing.listProducts(as(world.admin), everything, PageRequest.first()).items())
        .extracting(ProductView::id)
        .containsExactlyInAnyOrder(shown.id(), hidden.id(), retired.id());
    assertThatThrownBy(
            () -> world.browsing.listProducts(as(world.shopper), everything, PageRequest.first()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () -> world.browsing.listProducts(anonymous(), everything, PageRequest.first()))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void thePublicListingShowsOnlyVisibleProducts() {
    assertThat(
            world
                .browsing
                .listProducts(anonymous(), ProductQuery.all(), PageRequest.first())
                .items())
        .containsExactly(shown);
  }

  @Test
  void searchesWhatThePublicMaySee() {
    assertThat(
            world
                .browsing
                .searchProducts(anonymous(), "kang", ProductQuery.all(), PageRequest.first())
                .items())
        .containsExactly(shown);
    assertThat(
            world
                .browsing
                .searchProducts(anonymous(), "kitenge", ProductQuery.all(), PageRequest.first())
                .items())
        .isEmpty();
  }

  @Test
  void refusesAnEmptyOrOverlongSearch() {
    for (String q : new String[] {"", "   ", "x".repeat(201), null}) {
      assertThatThrownBy(
              () ->
                  world.browsing.searchProducts(
                      anonymous(), q, ProductQuery.all(), PageRequest.first()))
          .isInstanceOfSatisfying(
              InvalidValueException.class,
              e ->
                  assertThat(e.violations()).allSatisfy(v -> assertThat(v.field()).isEqualTo("q")));
    }
  }

  @Test
  void listsTheBrandsOfVisibleProducts() {
    world.administration.createProduct(
        world.admin,
        new CreateProductCommand(
            "Galaxy", null, "1.00", null, 1, "Samsung", open.id().toString(), null, null));

    assertThat(world.browsing.listBrands())
        .extracting(b -> b.brand() + ":" + b.products())
        .containsExactly("Samsung:1");
  }
}
