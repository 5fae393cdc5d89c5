package dev.duka.domain.common;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;

/** A 1-based page of a listing, at most {@link #MAX_SIZE} items long. */
public record PageRequest(int page, int size) {
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Deep pages are refused so a client cannot make the database skip millions of rows. */
  public static final int MAX_PAGE = 10_000;

  public PageRequest {
    List<Violation> violations = new ArrayList<>();
    if (page < 1 || page > MAX_PAGE) {
      violations.add(new Violation("page", "must be between 1 and " + MAX_PAGE));
    }
    if (size < 1 || size > MAX_SIZE) {
      violations.add(new Violation("page_size", "must be between 1 and " + MAX_SIZE));
    }
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  public static PageRequest first() {
    return new PageRequest(1, DEFAULT_SIZE);
  }

  /** How many rows to skip before this page. */
  public long offset() {
    return (long) (page - 1) * size;
  }
}
