package dev.duka.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void keepsWhatWasTypedStripped() {
    assertThat(SearchText.of("  Kanga ya Pwani ").value()).isEqualTo("Kanga ya Pwani");
  }

  @Test
  void readsWordsInAnyScriptLowerCased() {
    SearchText text = SearchText.of("Kahawa \"ya Arabica\" CAFÉ 500g");

    assertThat(text.words()).containsExactly("kahawa", "ya", "arabica", "café", "500g");
    assertThat(text.fuzzyTerm()).isEqualTo("kahawa ya arabica café 500g");
  }

  @Test
  void setsExcludedWordsApart() {
    SearchText text = SearchText.of("kanga -pwani or kitenge");

    assertThat(text.words()).containsExactly("kanga", "kitenge");
    assertThat(text.excludedWords()).containsExactly("pwani");
  }

  @Test
  void refusesAnEmptyText() {
    assertThatThrownBy(() -> SearchText.of("   "))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("q");
                          assertThat(v.message()).isEqualTo("is required");
                        }));
    assertThatThrownBy(() -> SearchText.of(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesMoreThanTwoHundredCharacters() {
    assertThat(SearchText.of("a".repeat(200)).value()).hasSize(200);
    assertThatThrownBy(() -> SearchText.of("a".repeat(201)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 200");
  }

  @Test
  void refusesATextWithoutAWordToLookFor() {
    assertThatThrownBy(() -> SearchText.of("!!! ???"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("word to look for");
    assertThatThrownBy(() -> SearchText.of("-kanga -pwani"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesControlCharacters() {
    assertThatThrownBy(() -> SearchText.of("kanga\u0000"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("control characters");
  }
}
