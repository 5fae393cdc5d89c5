package dev.duka.domain.user;

import dev.duka.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, stripped and lower-cased so that one mailbox is one account whatever case the
 * user types.
 */
public record Email(String value) {
  public static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE =
      Pattern.compile(
          "[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  public Email {
    if (value == null) {
      throw new InvalidValueException("email", "is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("email", "is not a valid email address");
    }
  }

  public static Email of(String value) {
    return new Email(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
