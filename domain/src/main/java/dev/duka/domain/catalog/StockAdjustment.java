package dev.duka.domain.catalog;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A manual change of stock by an administrator (a delivery, a recount, breakage): a non-zero whole
 * number of at most a million either way, and the reason, 1–200 characters, that the ledger keeps.
 */
public record StockAdjustment(int delta, String reason) {
  public static final int MAX_DELTA = 1_000_000;
  public static final int REASON_MAX = 200;

  public StockAdjustment {
    reason = Text.clean(reason);
    List<Violation> violations = new ArrayList<>();
    if (delta == 0 || delta < -MAX_DELTA || delta > MAX_DELTA) {
      violations.add(
          new Violation(
              "delta",
              "must be a non-zero whole number between -" + MAX_DELTA + " and " + MAX_DELTA));
    }
    Text.check("reason", reason, true, REASON_MAX, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  /** The ledger entry this adjustment makes for {@code product}. */
  public StockMovement toMovement(ProductId product, Instant at) {
    return new StockMovement(product, delta, reason, at);
  }
}
