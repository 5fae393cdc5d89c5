package dev.duka.domain.catalog;

import static dev.duka.domain.testing.Fixtures.tzs;
import static dev.duka.domain.testing.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.money.Money;
import dev.duka.domain.testing.CatalogFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductQueryTest {
  private static final CategoryId SHOES = new CategoryId(UUID.randomUUID());

  @Test
  void anEmptyQueryListsEverythingVisibleNewestFirst() {
    ProductQuery all = ProductQuery.all();

    assertThat(all.category()).isEmpty();
    assertThat(all.brand()).isEmpty();
    assertThat(all.priceCurrency()).isEmpty();
    assertThat(all.inStock()).isEmpty();
    assertThat(all.sort()).isEqualTo(ProductSort.NEWEST);
    assertThat(all.includeHidden()).isFalse();
  }

  @Test
  void refusesAMinimumAboveTheMaximum() {
    assertThatThrownBy(
            () -> ProductQuery.builder().minPrice(tzs("10.00")).maxPrice(tzs("9.99")).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactly("max_price"));
  }

  @Test
  void refusesBoundsInTwoCurrencies() {
    assertThatThrownBy(
            () -> ProductQuery.builder().minPrice(tzs("1.00")).maxPrice(usd("9.00")).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("currency");
  }

  @Test
  void refusesNegativeBoundsNamingEach() {
    assertThatThrownBy(
            () -> ProductQuery.builder().minPrice(tzs("-1.00")).maxPrice(tzs("-2.00")).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains("min_price", "max_price"));
  }

  @Test
  void refusesAnOverlongBrand() {
    assertThatThrownBy(() -> ProductQuery.builder().brand("b".repeat(101)).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("brand");
  }

  @Test
  void matchesBrandIgnoringCase() {
    var product = CatalogFixtures.product(SHOES, "Viatu").brand("Bata").build();

    assertThat(ProductQuery.builder().brand(" bATA ").build().matches(product)).isTrue();
    assertThat(ProductQuery.builder().brand("Puma").build().matches(product)).isFalse();
  }

  @Test
  void matchesPricesOnlyInTheCurrencyOfTheBounds() {
    var inTzs = CatalogFixtures.product(SHOES, "Viatu").price(tzs("6000.00")).build();
    var inUsd = CatalogFixtures.product(SHOES, "Shoes").price(usd("20.00")).build();
    ProductQuery upTo =
        ProductQuery.builder().maxPrice(Money.parse("50000.00", tzs("1").currency())).build();

    assertThat(upTo.matches(inTzs)).isTrue();
    assertThat(upTo.matches(inUsd)).isFalse();
    assertThat(ProductQuery.builder().minPrice(tzs("6000.00")).build().matches(inTzs)).isTrue();
    assertThat(ProductQuery.builder().minPrice(tzs("6000.01")).build().matches(inTzs)).isFalse();
  }

  @Test
  void matchesStockEitherWay() {
    var some = CatalogFixtures.product(SHOES, "Some").stock(1).build();
    var none = CatalogFixtures.product(SHOES, "None").stock(0).build();

    assertThat(ProductQuery.builder().inStock(true).build().matches(some)).isTrue();
    assertThat(ProductQuery.builder().inStock(true).build().matches(none)).isFalse();
    assertThat(ProductQuery.builder().inStock(false).build().matches(none)).isTrue();
    assertThat(ProductQuery.all().matches(none)).isTrue();
  }

  @Test
  void readsSortsByTheirWireNames() {
    assertThat(ProductSort.fromWire("price_desc")).isEqualTo(ProductSort.PRICE_DESC);
    assertThat(ProductSort.NEWEST.wireName()).isEqualTo("newest");
    assertThatThrownBy(() -> ProductSort.fromWire("created_at; DROP TABLE products"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("newest, price_asc, price_desc, name");
  }
}
