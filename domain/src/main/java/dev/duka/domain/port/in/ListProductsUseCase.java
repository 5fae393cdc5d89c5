package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** Browses the catalog. */
public interface ListProductsUseCase {

  /**
   * One page of the products matching {@code query}, in its sort order, and how many match in all.
   * The public never sees an inactive product nor one whose category, or any ancestor of it, is
   * inactive; an administrator sees those too when the query includes hidden products.
   *
   * @param caller the signed-in caller, empty for the public
   * @throws dev.duka.domain.error.ForbiddenException when anyone but an administrator asks for
   *     hidden products
   */
  Page<ProductView> listProducts(Optional<Caller> caller, ProductQuery query, PageRequest page);
}
