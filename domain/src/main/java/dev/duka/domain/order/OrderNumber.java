package dev.duka.domain.order;

import dev.duka.domain.common.RandomCode;
import dev.duka.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number a customer reads on a receipt, e.g. {@code DK-7KQ2M9XH}: 8 characters of Crockford
 * base 32 (40 random bits), so numbers are short, unguessable, and never mistaken when read aloud.
 * Unique through the database; a collision means drawing again.
 */
public record OrderNumber(String value) {
  public static final String PREFIX = "DK-";
  public static final int CODE_LENGTH = 8;
  private static final Pattern SHAPE = Pattern.compile("DK-[0-9A-HJKMNP-TV-Z]{8}");

  public OrderNumber {
    if (value == null) {
      throw new InvalidValueException("number", "is required");
    }
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("number", "must look like DK-7KQ2M9XH");
    }
  }

  /** The number drawn from the low 40 bits of {@code randomBits}. */
  public static OrderNumber fromRandom(long randomBits) {
    return new OrderNumber(PREFIX + RandomCode.of(randomBits, CODE_LENGTH));
  }

  @Override
  public String toString() {
    return value;
  }
}
