package dev.duka.domain.money;

import dev.duka.domain.error.InvalidValueException;
import java.util.Currency;
import java.util.Objects;

/** The shop's pricing settings: its currency, the tax rate and the shipping policy. */
public record PricingPolicy(Currency currency, TaxRate taxRate, ShippingPolicy shipping) {
  public PricingPolicy {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(taxRate, "taxRate");
    Objects.requireNonNull(shipping, "shipping");
    if (!shipping.currency().equals(currency)) {
      throw new InvalidValueException(
          "shipping_flat",
          "shipping is priced in "
              + shipping.currency().getCurrencyCode()
              + " but the shop sells in "
              + currency.getCurrencyCode());
    }
  }
}
