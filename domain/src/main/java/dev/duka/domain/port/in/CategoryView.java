package dev.duka.domain.port.in;

import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Slug;

/**
 * A category without its children.
 *
 * @param parentId null for a root
 */
public record CategoryView(
    CategoryId id,
    CategoryId parentId,
    String name,
    Slug slug,
    String description,
    boolean active,
    int sortOrder) {

  public static CategoryView of(Category category) {
    return new CategoryView(
        category.id(),
        category.parentId().orElse(null),
        category.name(),
        category.slug(),
        category.description(),
        category.active(),
        category.sortOrder());
  }
}
