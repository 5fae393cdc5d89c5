package dev.duka.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void computesTheOffset() {
    assertThat(new PageRequest(3, 20).offset()).isEqualTo(40);
  }

  @Test
  void namesEveryBadParameterAtOnce() {
    assertThatThrownBy(() -> new PageRequest(0, 101))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("page", "page_size"));
  }

  @Test
  void boundsDeepPages() {
    assertThatThrownBy(() -> new PageRequest(PageRequest.MAX_PAGE + 1, 10))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void countsPages() {
    assertThat(Page.of(List.of(), new PageRequest(1, 20), 0).pages()).isZero();
    assertThat(Page.of(List.of(), new PageRequest(1, 20), 20).pages()).isEqualTo(1);
    assertThat(Page.of(List.of(), new PageRequest(1, 20), 21).pages()).isEqualTo(2);
  }
}
