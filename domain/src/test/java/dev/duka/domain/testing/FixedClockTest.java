package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.port.out.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FixedClockTest extends ClockContract {

  @Override
  protected Clock clock() {
    return new FixedClock();
  }

  @Test
  void standsStillUntilAdvanced() {
    FixedClock clock = new FixedClock();
    assertThat(clock.now()).isEqualTo(FixedClock.DEFAULT_START);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.now()).isEqualTo(FixedClock.DEFAULT_START.plusSeconds(300));
  }

  @Test
  void refusesToGoBack() {
    assertThatThrownBy(() -> new FixedClock().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
