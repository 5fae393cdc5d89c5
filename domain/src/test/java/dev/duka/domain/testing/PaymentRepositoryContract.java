package dev.duka.domain.testing;

import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.PaymentProvider;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.payment.Refund;
import dev.duka.domain.payment.RefundId;
import dev.duka.domain.payment.RefundStatus;
import dev.duka.domain.port.out.PaymentRepository;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PaymentRepository} promises; each test pays for an order of its own. */
public abstract class PaymentRepositoryContract {
  private static final Instant NOW = FixedClock.DEFAULT_START;

  protected abstract PaymentRepository payments();

  /** A stored order (real adapters need the row). */
  protected abstract OrderId anOrder();

  private Payment stored(OrderId order, String reference) {
    Payment payment =
        Payment.start(
            new PaymentId(UUID.randomUUID()),
            order,
            PaymentProvider.STRIPE,
            tzs("16800.00"),
            reference,
            NOW);
    payments().insert(payment);
    return payment;
  }

  @Test
  void findsAPaymentByIdReferenceAndOrder() {
    OrderId order = anOrder();
    String session = "cs_" + UUID.randomUUID();
    Payment payment = stored(order, session);

    assertThat(payments().findById(payment.id())).contains(payment);
    assertThat(payments().findByProviderReference(session)).contains(payment);
    assertThat(payments().findByOrder(order)).containsExactly(payment);
    assertThat(payments().findByProviderReference("cs_unknown")).isEmpty();
  }

  @Test
  void refusesATakenProviderReference() {
    String session = "cs_" + UUID.randomUUID();
    stored(anOrder(), session);

    assertThatThrownBy(() -> stored(anOrder(), session)).isInstanceOf(DuplicateException.class);
  }

  @Test
  void storesStatusChangesWithOptimisticLocking() {
    Payment payment = stored(anOrder(), "cs_" + UUID.randomUUID());
    String intent = "pi_" + UUID.randomUUID();

    Payment paid = payments().update(payment.paid(intent, NOW));

    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(paid.version()).isEqualTo(payment.version() + 1);
    assertThat(payments().findByPaymentReference(intent)).contains(paid);
    assertThatThrownBy(() -> payments().update(payment.failed(NOW)))
        .isInstanceOf(ConcurrentUpdateException.class);
    Payment partly = payments().update(paid.refunded(tzs("800.00"), NOW));
    assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(payments().findById(payment.id()).orElseThrow().refunded()).isEqualTo(tzs("800.00"));
  }

  @Test
  void keepsRefundsOfAPayment() {
    Payment payment = stored(anOrder(), "cs_" + UUID.randomUUID());
    Refund refund =
        Refund.request(
            new RefundId(UUID.randomUUID()),
            payment.id(),
            tzs("100.00"),
            "Damaged box",
            Actor.system(),
            NOW);
    payments().insertRefund(refund);
    payments().updateRefund(refund.succeeded("re_1", NOW));

    assertThat(payments().refundsOf(payment.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
              assertThat(r.reason()).isEqualTo("Damaged box");
              assertThat(r.providerReason()).isEqualTo("requested_by_customer");
              assertThat(r.providerReference()).isEqualTo("re_1");
            });
    assertThat(payments().findRefund(refund.id())).isPresent();
  }

  @Test
  void recordsEachEventOnce() {
    String event = "evt_" + UUID.randomUUID();

    assertThat(payments().recordEvent(event, "checkout.session.completed", NOW)).isTrue();
    assertThat(payments().recordEvent(event, "checkout.session.completed", NOW)).isFalse();
  }
}
