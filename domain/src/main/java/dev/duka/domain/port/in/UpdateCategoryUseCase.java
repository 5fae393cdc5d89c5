package dev.duka.domain.port.in;

import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** Administrators rename, move, (de)activate or reorder a category. */
public interface UpdateCategoryUseCase {

  /**
   * Applies the given changes only, and audits them. Deactivating a category hides it, its
   * descendants and all their products from the public.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown category
   * @throws dev.duka.domain.error.InvalidValueException naming every bad field, including a parent
   *     that does not exist
   * @throws dev.duka.domain.error.ConflictException when the new parent is the category itself or
   *     one of its descendants
   * @throws dev.duka.domain.error.DuplicateException when the new slug is taken
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it meanwhile
   */
  CategoryView updateCategory(Caller caller, CategoryId id, CategoryChanges changes);

  /** The fields a PATCH names; an absent field stays as it is. */
  final class CategoryChanges {
    private String name;
    private String slug;
    private String parentId;
    private boolean parentGiven;
    private String description;
    private Boolean active;
    private Integer sortOrder;

    public CategoryChanges name(String value) {
      this.name = value;
      return this;
    }

    public CategoryChanges slug(String value) {
      this.slug = value;
      return this;
    }

    /** A new parent's id; null makes the category a root. */
    public CategoryChanges parentId(String value) {
      this.parentId = value;
      this.parentGiven = true;
      return this;
    }

    /** A new description; null clears it. */
    public CategoryChanges description(String value) {
      this.description = value == null ? "" : value;
      return this;
    }

    public CategoryChanges active(boolean value) {
      this.active = value;
      return this;
    }

    public CategoryChanges sortOrder(int value) {
      this.sortOrder = value;
      return this;
    }

    public Optional<String> name() {
      return Optional.ofNullable(name);
    }

    public Optional<String> slug() {
      return Optional.ofNullable(slug);
    }

    public boolean parentGiven() {
      return parentGiven;
    }

    /** The new parent's id; empty (with {@link #parentGiven()}) to make it a root. */
    public Optional<String> parentId() {
      return Optional.ofNullable(parentId);
    }

    public Optional<String> description() {
      return Optional.ofNullable(description);
    }

    public Optional<Boolean> active() {
      return Optional.ofNullable(active);
    }

    public Optional<Integer> sortOrder() {
      return Optional.ofNullable(sortOrder);
    }
  }
}
