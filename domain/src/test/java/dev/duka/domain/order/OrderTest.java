package dev.duka.domain.order;

import static dev.duka.domain.testing.Fixtures.SHOP_POLICY;
import static dev.duka.domain.testing.Fixtures.aProduct;
import static dev.duka.domain.testing.Fixtures.anAddress;
import static dev.duka.domain.testing.Fixtures.anOrder;
import static dev.duka.domain.testing.Fixtures.sku;
import static dev.duka.domain.testing.Fixtures.tzs;
import static dev.duka.domain.testing.Fixtures.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.cart.Cart;
import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.CartPricing;
import dev.duka.domain.cart.PriceBreakdown;
import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ErrorCode;
import dev.duka.domain.error.IllegalTransitionException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

  private final FixedClock clock = new FixedClock();
  private final Actor admin = Actor.user(userId("admin"));

  @Test
  void copiesLinesAndTotalsFromThePricedCart() {
    Order order =
        anOrder()
            .withLine(sku("TEE-M"), 2, tzs("19990.00"))
            .withLine(sku("MUG-1"), 1, tzs("7500.00"))
            .build();
    Order.Snapshot s = order.snapshot();

    assertThat(s.lines())
        .extracting(OrderLine::sku, OrderLine::quantity, OrderLine::lineTotal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(sku("TEE-M"), 2, tzs("39980.00")),
            org.assertj.core.groups.Tuple.tuple(sku("MUG-1"), 1, tzs("7500.00")));
    assertThat(s.subtotal()).isEqualTo(tzs("47480.00"));
    assertThat(s.tax()).isEqualTo(tzs("8546.40"));
    assertThat(s.shipping()).isEqualTo(tzs("5000.00"));
    assertThat(s.total()).isEqualTo(tzs("61026.40"));
  }

  @Test
  void startsPendingAndUnpaidWithItsCreationInTheHistory() {
    Order order = anOrder().by(userId("asha")).placedAt(clock.now()).build();

    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(order.history())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.from()).isEmpty();
              assertThat(change.to()).isEqualTo(OrderStatus.PENDING);
              assertThat(change.actor()).isEqualTo(Actor.user(userId("asha")));
              assertThat(change.at()).isEqualTo(clock.now());
            });
  }

  @Test
  void refusesACartWithTooLittleStockAsOutOfStock() {
    ProductSnapshot mug = aProduct().withSku("MUG-1").withStock(1).build();
    PriceBreakdown priced =
        new CartPricing(SHOP_POLICY)
            .price(Cart.of(new CartLine(mug.id(), 2)), Map.of(mug.id(), mug));

    assertThatThrownBy(() -> place(priced))
        .isInstanceOfSatisfying(
            OrderNotPlaceableException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_STOCK);
              assertThat(e.problems()).hasSize(1);
              assertThat(e.details()).containsKey("problems");
            });
  }

  @Test
  void refusesACartWithAnUnknownProductAsInvalid() {
    PriceBreakdown priced =
        new CartPricing(SHOP_POLICY)
            .price(
                Cart.of(new CartLine(new dev.duka.domain.catalog.ProductId(new UUID(5, 5)), 1)),
                Map.of());

    assertThatThrownBy(() -> place(priced))
        .isInstanceOfSatisfying(
            OrderNotPlaceableException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
  }

  @Test
  void refusesCheckoutOfAnEmptyCart() {
    PriceBreakdown priced = new CartPricing(SHOP_POLICY).price(Cart.of(), Map.of());

    assertThatThrownBy(() -> place(priced))
        .isInstanceOf(OrderNotPlaceableException.class)
        .hasMessageContaining("at least one line");
  }

  @Test
  void recordsEveryMoveWithActorReasonAndTime() {
    Order order = anOrder().placedAt(clock.now()).build();
    Instant paidAt = clock.advance(Duration.ofMinutes(3)).now();
    order.recordPayment(PaymentStatus.PAID, Actor.system(), paidAt);
    Instant packedAt = clock.advance(Duration.ofHours(1)).now();
    order.moveTo(OrderStatus.PROCESSING, admin, "packing", packedAt);

    assertThat(order.history()).hasSize(3);
    StatusChange confirmed = order.history().get(1);
    assertThat(confirmed.from()).contains(OrderStatus.PENDING);
    assertThat(confirmed.to()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(confirmed.actor()).isEqualTo(Actor.system());
    assertThat(confirmed.at()).isEqualTo(paidAt);
    StatusChange processing = order.history().get(2);
    assertThat(processing.from()).contains(OrderStatus.CONFIRMED);
    assertThat(processing.actor()).isEqualTo(admin);
    assertThat(processing.reason()).isEqualTo("packing");
    assertThat(processing.at()).isEqualTo(packedAt);
  }

  @Test
  void aCapturedPaymentConfirmsAPendingOrder() {
    Order order = anOrder().build();
    order.recordPayment(PaymentStatus.PAID, Actor.system(), clock.now());

    assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
  }

  @Test
  void aFailedPaymentLeavesTheOrderPending() {
    Order order = anOrder().build();
    order.recordPayment(PaymentStatus.FAILED, Actor.system(), clock.now());

    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.history()).hasSize(1);
  }

  @Test
  void anIllegalMoveChangesNothing() {
    Order order = anOrder().build();
    Order.Snapshot before = order.snapshot();

    assertThatThrownBy(() -> order.moveTo(OrderStatus.DELIVERED, admin, "", clock.now()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(order.snapshot()).isEqualTo(before);
  }

  @Test
  void shippingNeedsATrackingNumberAndCarrier() {
    Order order = processingOrder();

    assertThatThrownBy(() -> order.moveTo(OrderStatus.SHIPPED, admin, "", clock.now()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("tracking_number");
    assertThatThrownBy(() -> order.ship(" ", "", admin, clock.now()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.violations()).hasSize(2));
    assertThat(order.status()).isEqualTo(OrderStatus.PROCESSING);

    order.ship("TRK123", "DHL", admin, clock.now());
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(order.snapshot().trackingNumber()).isEqualTo("TRK123");
    assertThat(order.snapshot().carrier()).isEqualTo("DHL");
  }

  @Test
  void shippingAPendingOrderIsAnIllegalMoveNotAMissingTrackingNumber() {
    Order order = anOrder().build();

    assertThatThrownBy(() -> order.moveTo(OrderStatus.SHIPPED, admin, "", clock.now()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> order.ship("TRK123", "DHL", admin, clock.now()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(order.snapshot().trackingNumber()).isEmpty();
  }

  @Test
  void cancelsUntilShipped() {
    Order pending = anOrder().build();
    pending.cancel(Actor.user(userId("customer")), "changed my mind", clock.now());
    assertThat(pending.status()).isEqualTo(OrderStatus.CANCELLED);

    Order shipped = processingOrder();
    shipped.ship("TRK1", "DHL", admin, clock.now());
    assertThatThrownBy(() -> shipped.cancel(admin, "too late", clock.now()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theOwnerMayEditAddressAndNotesOnlyWhilePending() {
    Order order = anOrder().build();
    ShippingAddress moved =
        new ShippingAddress("Asha", "Plot 7", "", "Dodoma", "", "", "TZ", "+255712000000");
    order.changeShippingAddress(moved, clock.now());
    order.changeNotes("ring twice", clock.now());
    assertThat(order.shippingAddress()).isEqualTo(moved);
    assertThat(order.notes()).isEqualTo("ring twice");

    order.recordPayment(PaymentStatus.PAID, Actor.system(), clock.now());
    assertThatThrownBy(() -> order.changeShippingAddress(anAddress(), clock.now()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("confirmed");
    assertThatThrownBy(() -> order.changeNotes("x", clock.now()))
        .isInstanceOf(ConflictException.class);
    assertThat(order.shippingAddress()).isEqualTo(moved);
  }

  @Test
  void refusesOverlongNotes() {
    assertThatThrownBy(() -> anOrder().withNotes("x".repeat(Order.MAX_NOTES_LENGTH + 1)).build())
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void restoresExactlyWhatItSnapshots() {
    Order order = processingOrder();
    Order.Snapshot snapshot = order.snapshot();

    assertThat(Order.restore(snapshot).snapshot()).isEqualTo(snapshot);
  }

  @Test
  void aSnapshotIsACopyNotAView() {
    Order order = anOrder().build();
    Order.Snapshot before = order.snapshot();
    order.cancel(admin, "test", clock.now());

    assertThat(before.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(before.history()).hasSize(1);
  }

  private Order processingOrder() {
    Order order = anOrder().build();
    order.recordPayment(PaymentStatus.PAID, Actor.system(), clock.now());
    order.moveTo(OrderStatus.PROCESSING, admin, "packing", clock.now());
    return order;
  }

  private Order place(PriceBreakdown priced) {
    return Order.place(
        new OrderId(new UUID(1, 1)),
        OrderNumber.fromRandom(1),
        userId("customer"),
        priced,
        anAddress(),
        "",
        clock.now());
  }
}
