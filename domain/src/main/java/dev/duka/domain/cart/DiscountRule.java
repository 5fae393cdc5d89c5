package dev.duka.domain.cart;

import dev.duka.domain.money.Money;
import java.util.List;

/**
 * How much comes off a cart's subtotal before tax. The hook for coupons and promotions; today the
 * shop has only {@link #none()}.
 */
@FunctionalInterface
public interface DiscountRule {

  /**
   * The discount for these lines, in the subtotal's currency, between zero and the subtotal. The
   * pricing refuses any other value.
   */
  Money discountOn(List<PricedLine> lines, Money subtotal);

  static DiscountRule none() {
    return (lines, subtotal) -> Money.zero(subtotal.currency());
  }
}
