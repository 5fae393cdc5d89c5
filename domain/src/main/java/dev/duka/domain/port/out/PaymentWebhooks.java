package dev.duka.domain.port.out;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;
import dev.duka.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads the provider's webhook calls. The signature is checked on the raw bytes as received;
 * anything that fails the check is refused before it is read.
 */
public interface PaymentWebhooks {

  /**
   * Verifies and reads one webhook delivery.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the provider's signature header, or null when absent
   * @throws InvalidWebhookException for a missing, forged or stale signature or an unreadable body
   */
  PaymentEvent read(String rawBody, String signatureHeader);

  /** One event the provider reports; {@code id} is unique per event, even across redeliveries. */
  sealed interface PaymentEvent
      permits PaymentEvent.CheckoutCompleted,
          PaymentEvent.AsyncPaymentSucceeded,
          PaymentEvent.AsyncPaymentFailed,
          PaymentEvent.CheckoutExpired,
          PaymentEvent.ChargeRefunded,
          PaymentEvent.PaymentFailed,
          PaymentEvent.Ignored {
    String id();

    String type();

    Instant created();

    /**
     * A checkout session completed. {@code paid} is false for delayed payment methods, whose
     * outcome follows as {@link AsyncPaymentSucceeded} or {@link AsyncPaymentFailed}.
     */
    record CheckoutCompleted(
        String id,
        String type,
        Instant created,
        String sessionId,
        boolean paid,
        Money amountTotal,
        String paymentReference,
        String orderReference)
        implements PaymentEvent {}

    /** A delayed payment of a completed session succeeded. */
    record AsyncPaymentSucceeded(
        String id,
        String type,
        Instant created,
        String sessionId,
        Money amountTotal,
        String paymentReference,
        String orderReference)
        implements PaymentEvent {}

    /** A delayed payment of a completed session failed. */
    record AsyncPaymentFailed(String id, String type, Instant created, String sessionId)
        implements PaymentEvent {}

    /** A session expired without payment. */
    record CheckoutExpired(String id, String type, Instant created, String sessionId)
        implements PaymentEvent {}

    /**
     * A charge was refunded, in part or whole, possibly from the provider's dashboard; {@code
     * amountRefunded} is the total refunded so far.
     */
    record ChargeRefunded(
        String id, String type, Instant created, String paymentReference, Money amountRefunded)
        implements PaymentEvent {}

    /** A payment attempt failed. */
    record PaymentFailed(String id, String type, Instant created, String paymentReference)
        implements PaymentEvent {}

    /** An event Duka does not act on; it is acknowledged and otherwise ignored. */
    record Ignored(String id, String type, Instant created) implements PaymentEvent {
      public Ignored {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
      }
    }
  }

  /** A webhook call failed verification; the message says why (for the log and the 400). */
  final class InvalidWebhookException extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidWebhookException(String reason) {
      super(ErrorCode.INVALID_VALUE, reason);
    }

    /** The same, keeping the provider library's exception for the log. */
    public InvalidWebhookException(String reason, Throwable cause) {
      super(ErrorCode.INVALID_VALUE, reason, cause);
    }
  }
}
