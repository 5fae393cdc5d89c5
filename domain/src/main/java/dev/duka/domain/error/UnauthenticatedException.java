package dev.duka.domain.error;

/** The caller could not be identified: no credentials, or wrong ones. */
public final class UnauthenticatedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String detail) {
    super(ErrorCode.UNAUTHENTICATED, detail);
  }
}
