package dev.duka.domain.error;

/** A dependency (the database) cannot be reached; the client may retry later. */
public final class UnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String detail, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, detail, cause);
  }
}
