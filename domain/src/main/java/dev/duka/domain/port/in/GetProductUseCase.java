package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** One product. */
public interface GetProductUseCase {

  /**
   * The product, if the caller may see it: administrators see every product; the public only active
   * products whose category and its ancestors are all active.
   *
   * @param caller the signed-in caller, empty for the public
   * @throws dev.duka.domain.error.NotFoundException when it does not exist or is hidden from the
   *     caller
   */
  ProductView getProduct(Optional<Caller> caller, ProductId id);
}
