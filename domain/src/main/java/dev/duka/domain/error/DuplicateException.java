package dev.duka.domain.error;

import java.util.Map;

/** A unique business key is already taken. */
public final class DuplicateException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public DuplicateException(String field, String detail) {
    super(ErrorCode.DUPLICATE, detail);
    this.field = field;
  }

  public String field() {
    return field;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("field", field);
  }
}
