package dev.duka.domain.error;

/** The object changed since the caller read it (optimistic locking lost). */
public final class ConcurrentUpdateException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String what, Object id) {
    super(
        ErrorCode.CONCURRENT_UPDATE,
        what + " " + id + " was changed by someone else; read it again and retry");
  }
}
