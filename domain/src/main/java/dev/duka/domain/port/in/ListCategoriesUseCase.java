package dev.duka.domain.port.in;

import dev.duka.domain.user.Caller;
import java.util.List;
import java.util.Optional;

/** The category tree, as shoppers browse it. */
public interface ListCategoriesUseCase {

  /**
   * The roots with their children nested. The public sees only active categories whose ancestors
   * are all active; with {@code includeInactive} an administrator sees every category.
   *
   * @param caller the signed-in caller, empty for the public
   * @throws dev.duka.domain.error.ForbiddenException when anyone but an administrator asks for
   *     inactive categories
   */
  List<CategoryNode> listCategories(Optional<Caller> caller, boolean includeInactive);
}
