package dev.duka.domain.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something the system reports on purpose. Its message and {@link #details()} are safe to send to a
 * client; the cause, if any, is not.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public DomainException(ErrorCode code, String detail) {
    super(detail);
    this.code = Objects.requireNonNull(code, "code");
  }

  public DomainException(ErrorCode code, String detail, Throwable cause) {
    super(detail, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  /** The human-readable explanation, safe for clients. */
  public String detail() {
    return getMessage();
  }

  /** Field-level problems, empty unless the input was invalid. */
  public List<Violation> violations() {
    return List.of();
  }

  /**
   * Extra client-safe members for the error body (e.g. {@code allowed_moves}). Values are strings,
   * numbers, booleans or lists of them.
   */
  public Map<String, Object> details() {
    return Map.of();
  }
}
