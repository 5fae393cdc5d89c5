package dev.duka.domain.user;

import dev.duka.domain.common.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user account. */
public record UserId(UUID value) {
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the text form of the UUID.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the text is not a UUID
   */
  public static UserId parse(String text) {
    return new UserId(Ids.uuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
