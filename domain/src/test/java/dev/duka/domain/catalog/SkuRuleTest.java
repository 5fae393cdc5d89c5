package dev.duka.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.common.RandomCode;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkuRuleTest {

  @Test
  void takesThreeLettersFromBrandCategoryAndName() {
    assertThat(SkuRule.prefix("Samsung", "Phones", "Galaxy S24")).isEqualTo("SAM-PHO-GAL");
  }

  @Test
  void dropsAccentsSpacesAndPunctuation() {
    assertThat(SkuRule.prefix("Café Ñandú", "", "x-ray!")).isEqualTo("CAF-XRA");
  }

  @Test
  void keepsShortPartsWhole() {
    assertThat(SkuRule.prefix("LG", null, "TV")).isEqualTo("LG-TV");
  }

  @Test
  void fallsBackWhenNoPartHasALetter() {
    assertThat(SkuRule.prefix(null, "  ", "!!!")).isEqualTo("DK");
    assertThat(SkuRule.prefix("Кофе", null, "茶")).isEqualTo("DK");
  }

  @Test
  void appendsARandomBase32Suffix() {
    Sku sku = SkuRule.candidate("SAM-PHO-GAL", 0x1234_5678L, 0);

    assertThat(sku.value()).startsWith("SAM-PHO-GAL-").hasSize("SAM-PHO-GAL-".length() + 6);
    String suffix = sku.value().substring("SAM-PHO-GAL-".length());
    assertThat(suffix.chars()).allMatch(c -> RandomCode.ALPHABET.indexOf(c) >= 0);
  }

  @Test
  void makesALongerSuffixForLaterAttempts() {
    assertThat(SkuRule.suffixLength(0)).isEqualTo(6);
    assertThat(SkuRule.suffixLength(3)).isEqualTo(6);
    assertThat(SkuRule.suffixLength(4)).isEqualTo(10);
    assertThat(SkuRule.candidate("DK", 99, SkuRule.MAX_ATTEMPTS - 1).value()).hasSize(13);
  }

  @Test
  void anotherDrawGivesAnotherCandidate() {
    SplittableRandom random = new SplittableRandom(1);
    Set<Sku> candidates = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      candidates.add(SkuRule.candidate("TEE", random.nextLong(), 0));
    }
    assertThat(candidates).hasSize(1_000);
  }

  @Test
  void refusesAttemptsBeyondTheLimit() {
    assertThatThrownBy(() -> SkuRule.candidate("DK", 1, SkuRule.MAX_ATTEMPTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SkuRule.candidate("DK", 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCandidateIsAValidSku() {
    String longest = SkuRule.prefix("Abcdef", "Ghijkl", "Mnopqr");
    assertThat(SkuRule.candidate(longest, -1L, SkuRule.MAX_ATTEMPTS - 1).value())
        .matches("[A-Z0-9-]{3,64}");
  }
}
