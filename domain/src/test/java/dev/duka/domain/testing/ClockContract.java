package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.port.out.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link Clock} promises. Extend it with a test that supplies the clock. */
public abstract class ClockContract {

  protected abstract Clock clock();

  @Test
  void neverAnswersNull() {
    assertThat(clock().now()).isNotNull();
  }

  @Test
  void neverGoesBackwards() {
    Clock clock = clock();
    Instant previous = clock.now();
    for (int i = 0; i < 1_000; i++) {
      Instant current = clock.now();
      assertThat(current).isAfterOrEqualTo(previous);
      previous = current;
    }
  }
}
