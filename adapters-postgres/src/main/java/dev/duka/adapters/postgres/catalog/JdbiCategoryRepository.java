package dev.duka.adapters.postgres.catalog;

import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.CategoryTree;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.CategoryRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The category tree in the {@code categories} table. */
public final class JdbiCategoryRepository implements CategoryRepository {
  private static final String COLUMNS =
      "id, parent_id, name, slug, description, active, sort_order";

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
  public void update(Category category) {
    int changed =
        write(
            "UPDATE categories SET parent_id = :parent, name = :name, slug = :slug,"
                + " description = :description, active = :active, sort_order = :sort,"
                + " updated_at = now(), version = version + 1 WHERE id = :id",
            category);
    if (changed == 0) {
      throw new NotFoundException("category", category.id());
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

  private int write(String sql, Category category) {
    try {
      return Sql.call(
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
      if (DatabaseErrors.violatesUnique(failure, "categories_slug_key")) {
        throw new DuplicateException("slug", "slug " + category.slug() + " is taken");
      }
      if (DatabaseErrors.violatesForeignKey(failure)) {
        throw new NotFoundException("category", category.parentId().orElseThrow());
      }
      throw failure;
    }
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
        rs.getInt("sort_order"));
  }
}
