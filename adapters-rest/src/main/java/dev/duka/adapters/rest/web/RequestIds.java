package dev.duka.adapters.rest.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request has an id: the client's {@code X-Request-Id} when it is sane, a new one otherwise.
 * It is echoed in the response, put in every log line (MDC {@code request_id}) and in every problem
 * body.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "request_id";
  private static final String ATTRIBUTE = "duka.request_id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private RequestIds() {}

  /** Takes or makes the id of this request; the first thing done for every request. */
  public static void assign(Context ctx) {
    MDC.clear();
    String given = ctx.header(HEADER);
    String id =
        given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /** The id of this request. */
  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "unknown" : id;
  }
}
