package dev.duka.domain.common;

import dev.duka.domain.error.InvalidValueException;
import java.util.UUID;

/** Reads the text form of the UUIDs behind every id record. */
public final class Ids {
  private Ids() {}

  /**
   * The UUID written in {@code text}.
   *
   * @throws InvalidValueException on field {@code id} when the text is not a UUID
   */
  public static UUID uuid(String text) {
    if (text == null || text.length() != 36) {
      throw new InvalidValueException("id", "\"" + clip(text) + "\" is not a valid id");
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException notAUuid) {
      throw new InvalidValueException("id", "\"" + text + "\" is not a valid id");
    }
  }

  private static String clip(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
