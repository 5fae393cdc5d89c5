package dev.duka.domain.error;

import java.util.List;

/** One or more values broke a domain rule; each broken rule is named with its field. */
public final class InvalidValueException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidValueException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public InvalidValueException(List<Violation> violations) {
    super(ErrorCode.INVALID_VALUE, summary(violations));
    this.violations = List.copyOf(violations);
  }

  @Override
  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid value needs at least one violation");
    }
    if (violations.size() == 1) {
      Violation only = violations.get(0);
      return only.field() + ": " + only.message();
    }
    return violations.size()
        + " values are invalid: "
        + String.join(", ", violations.stream().map(Violation::field).distinct().toList());
  }
}
