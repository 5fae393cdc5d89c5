package dev.duka.domain.error;

/** The current state of an object forbids the request. */
public final class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String detail) {
    super(ErrorCode.CONFLICT, detail);
  }
}
