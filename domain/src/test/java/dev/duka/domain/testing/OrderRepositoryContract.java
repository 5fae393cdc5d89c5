package dev.duka.domain.testing;

import static dev.duka.domain.testing.Fixtures.anOrder;
import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.DailySales;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderRepository} promises. Each test uses a customer and products of its own,
 * so implementations may share one store across tests.
 */
public abstract class OrderRepositoryContract {
  private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime());

  protected abstract OrderRepository orders();

  /** A new customer in the store. */
  protected abstract UserId aCustomer();

  /** A new active product in the store, priced {@code price}, with plenty of stock. */
  protected abstract ProductSnapshot aProduct(Money price);

  private UserId customer;
  private ProductSnapshot tee;
  private ProductSnapshot mug;

  @BeforeEach
  void world() {
    customer = aCustomer();
    tee = aProduct(tzs("19990.00"));
    mug = aProduct(tzs("7500.00"));
  }

  private Order order(Instant at) {
    return anOrder()
        .withId(new OrderId(UUID.randomUUID()))
        .numbered(OrderNumber.fromRandom(NUMBERS.incrementAndGet()))
        .by(customer)
        .withLine(tee, 2)
        .withLine(mug, 1)
        .withNotes("ring twice")
        .placedAt(at)
        .build();
  }

  private Order stored(Instant at) {
    Order order = order(at);
    orders().insert(order);
    return order;
  }

  @Test
  void findsAStoredOrderWithLinesAndHistory() {
    Order order = stored(FixedClock.DEFAULT_START);

    Order found = orders().findById(order.id()).orElseThrow();

    assertThat(found.snapshot()).isEqualTo(order.snapshot());
  }

  @Test
  void refusesATakenOrderNumber() {
    Order first = stored(FixedClock.DEFAULT_START);
    Order copy =
        anOrder()
            .withId(new OrderId(UUID.randomUUID()))
            .numbered(first.number())
            .by(customer)
            .withLine(tee, 1)
            .build();

    assertThatThrownBy(() -> orders().insert(copy)).isInstanceOf(DuplicateException.class);
  }

  @Test
  void storesChangesAndAppendsHistory() {
    Order order = stored(FixedClock.DEFAULT_START);
    Instant paidAt = FixedClock.DEFAULT_START.plusSeconds(60);
    order.recordPayment(PaymentStatus.PAID, Actor.system(), paidAt);
    order.moveTo(OrderStatus.PROCESSING, Actor.user(customer), "packing", paidAt.plusSeconds(60));

    Order saved = orders().update(order);

    Order found = orders().findById(order.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(found.paymentStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(found.history()).hasSize(3).isEqualTo(order.history());
    assertThat(found.version()).isEqualTo(saved.version()).isEqualTo(order.version() + 1);
  }

  @Test
  void refusesAnUpdateOfAStaleCopy() {
    Order order = stored(FixedClock.DEFAULT_START);
    Order first = orders().findById(order.id()).orElseThrow();
    Order second = orders().findById(order.id()).orElseThrow();
    first.changeNotes("first", FixedClock.DEFAULT_START);
    second.changeNotes("second", FixedClock.DEFAULT_START);

    orders().update(first);

    assertThatThrownBy(() -> orders().update(second)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(orders().findById(order.id()).orElseThrow().notes()).isEqualTo("first");
  }

  @Test
  void listsACustomersOrdersNewestFirstByStatus() {
    Order older = stored(FixedClock.DEFAULT_START);
    Order newer = stored(FixedClock.DEFAULT_START.plus(Duration.ofHours(1)));
    Order cancelled = stored(FixedClock.DEFAULT_START.plus(Duration.ofHours(2)));
    cancelled.cancel(Actor.user(customer), "changed my mind", FixedClock.DEFAULT_START);
    orders().update(cancelled);

    Page<Order> all = orders().find(OrderFilter.ofCustomer(customer), new PageRequest(1, 2));
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.items()).extracting(Order::id).containsExactly(cancelled.id(), newer.id());
    assertThat(orders().find(OrderFilter.ofCustomer(customer), new PageRequest(2, 2)).items())
        .extracting(Order::id)
        .containsExactly(older.id());
    assertThat(
            orders()
                .find(
                    OrderFilter.ofCustomer(customer).status(OrderStatus.PENDING),
                    PageRequest.first())
                .items())
        .extracting(Order::id)
        .containsExactly(newer.id(), older.id());
    assertThat(all.items().get(1).lines()).hasSize(2);
  }

  @Test
  void filtersByNumberPaymentStatusAndTime() {
    Order early = stored(FixedClock.DEFAULT_START);
    Order late = stored(FixedClock.DEFAULT_START.plus(Duration.ofDays(2)));
    late.recordPayment(PaymentStatus.PAID, Actor.system(), FixedClock.DEFAULT_START);
    orders().update(late);

    assertThat(orders().find(OrderFilter.all().number(early.number()), PageRequest.first()).items())
        .extracting(Order::id)
        .containsExactly(early.id());
    assertThat(
            orders()
                .find(
                    OrderFilter.ofCustomer(customer).paymentStatus(PaymentStatus.PAID),
                    PageRequest.first())
                .items())
        .extracting(Order::id)
        .containsExactly(late.id());
    assertThat(
            orders()
                .find(
                    OrderFilter.ofCustomer(customer)
                        .createdFrom(FixedClock.DEFAULT_START.plus(Duration.ofDays(1)))
                        .createdBefore(FixedClock.DEFAULT_START.plus(Duration.ofDays(3))),
                    PageRequest.first())
                .items())
        .extracting(Order::id)
        .containsExactly(late.id());
  }

  @Test
  void streamsEveryMatchingOrder() {
    stored(FixedClock.DEFAULT_START);
    stored(FixedClock.DEFAULT_START.plusSeconds(1));
    List<Order> seen = new ArrayList<>();

    orders().forEach(OrderFilter.ofCustomer(customer), seen::add);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).createdAt()).isAfter(seen.get(1).createdAt());
  }

  @Test
  void sumsPaidOrdersPerDay() {
    Instant day = Instant.parse("2031-03-10T08:00:00Z");
    Order paid = stored(day);
    paid.recordPayment(PaymentStatus.PAID, Actor.system(), day);
    orders().update(paid);
    stored(day.plusSeconds(3600)); // unpaid: not revenue

    List<DailySales> days =
        orders()
            .dailySales(Fixtures.TZS, LocalDate.parse("2031-03-09"), LocalDate.parse("2031-03-11"));

    assertThat(days)
        .extracting(DailySales::day)
        .containsExactly(
            LocalDate.parse("2031-03-09"),
            LocalDate.parse("2031-03-10"),
            LocalDate.parse("2031-03-11"));
    assertThat(days.get(1).orders()).isEqualTo(1);
    assertThat(days.get(1).revenue()).isEqualTo(paid.total());
    assertThat(days.get(0).orders()).isZero();
  }
}
