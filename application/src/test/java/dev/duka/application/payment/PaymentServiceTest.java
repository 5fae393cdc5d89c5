package dev.duka.application.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.PaymentProviderException;
import dev.duka.domain.error.PaymentUnavailableException;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.payment.PaymentProvider;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.port.in.PaymentView;
import dev.duka.domain.port.in.PaymentsUseCase.Checkout;
import dev.duka.domain.port.out.PaymentGateway;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.testing.InMemoryPaymentRepository;
import dev.duka.domain.testing.ScriptedPaymentGateway;
import dev.duka.domain.user.Caller;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
  private final PaymentWorld world = new PaymentWorld();

  /** The order services and the payment service on in-memory fakes and a scripted provider. */
  static final class PaymentWorld {
    final dev.duka.application.order.OrdersFixtureAccess orders =
        new dev.duka.application.order.OrdersFixtureAccess();
    final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    final ScriptedPaymentGateway stripe = new ScriptedPaymentGateway();
    final PaymentGateway manual =
        new PaymentGateway() {
          @Override
          public CheckoutOutcome openCheckout(CheckoutRequest request) {
            return new CheckoutOutcome.Refused("manual");
          }

          @Override
          public SessionOutcome fetchSession(String sessionId) {
            return new SessionOutcome.NotFound();
          }

          @Override
          public RefundOutcome refund(RefundRequest request) {
            return new RefundOutcome.Succeeded("manual");
          }
        };
    final PaymentService service =
        new PaymentService(
            orders.orders(),
            payments,
            orders.users(),
            Optional.of(stripe),
            manual,
            Optional.empty(),
            orders.audit(),
            orders.transactions(),
            orders.clock(),
            orders.ids(),
            "https://shop.test/");
  }

  @Test
  void opensOneCheckoutPerOrderWithTaxAndShippingAsLines() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 2);

    Checkout first = world.service.startCheckout(customer, order.id());
    Checkout again = world.service.startCheckout(customer, order.id());

    assertThat(again).isEqualTo(first);
    PaymentGateway.CheckoutRequest sent = world.stripe.opened().get(0);
    assertThat(sent.lines())
        .extracting(PaymentGateway.ChargeLine::name)
        .contains("Tax", "Shipping");
    assertThat(sent.total()).isEqualTo(order.total());
    assertThat(sent.successUrl()).startsWith("https://shop.test/checkout/success?session_id=");
    assertThat(world.payments.findByOrder(order.id())).hasSize(1);
  }

  @Test
  void strangersCannotPayOrVerifySomeoneElsesOrder() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);
    Checkout checkout = world.service.startCheckout(customer, order.id());
    Caller stranger = world.orders.customer();

    assertThatThrownBy(() -> world.service.startCheckout(stranger, order.id()))
        .isInstanceOf(NotFoundException.class);
    world.stripe.complete(checkout.sessionId());
    assertThatThrownBy(() -> world.service.verifyCheckout(stranger, checkout.sessionId()))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.orders.order(order).paymentStatus()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void verifyingAPaidSessionConfirmsTheOrderOnce() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);
    Checkout checkout = world.service.startCheckout(customer, order.id());
    world.stripe.complete(checkout.sessionId());

    PaymentView first = world.service.verifyCheckout(customer, checkout.sessionId());
    PaymentView second = world.service.verifyCheckout(customer, checkout.sessionId());

    assertThat(first.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(second.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(world.orders.order(order).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(world.orders.order(order).history()).hasSize(2);
  }

  @Test
  void anUnreachableProviderWritesNothing() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);
    world.stripe.outage(true);

    assertThatThrownBy(() -> world.service.startCheckout(customer, order.id()))
        .isInstanceOf(PaymentProviderException.class);
    assertThat(world.payments.findByOrder(order.id())).isEmpty();
  }

  @Test
  void refundsPartThenTheRestAndRefusesMore() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);
    Checkout checkout = world.service.startCheckout(customer, order.id());
    world.stripe.complete(checkout.sessionId());
    world.service.verifyCheckout(customer, checkout.sessionId());
    Caller admin = world.orders.admin();

    PaymentView partly = world.service.refund(admin, order.id(), "5000.00", "Damaged box");
    assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(partly.refunded()).isEqualTo(Fixtures.tzs("5000.00"));
    assertThatThrownBy(() -> world.service.refund(admin, order.id(), "99999.00", "too much"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most");

    PaymentView full = world.service.refund(admin, order.id(), null, "duplicate");
    assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(full.refunded()).isEqualTo(order.total());
    assertThat(world.orders.order(order).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(world.stripe.refunded())
        .containsExactly(Fixtures.tzs("5000.00"), order.total().minus(Fixtures.tzs("5000.00")));
    assertThatThrownBy(() -> world.service.refund(admin, order.id(), null, "again"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void refusesToRefundAnUnpaidOrder() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);

    assertThatThrownBy(() -> world.service.refund(world.orders.admin(), order.id(), null, "why"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void marksAManualPaymentAndConfirmsTheOrder() {
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);

    OrderView confirmed = world.service.markPaid(world.orders.admin(), order.id());

    assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(world.payments.findByOrder(order.id()))
        .singleElement()
        .satisfies(p -> assertThat(p.provider()).isEqualTo(PaymentProvider.MANUAL));
    assertThatThrownBy(() -> world.service.markPaid(world.orders.admin(), order.id()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void withoutACardProviderCheckoutIsUnavailable() {
    PaymentService noCards =
        new PaymentService(
            world.orders.orders(),
            world.payments,
            world.orders.users(),
            Optional.empty(),
            world.manual,
            Optional.empty(),
            world.orders.audit(),
            world.orders.transactions(),
            world.orders.clock(),
            world.orders.ids(),
            "https://shop.test");
    var customer = world.orders.customer();
    OrderView order = world.orders.place(customer, "15000.00", 1);

    assertThatThrownBy(() -> noCards.startCheckout(customer, order.id()))
        .isInstanceOf(PaymentUnavailableException.class);
    assertThatThrownBy(() -> noCards.handle("{}", "t=1,v1=x"))
        .isInstanceOf(PaymentUnavailableException.class);
  }
}
