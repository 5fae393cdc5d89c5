package dev.duka.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

  @Test
  void makesLowerCaseHyphenatedWordsFromAName() {
    assertThat(Slug.from("  Kanga ya Pwani — Blue/Red! ", "item").value())
        .isEqualTo("kanga-ya-pwani-blue-red");
  }

  @Test
  void dropsAccents() {
    assertThat(Slug.from("Crème Brûlée", "item").value()).isEqualTo("creme-brulee");
  }

  @Test
  void usesTheFallbackWhenNothingIsLeft() {
    assertThat(Slug.from("!!!", "item").value()).isEqualTo("item");
  }

  @Test
  void cutsLongNamesAtTheLimit() {
    assertThat(Slug.from("ab ".repeat(100), "item").value()).hasSizeLessThanOrEqualTo(120);
  }

  @Test
  void stepsAroundATakenSlugWithANumber() {
    assertThat(Slug.from("Tee", "item").withSuffix(2).value()).isEqualTo("tee-2");
    assertThat(new Slug("a".repeat(120)).withSuffix(12).value()).hasSize(120).endsWith("-12");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Tee", "tee shirt", "-tee", "tee-", "tee--m", "../x"})
  void refusesMalformedSlugs(String value) {
    assertThatThrownBy(() -> new Slug(value)).isInstanceOf(InvalidValueException.class);
  }
}
