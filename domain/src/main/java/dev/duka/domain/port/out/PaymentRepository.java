package dev.duka.domain.port.out;

import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import java.util.List;
import java.util.Optional;

/** Payment attempts and their refunds. */
public interface PaymentRepository {

  void insert(Payment payment);

  Optional<Payment> findById(PaymentId id);

  /** The payment whose provider reference (a Checkout Session id) is {@code reference}. */
  Optional<Payment> findByProviderReference(String reference);

  /** All attempts for an order, oldest first. */
  List<Payment> findByOrder(OrderId orderId);

  /**
   * Stores the changed payment only if the stored version equals {@code payment.version()}.
   *
   * @return the payment as stored, with the next version
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it first
   */
  Payment update(Payment payment);
}
