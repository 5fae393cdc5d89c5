package dev.duka.domain.error;

/** The payment provider failed, refused, or did not answer; nothing was half-written. */
public final class PaymentProviderException extends DomainException {
  private static final long serialVersionUID = 1L;

  public PaymentProviderException(String detail) {
    super(ErrorCode.PAYMENT_PROVIDER_FAILED, detail);
  }
}
