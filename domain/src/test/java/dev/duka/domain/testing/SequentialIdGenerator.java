package dev.duka.domain.testing;

import dev.duka.domain.port.out.IdGenerator;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Ids counted up from 1 and random bits from a seeded generator, so a test run is repeatable: the
 * n-th id is always {@code 00000000-0000-0000-0000-<n>}.
 */
public final class SequentialIdGenerator implements IdGenerator {
  private final SplittableRandom random;
  private long next = 1;

  public SequentialIdGenerator() {
    this(20260115L);
  }

  public SequentialIdGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public synchronized UUID newId() {
    return new UUID(0, next++);
  }

  @Override
  public synchronized long randomBits() {
    return random.nextLong();
  }
}
