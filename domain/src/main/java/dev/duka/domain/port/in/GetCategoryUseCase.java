package dev.duka.domain.port.in;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** One category. */
public interface GetCategoryUseCase {

  /**
   * The category, if the caller may see it: administrators see every category, the public only
   * active ones under active ancestors.
   *
   * @param caller the signed-in caller, empty for the public
   * @throws dev.duka.domain.error.NotFoundException when it does not exist or is hidden from the
   *     caller
   */
  CategoryView getCategory(Optional<Caller> caller, CategoryId id);
}
