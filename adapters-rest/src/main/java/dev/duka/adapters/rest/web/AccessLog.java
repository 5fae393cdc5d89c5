package dev.duka.adapters.rest.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

  /**
   * The timers met so far, by method, route and status: a bounded set (routes are templates, and
   * statuses few), kept so that a request does not build a meter id to look its timer up.
   */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public AccessLog(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(Context ctx, float millis) {
    String method = ctx.method().name();
    String route = routeOf(ctx);
    int statusCode = ctx.statusCode();
    String status = Integer.toString(statusCode);
    timers
        .computeIfAbsent(method + ' ' + route + ' ' + status, key -> timer(method, route, status))
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    try {
      MDC.put(RequestIds.MDC_KEY, RequestIds.of(ctx));
      Object user = ctx.attribute(USER_ID_ATTRIBUTE);
      if (user != null) {
        MDC.put("user_id", user.toString());
      }
      MDC.put("http_method", method);
      MDC.put("http_route", route);
      MDC.put("http_status", status);
      MDC.put("duration_ms", tenths(millis));
      LOG.info("{} {} {} {}ms", method, route, status, Math.round(millis));
    } finally {
      MDC.clear();
    }
  }

  private Timer timer(String method, String route, String status) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", status)
        .publishPercentileHistogram()
        .register(registry);
  }

  /** {@code 12.3}: milliseconds to one decimal, rounded half up, without a formatter. */
  static String tenths(float millis) {
    long tenths = Math.round(millis * 10.0);
    return (tenths / 10) + "." + (tenths % 10);
  }

  /** The matched route template, {@code unmatched} otherwise. */
  static String routeOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint != null ? endpoint.path : "unmatched";
  }
}
