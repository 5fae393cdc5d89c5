package dev.duka.bootstrap.system;

import dev.duka.domain.port.out.Clock;
import java.time.Instant;

/** The machine's clock, in UTC. */
public final class SystemClock implements Clock {
  @Override
  public Instant now() {
    return Instant.now();
  }
}
