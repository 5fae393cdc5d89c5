package dev.duka.domain.testing;

import dev.duka.domain.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A clock that stands still until a test moves it forward. */
public final class FixedClock implements Clock {
  /** The instant every fixed clock starts at unless told otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-15T09:30:00Z");

  private Instant now;

  public FixedClock() {
    this(DEFAULT_START);
  }

  public FixedClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Moves the clock forward; it never goes back. */
  public synchronized FixedClock advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back");
    }
    now = now.plus(duration);
    return this;
  }
}
