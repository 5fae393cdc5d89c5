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
   */
  void insert(Category category);

  /**
   * Replaces a stored category.
   *
   * @throws dev.duka.domain.error.NotFoundException when it does not exist
   * @throws dev.duka.domain.error.DuplicateException when its new slug is taken
   */
  void update(Category category);

  /**
   * Deletes a category that has neither children nor products.
   *
   * @throws dev.duka.domain.error.ConflictException while it has children or products
   */
  void delete(CategoryId id);
}
