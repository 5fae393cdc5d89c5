package dev.duka.domain.catalog;

import dev.duka.domain.common.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a product. */
public record ProductId(UUID value) {
  public ProductId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the text form of the UUID.
   *
   * @throws dev.duka.domain.error.InvalidValueException when the text is not a UUID
   */
  public static ProductId parse(String text) {
    return new ProductId(Ids.uuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
