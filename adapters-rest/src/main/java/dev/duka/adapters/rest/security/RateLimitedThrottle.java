package dev.duka.adapters.rest.security;

import dev.duka.adapters.rest.auth.Throttle;
import io.javalin.http.Context;

/** The {@link Throttle} of a running server: Bucket4j limits keyed on the real client address. */
public final class RateLimitedThrottle implements Throttle {
  private final RateLimiter limiter;
  private final ClientAddress clientAddress;

  public RateLimitedThrottle(RateLimiter limiter, ClientAddress clientAddress) {
    this.limiter = limiter;
    this.clientAddress = clientAddress;
  }

  @Override
  public void acquire(String name, String key) {
    limiter.acquire(name, key);
  }

  @Override
  public String clientAddress(Context ctx) {
    return clientAddress.of(ctx);
  }
}
