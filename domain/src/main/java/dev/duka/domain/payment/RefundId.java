package dev.duka.domain.payment;

import dev.duka.domain.common.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a refund. */
public record RefundId(UUID value) {
  public RefundId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the text form of the UUID.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the text is not a UUID
   */
  public static RefundId parse(String text) {
    return new RefundId(Ids.uuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
