package dev.duka.adapters.postgres.catalog;

import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockMovement;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Products and the stock ledger. Every stock change is one conditional statement that updates the
 * product and appends the ledger row together, so concurrent orders can never oversell and the
 * ledger always sums to the stock.
 */
public final class JdbiProductRepository implements ProductRepository {
  static final String COLUMNS =
      "p.id, p.sku, p.slug, p.name, p.description, p.brand, p.category_id, p.price_minor,"
          + " p.currency, p.stock, p.active, p.created_by, p.updated_by, p.created_at, p.updated_at";

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
                        "SELECT p.id, p.sku, p.name, p.price_minor, p.currency, p.stock,"
                            + " (p.active AND c.active) AS sellable"
                            + " FROM products p JOIN categories c ON c.id = p.category_id"
                            + " WHERE p.id = ANY(:ids)")
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

  @Override
  public void insert(Product product) {
    try {
      Sql.run(
          jdbi,
          h ->
              h.createUpdate(
                      "WITH inserted AS ("
                          + " INSERT INTO products (id, sku, slug, name, description, brand,"
                          + " category_id, price_minor, currency, stock, active, created_by,"
                          + " updated_by, created_at, updated_at)"
                          + " VALUES (:id, :sku, :slug, :name, :description, :brand, :category,"
                          + " :price, :currency, :stock, :active, :createdBy, :updatedBy, :createdAt,"
                          + " :updatedAt) RETURNING id, stock)"
                          + " INSERT INTO stock_movements (product_id, delta, reason, actor_id, at)"
                          + " SELECT id, stock, 'initial stock', :createdBy, :createdAt"
                          + " FROM inserted WHERE stock > 0")
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
                  .execute());
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesUnique(failure, "products_sku_key")) {
        throw new DuplicateException("sku", "SKU " + product.sku() + " is taken");
      }
      if (DatabaseErrors.violatesUnique(failure, "products_slug_key")) {
        throw new DuplicateException("slug", "slug " + product.slug() + " is taken");
      }
      if (DatabaseErrors.violatesForeignKey(failure)) {
        throw new NotFoundException("category", product.categoryId());
      }
      throw failure;
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
  public OptionalInt applyStockMovement(StockMovement movement) {
    Optional<Integer> stock =
        Sql.call(
            jdbi,
            h ->
                h.createQuery(
                        "WITH changed AS ("
                            + " UPDATE products SET stock = stock + :delta"
                            + " WHERE id = :id AND stock + :delta >= 0 RETURNING id, stock),"
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
        Sql.instant(rs, "updated_at"));
  }

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
