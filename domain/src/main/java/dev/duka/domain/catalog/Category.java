package dev.duka.domain.catalog;

import java.util.Objects;
import java.util.Optional;

/** A node of the category tree; a root has no parent. */
public final class Category {
  private final CategoryId id;
  private final CategoryId parentId;
  private final String name;
  private final Slug slug;
  private final String description;
  private final boolean active;
  private final int sortOrder;

  /**
   * @param parentId the parent category, or {@code null} for a root
   */
  public Category(
      CategoryId id,
      CategoryId parentId,
      String name,
      Slug slug,
      String description,
      boolean active,
      int sortOrder) {
    this.id = Objects.requireNonNull(id, "id");
    this.parentId = parentId;
    this.name = Objects.requireNonNull(name, "name");
    this.slug = Objects.requireNonNull(slug, "slug");
    this.description = Objects.requireNonNull(description, "description");
    this.active = active;
    this.sortOrder = sortOrder;
    if (id.equals(parentId)) {
      throw new IllegalArgumentException("a category is never its own parent");
    }
  }

  public CategoryId id() {
    return id;
  }

  public Optional<CategoryId> parentId() {
    return Optional.ofNullable(parentId);
  }

  public String name() {
    return name;
  }

  public Slug slug() {
    return slug;
  }

  public String description() {
    return description;
  }

  public boolean active() {
    return active;
  }

  public int sortOrder() {
    return sortOrder;
  }
}
