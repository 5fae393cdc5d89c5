package dev.duka.adapters.postgres.catalog;

import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.CategoryTree;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.CategoryRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The category tree in the {@code categories} table. A category that changes parent is checked
 * against the stored tree under a transaction-scoped advisory lock, so the tree never becomes a
 * loop; the {@code CHECK (parent_id <> id)} of the table is the last guard.
 */
public final class JdbiCategoryRepository implements CategoryRepository {
  private static final String COLUMNS =
      "id, parent_id, name, slug, description, active, sort_order, version";

  /**
   * The advisory lock that serializes moves in the tree: two concurrent moves (A under B, B under
   * A) could each pass the loop check against the other's old parent.
   */
  private static final long TREE_LOCK = 0x4455_4b41_5452_4545L;

  private final Jdbi jdbi;

  public JdbiCategoryRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Category> findById(CategoryId id) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM categories WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiCategoryRepository::category)
                .findOne());
  }

  @Override
  public List<Category> findAll() {
    List<Category> all =
        Sql.call(
            jdbi,
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM categories")
                    .map(JdbiCategoryRepository::category)
                    .list());
    return CategoryTree.depthFirst(all);
  }

  @Override
  public void insert(Category category) {
    write(
        "INSERT INTO categories (id, parent_id, name, slug, description, active, sort_order,"
            + " created_at, updated_at) VALUES (:id, :parent, :name, :slug, :description, :active,"
            + " :sort, now(), now())",
        category);
  }

  @Override
  public Category update(Category category) {
    Optional<Long> version;
    try {
      version =
          Sql.call(
              jdbi,
              h ->
                  h.inTransaction(
                      tx -> {
                        category
                            .parentId()
                            .ifPresent(parent -> requireNoLoop(tx, category, parent));
                        return tx.createQuery(
                                "UPDATE categories SET parent_id = :parent, name = :name,"
                                    + " slug = :slug, description = :description,"
                                    + " active = :active, sort_order = :sort, updated_at = now(),"
                                    + " version = version + 1"
                                    + " WHERE id = :id AND version = :version RETURNING version")
                            .bind("id", category.id().value())
                            .bind("version", category.version())
                            .bind("parent", category.parentId().map(CategoryId::value).orElse(null))
                            .bind("name", category.name())
                            .bind("slug", category.slug().value())
                            .bind("description", category.description())
                            .bind("active", category.active())
                            .bind("sort", category.sortOrder())
                            .mapTo(Long.class)
                            .findOne();
                      }));
    } catch (RuntimeException failure) {
      throw translated(failure, category);
    }
    if (version.isPresent()) {
      return category.withVersion(version.get());
    }
    if (findById(category.id()).isEmpty()) {
      throw new NotFoundException("category", category.id());
    }
    throw new ConcurrentUpdateException("category", category.id());
  }

  /**
   * Refuses a parent that is the category itself or below it, reading the tree after taking the
   * lock (each statement of a READ COMMITTED transaction sees what committed before it).
   */
  private static void requireNoLoop(Handle h, Category category, CategoryId parent) {
    h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:lock)")
        .bind("lock", TREE_LOCK)
        .mapTo(Integer.class)
        .one();
    boolean loop =
        h.createQuery(
                "WITH RECURSIVE ancestry(id, parent_id) AS ("
                    + " SELECT id, parent_id FROM categories WHERE id = :parent"
                    + " UNION SELECT c.id, c.parent_id FROM categories c"
                    + " JOIN ancestry a ON c.id = a.parent_id)"
                    + " SELECT EXISTS (SELECT 1 FROM ancestry WHERE id = :id)")
            .bind("parent", parent.value())
            .bind("id", category.id().value())
            .mapTo(Boolean.class)
            .one();
    if (loop) {
      throw new ConflictException(
          "category "
              + category.id()
              + " cannot move under "
              + parent
              + ", which is itself or one of its subcategories");
    }
  }

  @Override
  public void delete(CategoryId id) {
    Sql.run(
        jdbi,
        h -> {
          boolean hasChildren =
              h.createQuery("SELECT EXISTS (SELECT 1 FROM categories WHERE parent_id = :id)")
                  .bind("id", id.value())
                  .mapTo(Boolean.class)
                  .one();
          if (hasChildren) {
            throw new ConflictException(
                "category " + id + " has subcategories; move or delete them first");
          }
          boolean hasProducts =
              h.createQuery("SELECT EXISTS (SELECT 1 FROM products WHERE category_id = :id)")
                  .bind("id", id.value())
                  .mapTo(Boolean.class)
                  .one();
          if (hasProducts) {
            throw new ConflictException(
                "category " + id + " has products; move or delete them first");
          }
          int deleted;
          try {
            deleted =
                h.createUpdate("DELETE FROM categories WHERE id = :id")
                    .bind("id", id.value())
                    .execute();
          } catch (RuntimeException raced) {
            if (DatabaseErrors.violatesForeignKey(raced)) {
              throw new ConflictException("category " + id + " is still in use");
            }
            throw raced;
          }
          if (deleted == 0) {
            throw new NotFoundException("category", id);
          }
        });
  }

  private void write(String sql, Category category) {
    try {
      Sql.call(
          jdbi,
          h ->
              h.createUpdate(sql)
                  .bind("id", category.id().value())
                  .bind("parent", category.parentId().map(CategoryId::value).orElse(null))
                  .bind("name", category.name())
                  .bind("slug", category.slug().value())
                  .bind("description", category.description())
                  .bind("active", category.active())
                  .bind("sort", category.sortOrder())
                  .execute());
    } catch (RuntimeException failure) {
      throw translated(failure, category);
    }
  }

  private static RuntimeException translated(RuntimeException failure, Category category) {
    if (DatabaseErrors.violatesUnique(failure, "categories_slug_key")) {
      return new DuplicateException("slug", "slug " + category.slug() + " is taken");
    }
    if (DatabaseErrors.violatesForeignKey(failure, "categories_parent_id_fkey")) {
      return new NotFoundException("category", category.parentId().orElseThrow());
    }
    return failure;
  }

  private static Category category(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID parent = rs.getObject("parent_id", UUID.class);
    return new Category(
        new CategoryId(rs.getObject("id", UUID.class)),
        parent == null ? null : new CategoryId(parent),
        rs.getString("name"),
        new Slug(rs.getString("slug")),
        rs.getString("description"),
        rs.getBoolean("active"),
        rs.getInt("sort_order"),
        rs.getLong("version"));
  }
}
