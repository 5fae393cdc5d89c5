package dev.duka.domain.catalog;

import dev.duka.domain.common.RandomCode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How Duka makes a SKU when the shop gives none: a readable prefix of up to three letters from each
 * of brand, category and name, then a random suffix in Crockford base 32. For example {@code
 * SAM-PHO-GAL-7KQ2M9} for a Samsung phone named Galaxy.
 *
 * <p>On a collision the caller asks for the next attempt: attempts 0–3 use a 6-character suffix
 * (about 10⁹ values per prefix), later ones 10 characters (about 10¹⁵), so a crowded prefix gets
 * out of the way instead of retrying forever. After {@link #MAX_ATTEMPTS} the caller gives up.
 */
public final class SkuRule {
  public static final int MAX_ATTEMPTS = 8;
  static final String FALLBACK_PREFIX = "DK";
  private static final int PART_LENGTH = 3;
  private static final int SHORT_SUFFIX = 6;
  private static final int LONG_SUFFIX = 10;

  private SkuRule() {}

  /**
   * The readable prefix for a product: up to three letters or digits from each non-blank part, in
   * order, joined by {@code -}; accents are dropped. {@code DK} when no part has a letter or digit.
   */
  public static String prefix(String brand, String category, String name) {
    List<String> parts = new ArrayList<>(3);
    for (String part : new String[] {brand, category, name}) {
      String letters = lettersOf(part);
      if (!letters.isEmpty()) {
        parts.add(letters.substring(0, Math.min(PART_LENGTH, letters.length())));
      }
    }
    return parts.isEmpty() ? FALLBACK_PREFIX : String.join("-", parts);
  }

  /**
   * The SKU to try on attempt {@code attempt} (0-based), with a suffix drawn from {@code
   * randomBits}.
   *
   * @throws IllegalArgumentException when attempt is negative or not below {@link #MAX_ATTEMPTS}
   */
  public static Sku candidate(String prefix, long randomBits, int attempt) {
    if (attempt < 0 || attempt >= MAX_ATTEMPTS) {
      throw new IllegalArgumentException("attempt must be between 0 and " + (MAX_ATTEMPTS - 1));
    }
    return new Sku(prefix + "-" + RandomCode.of(randomBits, suffixLength(attempt)));
  }

  /** The suffix length used on a given attempt. */
  public static int suffixLength(int attempt) {
    return attempt < MAX_ATTEMPTS / 2 ? SHORT_SUFFIX : LONG_SUFFIX;
  }

  private static String lettersOf(String text) {
    if (text == null) {
      return "";
    }
    String withoutAccents =
        Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return withoutAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
