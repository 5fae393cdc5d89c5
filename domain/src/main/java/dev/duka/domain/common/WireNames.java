package dev.duka.domain.common;

import dev.duka.domain.error.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants as they appear on the wire and in the database: lower snake case. */
public final class WireNames {
  private WireNames() {}

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant whose wire name is {@code text}.
   *
   * @throws InvalidValueException on {@code field}, listing the accepted names, for anything else
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    for (E value : type.getEnumConstants()) {
      if (of(value).equals(text)) {
        return value;
      }
    }
    throw new InvalidValueException(
        field,
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(WireNames::of)
                .collect(Collectors.joining(", ")));
  }
}
