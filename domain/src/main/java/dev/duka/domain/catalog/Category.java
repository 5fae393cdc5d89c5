package dev.duka.domain.catalog;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the category tree; a root has no parent. {@code version} counts stored edits, for
 * optimistic locking.
 */
public final class Category {
  public static final int NAME_MAX = 100;
  public static final int DESCRIPTION_MAX = 1_000;

  private final CategoryId id;
  private final CategoryId parentId;
  private final String name;
  private final Slug slug;
  private final String description;
  private final boolean active;
  private final int sortOrder;
  private final long version;

  /**
   * A category that was never stored: version 0.
   *
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
    this(id, parentId, name, slug, description, active, sortOrder, 0);
  }

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
      int sortOrder,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.parentId = parentId;
    this.name = Objects.requireNonNull(name, "name");
    this.slug = Objects.requireNonNull(slug, "slug");
    this.description = Objects.requireNonNull(description, "description");
    this.active = active;
    this.sortOrder = sortOrder;
    this.version = version;
    if (id.equals(parentId)) {
      throw new IllegalArgumentException("a category is never its own parent");
    }
    if (version < 0) {
      throw new IllegalArgumentException("a version is never negative");
    }
  }

  /**
   * Adds to {@code into} a violation for each rule the texts of a category break: a name of 1–100
   * characters and a description of at most 1,000, without control characters. The texts must be
   * cleaned ({@link Text#clean}) already.
   */
  public static void checkTexts(String name, String description, List<Violation> into) {
    Text.check("name", name, true, NAME_MAX, into);
    Text.check("description", description, false, DESCRIPTION_MAX, into);
  }

  /**
   * This category with new values; id and version stay. Whether the new parent is allowed depends
   * on the whole tree: check it with {@link CategoryTree#checkMove}.
   *
   * @param newParent the new parent, or {@code null} to make it a root
   */
  public Category edited(
      CategoryId newParent,
      String newName,
      Slug newSlug,
      String newDescription,
      boolean newActive,
      int newSortOrder) {
    return new Category(
        id, newParent, newName, newSlug, newDescription, newActive, newSortOrder, version);
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

  public long version() {
    return version;
  }

  /** This category as stored with another version (what a repository hands back after a write). */
  public Category withVersion(long newVersion) {
    return new Category(id, parentId, name, slug, description, active, sortOrder, newVersion);
  }
}
