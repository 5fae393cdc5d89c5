package dev.duka.domain.port.out;

import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import java.util.List;
import java.util.Optional;

/** The category tree. */
public interface CategoryRepository {

  Optional<Category> findById(CategoryId id);

  /** Every category, active or not, parents before children, siblings by sort order then name. */
  List<Category> findAll();

  /**
   * Stores a new category.
   *
   * @throws dev.duka.domain.error.DuplicateException when its slug is taken
   * @throws dev.duka.domain.error.NotFoundException when its parent does not exist
   */
  void insert(Category category);

  /**
   * Replaces a stored category only if the stored version equals {@code category.version()}. A new
   * parent is checked against the stored tree under a lock, so two concurrent moves can never make
   * a loop.
   *
   * @return the category as stored, with the next version
   * @throws dev.duka.domain.error.NotFoundException when it does not exist, or its new parent does
   *     not
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it first
   * @throws dev.duka.domain.error.ConflictException when its new parent is itself or one of its
   *     descendants
   * @throws dev.duka.domain.error.DuplicateException when its new slug is taken
   */
  Category update(Category category);

  /**
   * Deletes a category that has neither children nor products.
   *
   * @throws dev.duka.domain.error.ConflictException while it has children or products
   */
  void delete(CategoryId id);
}
