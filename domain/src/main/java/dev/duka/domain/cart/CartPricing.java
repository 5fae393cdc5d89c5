package dev.duka.domain.cart;

import dev.duka.domain.cart.CartProblem.Code;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prices a cart from product data read on the server. Repeated products are merged first; each
 * product then either becomes a priced line or a problem (checked in this order: quantity, unknown,
 * inactive, currency, stock). Tax is the policy's rate on the discounted subtotal, rounded
 * half-even once; shipping follows the policy, and is zero when nothing can be ordered.
 */
public final class CartPricing {
  public static final int MIN_QUANTITY = 1;
  public static final int MAX_QUANTITY = 999;

  private final PricingPolicy policy;
  private final DiscountRule discountRule;

  public CartPricing(PricingPolicy policy) {
    this(policy, DiscountRule.none());
  }

  public CartPricing(PricingPolicy policy, DiscountRule discountRule) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.discountRule = Objects.requireNonNull(discountRule, "discountRule");
  }

  /**
   * Prices {@code cart} against {@code products}, the current data of the products it names
   * (missing ids are unknown products). Pure: reads nothing else, changes nothing.
   */
  public PriceBreakdown price(Cart cart, Map<ProductId, ProductSnapshot> products) {
    Currency currency = policy.currency();
    List<PricedLine> lines = new ArrayList<>();
    List<CartProblem> problems = new ArrayList<>();
    for (Map.Entry<ProductId, Long> wanted : cart.mergedQuantities().entrySet()) {
      ProductId id = wanted.getKey();
      long quantity = wanted.getValue();
      ProductSnapshot product = products.get(id);
      if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
        problems.add(
            new CartProblem(
                id,
                Code.INVALID_QUANTITY,
                "quantity must be between "
                    + MIN_QUANTITY
                    + " and "
                    + MAX_QUANTITY
                    + ", got "
                    + quantity));
      } else if (product == null) {
        problems.add(new CartProblem(id, Code.UNKNOWN_PRODUCT, "no product has id " + id));
      } else if (!product.active()) {
        problems.add(
            new CartProblem(id, Code.INACTIVE_PRODUCT, product.name() + " is not for sale"));
      } else if (!product.unitPrice().hasCurrency(currency)) {
        problems.add(
            new CartProblem(
                id,
                Code.CURRENCY_MISMATCH,
                product.name()
                    + " is priced in "
                    + product.unitPrice().currency().getCurrencyCode()
                    + ", the cart in "
                    + currency.getCurrencyCode()));
      } else if (product.stock() < quantity) {
        problems.add(
            new CartProblem(
                id,
                Code.INSUFFICIENT_STOCK,
                "only "
                    + product.stock()
                    + " of "
                    + product.name()
                    + " left, asked for "
                    + quantity));
      } else {
        lines.add(PricedLine.of(product, (int) quantity));
      }
    }
    return totals(currency, lines, problems);
  }

  private PriceBreakdown totals(
      Currency currency, List<PricedLine> lines, List<CartProblem> problems) {
    Money subtotal = Money.zero(currency);
    for (PricedLine line : lines) {
      subtotal = subtotal.plus(line.lineTotal());
    }
    Money discount = discountRule.discountOn(List.copyOf(lines), subtotal);
    if (discount.isNegative() || discount.isGreaterThan(subtotal)) {
      throw new IllegalStateException("a discount must lie between zero and the subtotal");
    }
    Money goods = subtotal.minus(discount);
    Money tax = policy.taxRate().taxOn(goods);
    Money shipping = lines.isEmpty() ? Money.zero(currency) : policy.shipping().feeFor(goods);
    Money total = goods.plus(tax).plus(shipping);
    return new PriceBreakdown(currency, lines, subtotal, discount, tax, shipping, total, problems);
  }
}
