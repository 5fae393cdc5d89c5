package dev.duka.adapters.rest.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line and one timer sample per request: method, route template (never the raw path, so ids
 * do not explode the metrics), status, duration, request id and, once known, the user.
 */
public final class AccessLog {
  /** The request attribute where authentication leaves the caller's user id. */
  public static final String USER_ID_ATTRIBUTE = "duka.user_id";

  private static final Logger LOG = LoggerFactory.getLogger("dev.duka.access");

  private final MeterRegistry registry;

  public AccessLog(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(Context ctx, float millis) {
    String route = routeOf(ctx);
    String status = Integer.toString(ctx.statusCode());
    Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", status)
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
    try {
      MDC.put(RequestIds.MDC_KEY, RequestIds.of(ctx));
      Object user = ctx.attribute(USER_ID_ATTRIBUTE);
      if (user != null) {
        MDC.put("user_id", user.toString());
      }
      MDC.put("http_method", ctx.method().name());
      MDC.put("http_route", route);
      MDC.put("http_status", status);
      MDC.put("duration_ms", String.format(java.util.Locale.ROOT, "%.1f", millis));
      LOG.info("{} {} {} {}ms", ctx.method().name(), route, status, Math.round(millis));
    } finally {
      MDC.clear();
    }
  }

  /** The matched route template, {@code static} for files, {@code unmatched} otherwise. */
  static String routeOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    String path = ctx.path();
    return path.startsWith("/webjars/") ? "static" : "unmatched";
  }
}
