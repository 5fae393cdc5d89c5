package dev.duka.adapters.rest.common;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import io.javalin.http.Context;
import java.util.function.Function;

/** Ids in paths: one that is not even a UUID names nothing, so it is a 404 like any other. */
public final class PathIds {
  private PathIds() {}

  public static <T> T of(Context ctx, String param, String what, Function<String, T> parse) {
    String text = ctx.pathParam(param);
    try {
      return parse.apply(text);
    } catch (InvalidValueException notAnId) {
      throw new NotFoundException(what, text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
  }
}
