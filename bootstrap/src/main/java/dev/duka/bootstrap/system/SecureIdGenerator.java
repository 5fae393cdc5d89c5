package dev.duka.bootstrap.system;

import dev.duka.domain.port.out.IdGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/** Random (version 4) UUIDs and random bits from the platform's strong generator. */
public final class SecureIdGenerator implements IdGenerator {
  private final SecureRandom random = new SecureRandom();

  @Override
  public UUID newId() {
    return UUID.randomUUID();
  }

  @Override
  public long randomBits() {
    return random.nextLong();
  }
}
