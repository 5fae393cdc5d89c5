package dev.duka.domain.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the stock ledger: stock of a product went up ({@code delta > 0}) or down, and why
 * (e.g. {@code "order DK-7KQ2M9XH"}, {@code "recount"}). The sum of a product's movements is its
 * stock.
 */
public record StockMovement(ProductId productId, int delta, String reason, Instant at) {
  public StockMovement {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (delta == 0) {
      throw new IllegalArgumentException("a stock movement changes stock");
    }
  }
}
