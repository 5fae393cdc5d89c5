package dev.duka.domain.order;

import dev.duka.domain.common.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies an order. */
public record OrderId(UUID value) {
  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the text form of the UUID.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the text is not a UUID
   */
  public static OrderId parse(String text) {
    return new OrderId(Ids.uuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
