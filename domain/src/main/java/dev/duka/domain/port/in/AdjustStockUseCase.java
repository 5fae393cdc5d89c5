package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Caller;

/** Administrators correct the stock of a product (deliveries, recounts, breakage). */
public interface AdjustStockUseCase {

  /**
   * Changes the stock by {@code delta} and writes the movement to the ledger in one conditional
   * statement, so concurrent adjustments and orders never lose an update and the ledger always sums
   * to the stock. Audited.
   *
   * @return the product with its new stock
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.InvalidValueException for a delta of 0 or beyond ±1,000,000, or a
   *     reason that is empty or over 200 characters
   * @throws dev.duka.domain.error.NotFoundException for an unknown product
   * @throws dev.duka.domain.catalog.InsufficientStockException when the stock would go below zero
   */
  ProductView adjustStock(Caller caller, ProductId id, int delta, String reason);
}
