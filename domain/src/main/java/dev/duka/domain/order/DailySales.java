package dev.duka.domain.order;

import dev.duka.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/** The paid orders of one day (UTC) and what they brought in. */
public record DailySales(LocalDate day, long orders, Money revenue) {
  public DailySales {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(revenue, "revenue");
    if (orders < 0) {
      throw new IllegalArgumentException("orders is never negative");
    }
  }

  /** Revenue per order, rounded half-even to the minor unit; zero on a day without orders. */
  public Money averageOrderValue() {
    if (orders == 0) {
      return Money.zero(revenue.currency());
    }
    return Money.of(
        BigDecimal.valueOf(revenue.minor())
            .divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_EVEN)
            .longValueExact(),
        revenue.currency());
  }
}
