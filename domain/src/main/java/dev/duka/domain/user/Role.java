package dev.duka.domain.user;

import dev.duka.domain.common.WireNames;
import dev.duka.domain.error.InvalidValueException;

/** What a user may do: shop ({@code USER}) or run the shop ({@code ADMIN}). */
public enum Role {
  USER,
  ADMIN;

  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Reads {@code user} or {@code admin}.
   *
   * @throws InvalidValueException for anything else
   */
  public static Role fromWire(String text) {
    return WireNames.parse(Role.class, text, "role");
  }
}
