package dev.duka.domain.port.in;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.user.Caller;

/** Administrators remove an empty category. */
public interface DeleteCategoryUseCase {

  /**
   * Deletes a category without subcategories or products, and audits it.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown category
   * @throws dev.duka.domain.error.ConflictException while it has subcategories or products
   */
  void deleteCategory(Caller caller, CategoryId id);
}
