package dev.duka.domain.common;

import dev.duka.domain.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A phone number a courier or a shop can dial: 7–15 digits with an optional leading {@code +}
 * (E.164's length). Spaces, dots, dashes and brackets are dropped.
 */
public record PhoneNumber(String value) {
  private static final Pattern SHAPE = Pattern.compile("\\+?[0-9]{7,15}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

  public PhoneNumber {
    value = SEPARATORS.matcher(Text.clean(value)).replaceAll("");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("phone", "must be 7–15 digits, optionally starting with +");
    }
  }

  /** True when {@code text} is a valid phone number. */
  public static boolean isValid(String text) {
    return SHAPE.matcher(SEPARATORS.matcher(Text.clean(text)).replaceAll("")).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
