package dev.duka.domain.catalog;

import dev.duka.domain.common.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a category. */
public record CategoryId(UUID value) {
  public CategoryId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the text form of the UUID.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the text is not a UUID
   */
  public static CategoryId parse(String text) {
    return new CategoryId(Ids.uuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
