package dev.duka.domain.error;

/** No payment provider is set up for this request (e.g. Stripe without a secret key). */
public final class PaymentUnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public PaymentUnavailableException(String detail) {
    super(ErrorCode.PAYMENT_UNAVAILABLE, detail);
  }
}
