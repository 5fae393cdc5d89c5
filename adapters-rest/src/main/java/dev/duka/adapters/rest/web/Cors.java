package dev.duka.adapters.rest.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access for the browsers of the configured origins only: an origin is echoed back
 * when it is on the list, never otherwise, and never as {@code *}. No credentials (the API uses
 * bearer tokens, not cookies).
 */
public final class Cors {
  private final Set<String> origins;

  public Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /**
   * Adds CORS headers for an allowed origin and answers its preflight requests.
   *
   * @return true when this was a preflight, now answered: nothing else should run for it
   */
  public boolean apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return false;
    }
    ctx.header("Vary", "Origin");
    if (!origins.contains(origin)) {
      return false;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, ETag, Location");
    if (ctx.method() == HandlerType.OPTIONS
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
      ctx.header(
          "Access-Control-Allow-Headers",
          "Authorization, Content-Type, Idempotency-Key, If-None-Match, X-Request-Id");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
      return true;
    }
    return false;
  }
}
