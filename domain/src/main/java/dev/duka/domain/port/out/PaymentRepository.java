package dev.duka.domain.port.out;

import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.Refund;
import dev.duka.domain.payment.RefundId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payment attempts, their refunds, and the provider events already handled. */
public interface PaymentRepository {

  /**
   * Stores a new attempt.
   *
   * @throws dev.duka.domain.error.DuplicateException when its provider reference is taken
   */
  void insert(Payment payment);

  Optional<Payment> findById(PaymentId id);

  /** The attempt whose provider reference (a Checkout Session id) is {@code reference}. */
  Optional<Payment> findByProviderReference(String reference);

  /** The attempt whose captured payment is {@code reference} (a PaymentIntent id). */
  Optional<Payment> findByPaymentReference(String reference);

  /** All attempts for an order, oldest first. */
  List<Payment> findByOrder(OrderId orderId);

  /**
   * Stores the changed payment only if the stored version equals {@code payment.version()}.
   *
   * @return the payment as stored, with the next version
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it first
   */
  Payment update(Payment payment);

  void insertRefund(Refund refund);

  /** Replaces a stored refund. */
  void updateRefund(Refund refund);

  Optional<Refund> findRefund(RefundId id);

  /** The refunds of a payment, oldest first. */
  List<Refund> refundsOf(PaymentId paymentId);

  /**
   * Records that a provider event is being handled, in the caller's transaction. A concurrent call
   * for the same event waits until that transaction ends.
   *
   * @return true the first time; false when the event was handled before (or is being handled and
   *     commits), so it must be ignored
   */
  boolean recordEvent(String eventId, String type, Instant at);
}
