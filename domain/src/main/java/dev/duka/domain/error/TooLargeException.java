package dev.duka.domain.error;

/** An upload is larger than allowed (bytes or pixels). */
public final class TooLargeException extends DomainException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String detail) {
    super(ErrorCode.TOO_LARGE, detail);
  }
}
