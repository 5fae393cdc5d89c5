package dev.duka.domain.payment;

import dev.duka.domain.common.WireNames;

/** Who takes the money: Stripe Checkout, or the shop itself (cash on delivery, bank transfer). */
public enum PaymentProvider {
  STRIPE,
  MANUAL;

  public String wireName() {
    return WireNames.of(this);
  }
}
