package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.port.out.IdGenerator;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SequentialIdGeneratorTest extends IdGeneratorContract {

  @Override
  protected IdGenerator generator() {
    return new SequentialIdGenerator();
  }

  @Test
  void countsIdsUpFromOne() {
    SequentialIdGenerator ids = new SequentialIdGenerator();
    assertThat(ids.newId()).isEqualTo(new UUID(0, 1));
    assertThat(ids.newId()).isEqualTo(new UUID(0, 2));
  }

  @Test
  void repeatsItsRandomBitsForTheSameSeed() {
    assertThat(new SequentialIdGenerator(7).randomBits())
        .isEqualTo(new SequentialIdGenerator(7).randomBits());
  }
}
