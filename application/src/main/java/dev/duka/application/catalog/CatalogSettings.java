package dev.duka.application.catalog;

import java.util.Currency;
import java.util.Objects;

/** How the shop prices its products: in {@code defaultCurrency} unless a product says otherwise. */
public record CatalogSettings(Currency defaultCurrency) {
  public CatalogSettings {
    Objects.requireNonNull(defaultCurrency, "defaultCurrency");
  }
}
