package dev.duka.adapters.rest.common;

import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Query parameters read strictly: a value that is not what it should be is a 400 naming it. */
public final class QueryParams {
  private QueryParams() {}

  /** {@code page} (default 1) and {@code page_size} (default 20), both checked together. */
  public static PageRequest page(Context ctx) {
    List<Violation> violations = new ArrayList<>();
    int page = integer(ctx, "page", 1, violations);
    int size = integer(ctx, "page_size", PageRequest.DEFAULT_SIZE, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    return new PageRequest(page, size);
  }

  /** A query parameter's text, at most {@code max} characters; empty string when absent. */
  public static String text(Context ctx, String name, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return "";
    }
    if (value.length() > max) {
      throw new InvalidValueException(name, "must be at most " + max + " characters");
    }
    return value;
  }

  private static int integer(Context ctx, String name, int fallback, List<Violation> violations) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    if (!value.matches("-?[0-9]{1,9}")) {
      violations.add(new Violation(name, "must be a whole number"));
      return fallback;
    }
    return Integer.parseInt(value);
  }
}
