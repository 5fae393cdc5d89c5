package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Caller;

/** Administrators remove a product. */
public interface DeleteProductUseCase {

  /**
   * Deletes the product with its stock ledger, or, when an order refers to it (orders keep their
   * products), deactivates it instead; either way shoppers no longer see it. Audited.
   *
   * @return what was done
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown product
   */
  Removal deleteProduct(Caller caller, ProductId id);

  /** What deleting a product did. */
  enum Removal {
    /** The product and its ledger are gone. */
    DELETED,
    /** An order refers to the product, so it was kept and deactivated. */
    DEACTIVATED
  }
}
