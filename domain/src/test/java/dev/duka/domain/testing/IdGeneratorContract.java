package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.port.out.IdGenerator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link IdGenerator} promises. Extend it with a test that supplies the generator. */
public abstract class IdGeneratorContract {

  protected abstract IdGenerator generator();

  @Test
  void neverRepeatsAnId() {
    IdGenerator generator = generator();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(generator.newId())).as("id #%d is new", i).isTrue();
    }
  }

  @Test
  void drawsRandomBitsThatVary() {
    IdGenerator generator = generator();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      seen.add(generator.randomBits());
    }
    assertThat(seen).hasSizeGreaterThan(990);
  }

  @Test
  void usesEveryBitOfTheRandomBits() {
    IdGenerator generator = generator();
    long ones = 0;
    long zeros = 0;
    for (int i = 0; i < 1_000; i++) {
      long bits = generator.randomBits();
      ones |= bits;
      zeros |= ~bits;
    }
    assertThat(ones).as("every bit is sometimes 1").isEqualTo(-1L);
    assertThat(zeros).as("every bit is sometimes 0").isEqualTo(-1L);
  }
}
