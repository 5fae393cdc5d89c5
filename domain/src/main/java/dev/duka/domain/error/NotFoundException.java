package dev.duka.domain.error;

/** The object does not exist, or the caller may not see it; both read the same from outside. */
public final class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what, Object id) {
    super(ErrorCode.NOT_FOUND, what + " " + id + " was not found");
  }
}
