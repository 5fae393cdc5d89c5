package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** Finds products by what a shopper types. */
public interface SearchProductsUseCase {

  /**
   * One page of the products matching {@code text} (see {@link dev.duka.domain.catalog.SearchText})
   * and the filters of {@code filters}, most relevant first: a match in the name ranks above one in
   * the brand, above one in the description. Every word matches as a prefix ({@code kang} finds
   * Kanga), and when whole words find almost nothing, a word with one typo still finds names and
   * brands ({@code iphnoe} finds iPhone). Only a bounded number of candidates is ranked, so the
   * total of a very broad search is capped; the sort of {@code filters} is ignored. Visibility is
   * as for listing.
   *
   * @param caller the signed-in caller, empty for the public
   * @throws dev.duka.domain.error.InvalidValueException on field {@code q} for an empty text, one
   *     over 200 characters, or one without a word to look for
   * @throws dev.duka.domain.error.ForbiddenException when anyone but an administrator asks for
   *     hidden products
   */
  Page<ProductView> searchProducts(
      Optional<Caller> caller, String text, ProductQuery filters, PageRequest page);
}
