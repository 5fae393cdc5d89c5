package dev.duka.application.catalog;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads the fields of a request, collecting every problem so that one 400 names them all. */
final class Fields {
  private final List<Violation> violations = new ArrayList<>();

  /**
   * The value {@code parse} makes, or null after recording its problems under {@code field} (a
   * value object names its own field, e.g. {@code amount}; the request's name is what the client
   * sent).
   */
  <T> T read(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidValueException invalid) {
      invalid.violations().forEach(v -> violations.add(new Violation(field, v.message())));
      return null;
    }
  }

  void add(String field, String message) {
    violations.add(new Violation(field, message));
  }

  /** The list to hand to the domain's {@code check…} rules, which add to it. */
  List<Violation> violations() {
    return violations;
  }

  /**
   * @throws InvalidValueException naming every problem recorded, if any
   */
  void requireValid() {
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }
}
