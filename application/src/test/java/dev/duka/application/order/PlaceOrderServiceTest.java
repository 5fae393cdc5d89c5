package dev.duka.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.PriceBreakdown;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ErrorCode;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.order.OrderNotPlaceableException;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.duka.domain.user.Caller;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceOrderServiceTest {
  private final OrdersFixture world = new OrdersFixture();

  @Test
  void pricesACartFromTheCatalogAndWritesNothing() {
    Product kanga = world.product("15000.00", 5);

    PriceBreakdown priced = world.placing.priceCart(List.of(new CartLine(kanga.id(), 2)));

    assertThat(priced.subtotal()).isEqualTo(OrdersFixture.tzs("30000.00"));
    assertThat(priced.total()).isEqualTo(OrdersFixture.tzs("40400.00"));
    assertThat(world.stockOf(kanga)).isEqualTo(5);
    assertThat(world.outbox.entries()).isEmpty();
  }

  @Test
  void placesAnOrderTakingStockAndQueuingAMail() {
    Product kanga = world.product("15000.00", 5);
    Caller asha = world.customer(true);

    PlacedOrder placed = world.place(asha, kanga, 2, null);

    assertThat(placed.replayed()).isFalse();
    assertThat(placed.order().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(placed.order().total()).isEqualTo(OrdersFixture.tzs("40400.00"));
    assertThat(world.stockOf(kanga)).isEqualTo(3);
    assertThat(world.catalog.products().movementsOf(kanga.id()))
        .extracting(m -> m.delta())
        .containsExactly(5, -2);
    assertThat(world.outbox.entries())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message().payload().get("subject"))
                    .contains(placed.order().number().value()));
  }

  @Test
  void refusesACustomerWhoseEmailIsNotVerified() {
    Product kanga = world.product("15000.00", 5);

    assertThatThrownBy(() -> world.place(world.customer(false), kanga, 1, null))
        .isInstanceOf(ForbiddenException.class);
    assertThat(world.stockOf(kanga)).isEqualTo(5);
  }

  @Test
  void refusesMoreThanInStockAsAConflict() {
    Product kanga = world.product("15000.00", 1);

    assertThatThrownBy(() -> world.place(world.customer(true), kanga, 2, null))
        .isInstanceOfSatisfying(
            OrderNotPlaceableException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_STOCK));
  }

  @Test
  void refusesAnUnknownProductNamingTheLine() {
    ProductId ghost = new ProductId(UUID.randomUUID());

    assertThatThrownBy(
            () ->
                world.placing.placeOrder(
                    world.customer(true),
                    new dev.duka.domain.port.in.PlaceOrderUseCase.PlaceOrderCommand(
                        List.of(new CartLine(ghost, 1)),
                        dev.duka.domain.testing.Fixtures.anAddress(),
                        "",
                        null)))
        .isInstanceOfSatisfying(
            OrderNotPlaceableException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
              assertThat(e.problems()).extracting(p -> p.productId()).containsExactly(ghost);
            });
  }

  @Test
  void refusesAnEmptyCart() {
    assertThatThrownBy(() -> world.placing.priceCart(List.of()))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void replaysTheFirstOrderForTheSameKeyAndRequest() {
    Product kanga = world.product("15000.00", 5);
    Caller asha = world.customer(true);

    PlacedOrder first = world.place(asha, kanga, 1, "key-1");
    PlacedOrder again = world.place(asha, kanga, 1, "key-1");

    assertThat(again.replayed()).isTrue();
    assertThat(again.order().id()).isEqualTo(first.order().id());
    assertThat(world.stockOf(kanga)).isEqualTo(4);
  }

  @Test
  void refusesTheSameKeyForAnotherRequest() {
    Product kanga = world.product("15000.00", 5);
    Caller asha = world.customer(true);
    world.place(asha, kanga, 1, "key-1");

    assertThatThrownBy(() -> world.place(asha, kanga, 2, "key-1"))
        .isInstanceOf(ConflictException.class);
    assertThat(world.stockOf(kanga)).isEqualTo(4);
  }
}
