package dev.duka.adapters.rest.common;

import dev.duka.domain.money.Money;

/**
 * Money on the wire: {@code {"amount": "12500.00", "currency": "TZS", "minor": 1250000}}, the
 * amount with exactly the currency's decimals.
 */
public record MoneyBody(String amount, String currency, long minor) {

  public static MoneyBody of(Money money) {
    return new MoneyBody(
        money.toDecimalString(), money.currency().getCurrencyCode(), money.minor());
  }
}
