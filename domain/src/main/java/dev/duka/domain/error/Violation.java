package dev.duka.domain.error;

import java.util.Objects;

/** One broken rule on one field, safe to show to the client. */
public record Violation(String field, String message) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
