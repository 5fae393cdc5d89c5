package dev.duka.domain.catalog;

import dev.duka.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stock keeping unit: the business key shops print on labels. Normalized to upper case; 3–64
 * characters of {@code A-Z}, {@code 0-9} and {@code -}.
 */
public record Sku(String value) {
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 64;
  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9-]{3,64}");

  public Sku {
    if (value == null) {
      throw new InvalidValueException("sku", "is required");
    }
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(
          "sku",
          "must be "
              + MIN_LENGTH
              + "–"
              + MAX_LENGTH
              + " characters of A-Z, 0-9 and '-', got \""
              + (value.length() > 70 ? value.substring(0, 70) + "…" : value)
              + "\"");
    }
  }

  public static Sku of(String value) {
    return new Sku(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
