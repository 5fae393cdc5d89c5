package dev.duka.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.catalog.Product;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.IllegalTransitionException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.port.in.ChangeOrderUseCase.OrderChanges;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Caller;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrderLifecycleServiceTest {
  private final OrdersFixture world = new OrdersFixture();
  private final Product kanga = world.product("15000.00", 10);
  private final Caller asha = world.customer(true);
  private final Caller admin = world.admin();

  private OrderView placed() {
    return world.place(asha, kanga, 2, null).order();
  }

  private OrderView paid(OrderView order) {
    var stored = world.orders.findById(order.id()).orElseThrow();
    stored.recordPayment(PaymentStatus.PAID, Actor.system(), world.clock.now());
    return OrderView.of(world.orders.update(stored));
  }

  @Test
  void strangersSeeNothingAndAdministratorsSeeAll() {
    OrderView order = placed();
    Caller stranger = world.customer(true);

    assertThatThrownBy(() -> world.lifecycle.order(stranger, order.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> world.lifecycle.history(stranger, order.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.lifecycle.order(admin, order.id()).id()).isEqualTo(order.id());
    assertThat(world.lifecycle.myOrders(asha, null, PageRequest.first()).items()).hasSize(1);
    assertThat(world.lifecycle.myOrders(stranger, null, PageRequest.first()).items()).isEmpty();
  }

  @Test
  void theCustomerEditsAddressAndNotesOnlyWhilePending() {
    OrderView order = placed();

    OrderView edited =
        world.lifecycle.updateOrder(asha, order.id(), new OrderChanges().notes("gate code 1234"));
    assertThat(edited.notes()).isEqualTo("gate code 1234");

    paid(edited);
    assertThatThrownBy(
            () ->
                world.lifecycle.updateOrder(
                    asha, order.id(), new OrderChanges().shippingAddress(Fixtures.anAddress())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aCustomerCannotMoveTheStatus() {
    OrderView order = placed();

    assertThatThrownBy(
            () ->
                world.lifecycle.updateOrder(
                    asha, order.id(), new OrderChanges().status(OrderStatus.SHIPPED)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void administratorsMoveAlongTheTableOnly() {
    OrderView order = paid(placed());

    assertThatThrownBy(
            () ->
                world.lifecycle.updateOrder(
                    admin, order.id(), new OrderChanges().status(OrderStatus.DELIVERED)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("allowed: processing, cancelled, refunded");
    world.lifecycle.updateOrder(
        admin, order.id(), new OrderChanges().status(OrderStatus.PROCESSING));
    assertThatThrownBy(
            () ->
                world.lifecycle.updateOrder(
                    admin, order.id(), new OrderChanges().status(OrderStatus.SHIPPED)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("tracking_number");

    OrderView shipped =
        world.lifecycle.updateOrder(
            admin,
            order.id(),
            new OrderChanges().status(OrderStatus.SHIPPED).trackingNumber("TRK-1").carrier("DHL"));
    assertThat(shipped.trackingNumber()).isEqualTo("TRK-1");
    assertThat(world.audit.withAction("order.updated")).hasSize(2);
  }

  @Test
  void refusesAChangeToAVersionTheCallerDidNotSee() {
    OrderView order = paid(placed());

    assertThatThrownBy(
            () ->
                world.lifecycle.updateOrder(
                    admin,
                    order.id(),
                    new OrderChanges()
                        .status(OrderStatus.PROCESSING)
                        .expectedVersion(order.version() - 1)))
        .isInstanceOf(ConcurrentUpdateException.class);
  }

  @Test
  void cancellingReturnsTheStockThroughTheLedger() {
    OrderView order = placed();
    assertThat(world.stockOf(kanga)).isEqualTo(8);

    OrderView cancelled = world.lifecycle.cancelOrder(asha, order.id(), "changed my mind");

    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(world.stockOf(kanga)).isEqualTo(10);
    assertThat(
            world.catalog.products().movementsOf(kanga.id()).stream()
                .mapToInt(m -> m.delta())
                .sum())
        .isEqualTo(10);
    assertThatThrownBy(() -> world.lifecycle.cancelOrder(asha, order.id(), "again"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void customersCannotCancelWhatIsBeingPacked() {
    OrderView order = paid(placed());
    world.lifecycle.updateOrder(
        admin, order.id(), new OrderChanges().status(OrderStatus.PROCESSING));

    assertThatThrownBy(() -> world.lifecycle.cancelOrder(asha, order.id(), "too late"))
        .isInstanceOf(ConflictException.class);
    assertThat(world.lifecycle.cancelOrder(admin, order.id(), "out of stock").status())
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void onlyAdministratorsSeeReportsAndRangesAreBounded() {
    assertThatThrownBy(
            () ->
                world.administration.salesReport(
                    asha, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                world.administration.salesReport(
                    admin, LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-01")))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () ->
                world.administration.salesReport(
                    admin, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02")))
        .isInstanceOf(InvalidValueException.class);
  }
}
