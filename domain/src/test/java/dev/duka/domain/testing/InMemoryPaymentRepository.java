package dev.duka.domain.testing;

import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.Refund;
import dev.duka.domain.payment.RefundId;
import dev.duka.domain.port.out.PaymentRepository;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Payments, refunds and handled events in maps; payments are immutable records. */
public final class InMemoryPaymentRepository implements PaymentRepository {
  private final Map<PaymentId, Payment> payments = new LinkedHashMap<>();
  private final Map<RefundId, Refund> refunds = new LinkedHashMap<>();
  private final Set<String> events = new HashSet<>();

  @Override
  public synchronized void insert(Payment payment) {
    boolean taken =
        !payment.providerReference().isEmpty()
            && payments.values().stream()
                .anyMatch(
                    p ->
                        p.provider() == payment.provider()
                            && p.providerReference().equals(payment.providerReference()));
    if (taken) {
      throw new DuplicateException("provider_reference", "this provider reference is stored");
    }
    payments.put(payment.id(), payment);
  }

  @Override
  public synchronized Optional<Payment> findById(PaymentId id) {
    return Optional.ofNullable(payments.get(id));
  }

  @Override
  public synchronized Optional<Payment> findByProviderReference(String reference) {
    return payments.values().stream()
        .filter(p -> p.providerReference().equals(reference))
        .findFirst();
  }

  @Override
  public synchronized Optional<Payment> findByPaymentReference(String reference) {
    return payments.values().stream()
        .filter(p -> p.paymentReference().equals(reference))
        .findFirst();
  }

  @Override
  public synchronized List<Payment> findByOrder(OrderId orderId) {
    return payments.values().stream().filter(p -> p.orderId().equals(orderId)).toList();
  }

  @Override
  public synchronized Payment update(Payment payment) {
    Payment stored = payments.get(payment.id());
    if (stored == null) {
      throw new NotFoundException("payment", payment.id());
    }
    if (stored.version() != payment.version()) {
      throw new ConcurrentUpdateException("payment", payment.id());
    }
    Payment saved =
        new Payment(
            payment.id(),
            payment.orderId(),
            payment.provider(),
            payment.status(),
            payment.amount(),
            payment.refunded(),
            payment.providerReference(),
            payment.paymentReference(),
            payment.createdAt(),
            payment.updatedAt(),
            payment.version() + 1);
    payments.put(saved.id(), saved);
    return saved;
  }

  @Override
  public synchronized void insertRefund(Refund refund) {
    refunds.put(refund.id(), refund);
  }

  @Override
  public synchronized void updateRefund(Refund refund) {
    if (!refunds.containsKey(refund.id())) {
      throw new NotFoundException("refund", refund.id());
    }
    refunds.put(refund.id(), refund);
  }

  @Override
  public synchronized Optional<Refund> findRefund(RefundId id) {
    return Optional.ofNullable(refunds.get(id));
  }

  @Override
  public synchronized List<Refund> refundsOf(PaymentId paymentId) {
    return refunds.values().stream().filter(r -> r.paymentId().equals(paymentId)).toList();
  }

  @Override
  public synchronized boolean recordEvent(String eventId, String type, Instant at) {
    return events.add(eventId);
  }
}
