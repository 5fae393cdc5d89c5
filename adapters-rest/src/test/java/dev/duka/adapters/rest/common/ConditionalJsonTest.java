package dev.duka.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConditionalJsonTest {
  private static final String TAG = ConditionalJson.etagOf(bytes("{\"items\":[]}"));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theTagIsWeakAndFollowsTheBody() {
    assertThat(TAG).matches("W/\"[A-Za-z0-9_-]{22}\"");
    assertThat(ConditionalJson.etagOf(bytes("{\"items\":[]}"))).isEqualTo(TAG);
    assertThat(ConditionalJson.etagOf(bytes("{\"items\":[1]}"))).isNotEqualTo(TAG);
  }

  @Test
  void matchesTheSameTagWeakOrStrong() {
    assertThat(ConditionalJson.matches(TAG, TAG)).isTrue();
    assertThat(ConditionalJson.matches(TAG.substring(2), TAG)).isTrue();
  }

  @Test
  void matchesATagInAListOrAStar() {
    assertThat(ConditionalJson.matches("W/\"old\", " + TAG, TAG)).isTrue();
    assertThat(ConditionalJson.matches("*", TAG)).isTrue();
  }

  @Test
  void doesNotMatchAnotherTagOrNone() {
    assertThat(ConditionalJson.matches("W/\"old\"", TAG)).isFalse();
    assertThat(ConditionalJson.matches(null, TAG)).isFalse();
    assertThat(ConditionalJson.matches(" ", TAG)).isFalse();
  }
}
