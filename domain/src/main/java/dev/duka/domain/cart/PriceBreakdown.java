package dev.duka.domain.cart;

import dev.duka.domain.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A priced cart: the lines that can be ordered and their totals, plus the problems of the lines
 * that cannot. Totals cover the orderable lines only. {@code total = subtotal − discount + tax +
 * shipping} always holds.
 */
public record PriceBreakdown(
    Currency currency,
    List<PricedLine> lines,
    Money subtotal,
    Money discount,
    Money tax,
    Money shipping,
    Money total,
    List<CartProblem> problems) {

  public PriceBreakdown {
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(lines);
    problems = List.copyOf(problems);
    if (!total.equals(subtotal.minus(discount).plus(tax).plus(shipping))) {
      throw new IllegalArgumentException("total must be subtotal − discount + tax + shipping");
    }
  }

  /** True when every line asked for can be ordered and there is at least one. */
  public boolean isOrderable() {
    return problems.isEmpty() && !lines.isEmpty();
  }

  /** The discounted subtotal: what tax is computed on. */
  public Money goods() {
    return subtotal.minus(discount);
  }
}
