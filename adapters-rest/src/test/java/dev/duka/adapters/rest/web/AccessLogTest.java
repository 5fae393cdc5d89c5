package dev.duka.adapters.rest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {
  @Test
  void writesDurationsInMillisecondsToOneDecimal() {
    assertThat(AccessLog.tenths(0f)).isEqualTo("0.0");
    assertThat(AccessLog.tenths(0.04f)).isEqualTo("0.0");
    assertThat(AccessLog.tenths(0.05f)).isEqualTo("0.1");
    assertThat(AccessLog.tenths(12.34f)).isEqualTo("12.3");
    assertThat(AccessLog.tenths(12.36f)).isEqualTo("12.4");
    assertThat(AccessLog.tenths(9.96f)).isEqualTo("10.0");
    assertThat(AccessLog.tenths(61_234.5f)).isEqualTo("61234.5");
  }
}
