package dev.duka.domain.archfixture;

import java.time.Instant;

/** Breaks the ambient-time rule on purpose. */
public final class DomainReadingTheSystemClock {
  public Instant stamp() {
    return Instant.now();
  }
}
