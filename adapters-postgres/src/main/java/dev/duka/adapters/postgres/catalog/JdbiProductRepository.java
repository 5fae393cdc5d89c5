package dev.duka.adapters.postgres.catalog;

import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Products and the stock ledger. Every stock change is one conditional statement that updates the
 * product and appends the ledger row together, so concurrent orders can never oversell and the
 * ledger always sums to the stock. Listings and searches are built by {@link ProductSql}.
 */
public final class JdbiProductRepository implements ProductRepository {
  static final String COLUMNS = ProductSql.COLUMNS;
  private static final String CATEGORY_KEY = "products_category_id_fkey";

  private final Jdbi jdbi;

  public JdbiProductRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Product> findById(ProductId id) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM products p WHERE p.id = :id")
                .bind("id", id.value())
                .map(JdbiProductRepository::product)
                .findOne());
  }

  @Override
  public Optional<Product> findVisible(ProductId id) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(
                    "WITH RECURSIVE ancestry(id, parent_id, active) AS ("
                        + " SELECT c.id, c.parent_id, c.active FROM categories c"
                        + " JOIN products p ON p.category_id = c.id WHERE p.id = :id"
                        + " UNION SELECT c.id, c.parent_id, c.active FROM categories c"
                        + " JOIN ancestry a ON c.id = a.parent_id)"
                        + " SELECT "
                        + COLUMNS
                        + " FROM products p WHERE p.id = :id AND p.active"
                        + " AND NOT EXISTS (SELECT 1 FROM ancestry WHERE NOT active)")
                .bind("id", id.value())
                .map(JdbiProductRepository::product)
                .findOne());
  }

  @Override
  public Map<ProductId, ProductSnapshot> findForPricing(Collection<ProductId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    UUID[] keys = ids.stream().map(ProductId::value).distinct().toArray(UUID[]::new);
    List<ProductSnapshot> found =
        Sql.call(
            jdbi,
            h ->
                h.createQuery(
                        "WITH RECURSIVE visible(id) AS ("
                            + " SELECT id FROM categories WHERE parent_id IS NULL AND active"
                            + " UNION ALL SELECT c.id FROM categories c JOIN visible v"
                            + " ON c.parent_id = v.id WHERE c.active)"
                            + " SELECT p.id, p.sku, p.name, p.price_minor, p.currency, p.stock,"
                            + " (p.active AND p.category_id IN (SELECT id FROM visible)) AS sellable"
                            + " FROM products p WHERE p.id = ANY(:ids)")
                    .bind("ids", keys)
                    .map(
                        (rs, ctx) ->
                            new ProductSnapshot(
                                new ProductId(rs.getObject("id", UUID.class)),
                                new Sku(rs.getString("sku")),
                                rs.getString("name"),
                                money(rs),
                                rs.getInt("stock"),
                                rs.getBoolean("sellable")))
                    .list());
    Map<ProductId, ProductSnapshot> byId = new LinkedHashMap<>();
    found.forEach(snapshot -> byId.put(snapshot.id(), snapshot));
    return byId;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code ON CONFLICT DO NOTHING} keeps a taken key from being an error, which would abort the
   * caller's transaction; which key was taken is then read back.
   */
  @Override
  public void insert(Product product) {
    boolean inserted;
    try {
      inserted =
          Sql.call(
              jdbi,
              h ->
                  h.createQuery(
                              "WITH inserted AS ("
                                  + " INSERT INTO products (id, sku, slug, name, description, brand,"
                                  + " category_id, price_minor, currency, stock, active, created_by,"
                                  + " updated_by, created_at, updated_at)"
                                  + " VALUES (:id, :sku, :slug, :name, :description, :brand, :category,"
                                  + " :price, :currency, :stock, :active, :createdBy, :updatedBy,"
                                  + " :createdAt, :updatedAt) ON CONFLICT DO NOTHING RETURNING id, stock),"
                                  + " logged AS ("
                                  + " INSERT INTO stock_movements (product_id, delta, reason, actor_id, at)"
                                  + " SELECT id, stock, 'initial stock', :createdBy, :createdAt"
                                  + " FROM inserted WHERE stock > 0)"
                                  + " SELECT count(*) FROM inserted")
                          .bind("id", product.id().value())
                          .bind("sku", product.sku().value())
                          .bind("slug", product.slug().value())
                          .bind("name", product.name())
                          .bind("description", product.description())
                          .bind("brand", product.brand())
                          .bind("category", product.categoryId().value())
                          .bind("price", product.price().minor())
                          .bind("currency", product.price().currency().getCurrencyCode())
                          .bind("stock", product.stock())
                          .bind("active", product.active())
                          .bind("createdBy", userOf(product.createdBy()))
                          .bind("updatedBy", userOf(product.updatedBy()))
                          .bind("createdAt", product.createdAt())
                          .bind("updatedAt", product.updatedAt())
                          .mapTo(Long.class)
                          .one()
                      > 0);
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesForeignKey(failure, CATEGORY_KEY)) {
        throw new NotFoundException("category", product.categoryId());
      }
      throw failure;
    }
    if (!inserted) {
      if (existsBySku(product.sku())) {
        throw new DuplicateException("sku", "SKU " + product.sku() + " is taken");
      }
      if (existsBySlug(product.slug())) {
        throw new DuplicateException("slug", "slug " + product.slug() + " is taken");
      }
      throw new IllegalStateException("product " + product.id() + " exists already");
    }
  }

  @Override
  public boolean existsBySku(Sku sku) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM products WHERE sku = :sku)")
                .bind("sku", sku.value())
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public boolean existsBySlug(Slug slug) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM products WHERE slug = :slug)")
                .bind("slug", slug.value())
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public Product update(Product product) {
    Optional<Product> stored;
    try {
      stored =
          Sql.call(
              jdbi,
              h ->
                  h.createQuery(
                          "UPDATE products p SET sku = :sku, name = :name,"
                              + " description = :description, brand = :brand,"
                              + " category_id = :category, price_minor = :price,"
                              + " currency = :currency, active = :active, updated_by = :updatedBy,"
                              + " updated_at = :updatedAt, version = version + 1"
                              + " WHERE id = :id AND version = :version RETURNING "
                              + COLUMNS)
                      .bind("id", product.id().value())
                      .bind("version", product.version())
                      .bind("sku", product.sku().value())
                      .bind("name", product.name())
                      .bind("description", product.description())
                      .bind("brand", product.brand())
                      .bind("category", product.categoryId().value())
                      .bind("price", product.price().minor())
                      .bind("currency", product.price().currency().getCurrencyCode())
                      .bind("active", product.active())
                      .bind("updatedBy", userOf(product.updatedBy()))
                      .bind("updatedAt", product.updatedAt())
                      .map(JdbiProductRepository::product)
                      .findOne());
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesUnique(failure, "products_sku_key")) {
        throw new DuplicateException("sku", "SKU " + product.sku() + " is taken");
      }
      if (DatabaseErrors.violatesForeignKey(failure, CATEGORY_KEY)) {
        throw new NotFoundException("category", product.categoryId());
      }
      throw failure;
    }
    if (stored.isPresent()) {
      return stored.get();
    }
    if (findById(product.id()).isEmpty()) {
      throw new NotFoundException("product", product.id());
    }
    throw new ConcurrentUpdateException("product", product.id());
  }

  @Override
  public boolean deleteIfNeverOrdered(ProductId id) {
    int deleted;
    try {
      deleted =
          Sql.call(
              jdbi,
              h ->
                  h.createUpdate(
                          "DELETE FROM products WHERE id = :id"
                              + " AND NOT EXISTS (SELECT 1 FROM order_items WHERE product_id = :id)")
                      .bind("id", id.value())
                      .execute());
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesForeignKey(failure)) {
        throw new ConflictException(
            "product "
                + id
                + " was ordered while it was being deleted; delete it again to"
                + " deactivate it");
      }
      throw failure;
    }
    if (deleted > 0) {
      return true;
    }
    if (findById(id).isEmpty()) {
      throw new NotFoundException("product", id);
    }
    return false;
  }

  @Override
  public Page<Product> list(ProductQuery query, PageRequest page) {
    ProductSql.Statement statement = ProductSql.list(query, page);
    return Sql.call(jdbi, h -> page(h, statement, page));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs in a transaction (the caller's, or its own) because the typo threshold is a setting of
   * the transaction ({@code SET LOCAL}), which the trigram operators read.
   */
  @Override
  public Page<Product> search(SearchText text, ProductQuery filters, PageRequest page) {
    ProductSql.Statement statement = ProductSql.search(text, filters, page);
    return Sql.call(
        jdbi,
        h ->
            h.inTransaction(
                tx -> {
                  tx.execute(
                      "SET LOCAL pg_trgm.word_similarity_threshold = "
                          + ProductSql.FUZZY_THRESHOLD);
                  return page(tx, statement, page);
                }));
  }

  @Override
  public List<BrandCount> countByBrand() {
    ProductSql.Statement statement = ProductSql.brands();
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(statement.sql())
                .bindMap(statement.params())
                .map((rs, ctx) -> new BrandCount(rs.getString("brand"), rs.getLong("products")))
                .list());
  }

  @Override
  public OptionalInt applyStockMovement(StockMovement movement) {
    Optional<Integer> stock =
        Sql.call(
            jdbi,
            h ->
                h.createQuery(
                        "WITH changed AS ("
                            + " UPDATE products SET stock = stock + :delta"
                            + " WHERE id = :id AND stock::bigint + :delta BETWEEN 0 AND 2147483647"
                            + " RETURNING id, stock),"
                            + " logged AS ("
                            + " INSERT INTO stock_movements (product_id, delta, reason, at)"
                            + " SELECT id, :delta, :reason, :at FROM changed)"
                            + " SELECT stock FROM changed")
                    .bind("id", movement.productId().value())
                    .bind("delta", movement.delta())
                    .bind("reason", movement.reason())
                    .bind("at", movement.at())
                    .mapTo(Integer.class)
                    .findOne());
    if (stock.isPresent()) {
      return OptionalInt.of(stock.get());
    }
    if (findById(movement.productId()).isEmpty()) {
      throw new NotFoundException("product", movement.productId());
    }
    return OptionalInt.empty();
  }

  @Override
  public List<StockMovement> movementsOf(ProductId id) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(
                    "SELECT product_id, delta, reason, at FROM stock_movements"
                        + " WHERE product_id = :id ORDER BY id")
                .bind("id", id.value())
                .map(
                    (rs, ctx) ->
                        new StockMovement(
                            new ProductId(rs.getObject("product_id", UUID.class)),
                            rs.getInt("delta"),
                            rs.getString("reason"),
                            Sql.instant(rs, "at")))
                .list());
  }

  static Product product(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Product(
        new ProductId(rs.getObject("id", UUID.class)),
        new Sku(rs.getString("sku")),
        new Slug(rs.getString("slug")),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("brand"),
        new CategoryId(rs.getObject("category_id", UUID.class)),
        money(rs),
        rs.getInt("stock"),
        rs.getBoolean("active"),
        actor(rs.getObject("created_by", UUID.class)),
        actor(rs.getObject("updated_by", UUID.class)),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  /** Reads the rows of a {@link ProductSql} statement: a total on every row, maybe one row only. */
  private static Page<Product> page(Handle h, ProductSql.Statement statement, PageRequest page) {
    List<Row> rows =
        h.createQuery(statement.sql())
            .bindMap(statement.params())
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getLong("total"), rs.getObject("id") == null ? null : product(rs, ctx)))
            .list();
    long total = rows.isEmpty() ? 0 : rows.get(0).total();
    List<Product> items = rows.stream().map(Row::product).filter(Objects::nonNull).toList();
    return Page.of(items, page, total);
  }

  /** A row of a page: the total, and a product unless the page is empty. */
  private record Row(long total, Product product) {}

  private static Money money(ResultSet rs) throws SQLException {
    return Money.of(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency")));
  }

  private static Actor actor(UUID id) {
    return id == null ? Actor.system() : Actor.user(new UserId(id));
  }

  private static UUID userOf(Actor actor) {
    return actor.userId().map(UserId::value).orElse(null);
  }
}
