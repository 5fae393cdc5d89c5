package dev.duka.domain.money;

import dev.duka.domain.error.InvalidValueException;
import java.util.Currency;
import java.util.Locale;

/** Reads ISO 4217 codes given by people and configuration. */
public final class Currencies {
  private Currencies() {}

  /**
   * The currency for a three-letter ISO 4217 code, any case.
   *
   * @throws InvalidValueException when the code is unknown or has no minor unit
   */
  public static Currency parse(String code) {
    if (code == null || !code.matches("[A-Za-z]{3}")) {
      throw new InvalidValueException("currency", "must be a three-letter ISO 4217 code");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidValueException("currency", code + " is not an ISO 4217 currency");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidValueException("currency", code + " has no minor unit");
    }
    return currency;
  }
}
