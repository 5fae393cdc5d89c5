package dev.duka.domain.port.out;

import java.time.Instant;

/** The one source of the current time; the domain and application never read the system clock. */
@FunctionalInterface
public interface Clock {

  /** The current instant. Never null; consecutive calls never go backwards. */
  Instant now();
}
