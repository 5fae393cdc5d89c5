package dev.duka.domain.port.in;

import dev.duka.domain.user.Caller;

/** Administrators add a category to the tree. */
public interface CreateCategoryUseCase {

  /**
   * Creates the category and audits it. Without a slug, one is made from the name, stepping around
   * taken ones ({@code shoes}, {@code shoes-2}...).
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.InvalidValueException naming every bad field, including a parent
   *     that does not exist
   * @throws dev.duka.domain.error.DuplicateException when the given slug is taken
   */
  CategoryView createCategory(Caller caller, CreateCategoryCommand command);

  /**
   * A new category. Only the name is required.
   *
   * @param slug null to make one from the name
   * @param parentId null for a root; otherwise the id of an existing category
   * @param active null for active
   * @param sortOrder null for 0; siblings are listed by sort order, then name
   */
  record CreateCategoryCommand(
      String name,
      String slug,
      String parentId,
      String description,
      Boolean active,
      Integer sortOrder) {}
}
