package dev.duka.domain.money;

import dev.duka.domain.error.InvalidValueException;
import java.util.Currency;

/**
 * What shipping costs for a given value of goods. An order without goods ships nothing and is
 * charged nothing; that rule lives in the cart pricing, not here.
 */
public sealed interface ShippingPolicy permits ShippingPolicy.Flat, ShippingPolicy.FreeFrom {

  /** The shipping fee for goods worth {@code goods} (the discounted subtotal). */
  Money feeFor(Money goods);

  Currency currency();

  static ShippingPolicy flat(Money fee) {
    return new Flat(fee);
  }

  static ShippingPolicy freeFrom(Money fee, Money threshold) {
    return new FreeFrom(fee, threshold);
  }

  /** The same fee for every order. */
  record Flat(Money fee) implements ShippingPolicy {
    public Flat {
      requireNotNegative(fee, "shipping_flat");
    }

    @Override
    public Money feeFor(Money goods) {
      requireSameCurrency(fee, goods);
      return fee;
    }

    @Override
    public Currency currency() {
      return fee.currency();
    }
  }

  /** A flat fee, waived once the goods reach {@code threshold}. */
  record FreeFrom(Money fee, Money threshold) implements ShippingPolicy {
    public FreeFrom {
      requireNotNegative(fee, "shipping_flat");
      requireNotNegative(threshold, "free_shipping_over");
      requireSameCurrency(fee, threshold);
    }

    @Override
    public Money feeFor(Money goods) {
      return goods.isAtLeast(threshold) ? Money.zero(fee.currency()) : fee;
    }

    @Override
    public Currency currency() {
      return fee.currency();
    }
  }

  private static void requireNotNegative(Money amount, String field) {
    if (amount.isNegative()) {
      throw new InvalidValueException(field, "must not be negative");
    }
  }

  private static void requireSameCurrency(Money expected, Money actual) {
    if (!actual.hasCurrency(expected.currency())) {
      throw new CurrencyMismatchException(expected.currency(), actual.currency());
    }
  }
}
