package dev.duka.domain.error;

import java.util.Map;

/** The caller asked too often; it may try again after {@link #retryAfterSeconds()}. */
public final class RateLimitedException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RateLimitedException(long retryAfterSeconds) {
    super(
        ErrorCode.RATE_LIMITED,
        "too many requests; try again in " + Math.max(1, retryAfterSeconds) + " seconds");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("retry_after_seconds", retryAfterSeconds);
  }
}
