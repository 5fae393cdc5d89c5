package dev.duka.adapters.postgres.order;

import dev.duka.adapters.postgres.AddressJson;
import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.DailySales;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.order.StatusChange;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Orders in {@code orders}, {@code order_items} and {@code order_status_history}. Updates check the
 * version and append only the history entries the table does not have yet.
 */
public final class JdbiOrderRepository implements OrderRepository {
  private static final String COLUMNS =
      "o.id, o.number, o.user_id, o.status, o.payment_status, o.currency, o.subtotal_minor,"
          + " o.discount_minor, o.tax_minor, o.shipping_minor, o.total_minor,"
          + " o.shipping_address::text AS address, o.notes, o.tracking_number, o.carrier,"
          + " o.created_at, o.updated_at, o.version";
  private static final int EXPORT_BATCH = 200;

  private final Jdbi jdbi;

  public JdbiOrderRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Order order) {
    Order.Snapshot s = order.snapshot();
    try {
      Sql.run(
          jdbi,
          h -> {
            h.createUpdate(
                    "INSERT INTO orders (id, number, user_id, status, payment_status, currency,"
                        + " subtotal_minor, discount_minor, tax_minor, shipping_minor, total_minor,"
                        + " shipping_address, notes, tracking_number, carrier, created_at,"
                        + " updated_at, version) VALUES (:id, :number, :user, :status, :payment,"
                        + " :currency, :subtotal, :discount, :tax, :shipping, :total,"
                        + " CAST(:address AS jsonb), :notes, :tracking, :carrier, :created, :updated,"
                        + " :version)")
                .bind("id", s.id().value())
                .bind("number", s.number().value())
                .bind("user", s.customerId().value())
                .bind("status", s.status().wireName())
                .bind("payment", s.paymentStatus().wireName())
                .bind("currency", s.total().currency().getCurrencyCode())
                .bind("subtotal", s.subtotal().minor())
                .bind("discount", s.discount().minor())
                .bind("tax", s.tax().minor())
                .bind("shipping", s.shipping().minor())
                .bind("total", s.total().minor())
                .bind("address", AddressJson.write(s.shippingAddress()))
                .bind("notes", s.notes())
                .bind("tracking", s.trackingNumber())
                .bind("carrier", s.carrier())
                .bind("created", s.createdAt())
                .bind("updated", s.updatedAt())
                .bind("version", s.version())
                .execute();
            PreparedBatch lines =
                h.prepareBatch(
                    "INSERT INTO order_items (order_id, line_no, product_id, sku, name,"
                        + " unit_price_minor, quantity, line_total_minor) VALUES (:order, :line,"
                        + " :product, :sku, :name, :price, :quantity, :total)");
            int lineNo = 1;
            for (OrderLine line : s.lines()) {
              lines
                  .bind("order", s.id().value())
                  .bind("line", lineNo++)
                  .bind("product", line.productId().value())
                  .bind("sku", line.sku().value())
                  .bind("name", line.name())
                  .bind("price", line.unitPrice().minor())
                  .bind("quantity", line.quantity())
                  .bind("total", line.lineTotal().minor())
                  .add();
            }
            lines.execute();
            appendHistory(h, s.id(), s.history(), 0);
          });
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesUnique(failure, "orders_number_key")) {
        throw new DuplicateException("number", "order number " + s.number() + " is taken");
      }
      throw failure;
    }
  }

  @Override
  public Optional<Order> findById(OrderId id) {
    return Sql.call(
        jdbi,
        h -> {
          List<Order.Snapshot> found =
              load(
                  h,
                  h.createQuery("SELECT " + COLUMNS + " FROM orders o WHERE o.id = :id")
                      .bind("id", id.value()));
          return found.stream().findFirst().map(Order::restore);
        });
  }

  @Override
  public Order update(Order order) {
    Order.Snapshot s = order.snapshot();
    return Sql.call(
        jdbi,
        h -> {
          int changed =
              h.createUpdate(
                      "UPDATE orders SET status = :status, payment_status = :payment,"
                          + " shipping_address = CAST(:address AS jsonb), notes = :notes,"
                          + " tracking_number = :tracking, carrier = :carrier,"
                          + " updated_at = :updated, version = version + 1"
                          + " WHERE id = :id AND version = :version")
                  .bind("id", s.id().value())
                  .bind("status", s.status().wireName())
                  .bind("payment", s.paymentStatus().wireName())
                  .bind("address", AddressJson.write(s.shippingAddress()))
                  .bind("notes", s.notes())
                  .bind("tracking", s.trackingNumber())
                  .bind("carrier", s.carrier())
                  .bind("updated", s.updatedAt())
                  .bind("version", s.version())
                  .execute();
          if (changed == 0) {
            boolean exists =
                h.createQuery("SELECT EXISTS (SELECT 1 FROM orders WHERE id = :id)")
                    .bind("id", s.id().value())
                    .mapTo(Boolean.class)
                    .one();
            if (!exists) {
              throw new NotFoundException("order", s.id());
            }
            throw new ConcurrentUpdateException("order", s.number());
          }
          int stored =
              h.createQuery("SELECT count(*) FROM order_status_history WHERE order_id = :id")
                  .bind("id", s.id().value())
                  .mapTo(Integer.class)
                  .one();
          appendHistory(h, s.id(), s.history(), stored);
          return Order.restore(s.withVersion(s.version() + 1));
        });
  }

  @Override
  public Page<Order> find(OrderFilter filter, PageRequest page) {
    return Sql.call(
        jdbi,
        h -> {
          Where where = Where.of(filter);
          long total =
              where
                  .bind(h.createQuery("SELECT count(*) FROM orders o" + where.sql()))
                  .mapTo(Long.class)
                  .one();
          List<Order.Snapshot> items =
              load(
                  h,
                  where
                      .bind(
                          h.createQuery(
                              "SELECT "
                                  + COLUMNS
                                  + " FROM orders o"
                                  + where.sql()
                                  + " ORDER BY o.created_at DESC, o.id LIMIT :limit OFFSET :offset"))
                      .bind("limit", page.size())
                      .bind("offset", page.offset()));
          return Page.of(items.stream().map(Order::restore).toList(), page, total);
        });
  }

  @Override
  public void forEach(OrderFilter filter, Consumer<Order> sink) {
    Sql.run(
        jdbi,
        h -> {
          Where where = Where.of(filter);
          List<Order.Snapshot> batch = new ArrayList<>(EXPORT_BATCH);
          try (Stream<Order.Snapshot> rows =
              where
                  .bind(
                      h.createQuery(
                          "SELECT "
                              + COLUMNS
                              + " FROM orders o"
                              + where.sql()
                              + " ORDER BY o.created_at DESC, o.id"))
                  .setFetchSize(EXPORT_BATCH)
                  .map(JdbiOrderRepository::header)
                  .stream()) {
            rows.forEach(
                header -> {
                  batch.add(header);
                  if (batch.size() == EXPORT_BATCH) {
                    complete(h, batch).forEach(s -> sink.accept(Order.restore(s)));
                    batch.clear();
                  }
                });
          }
          complete(h, batch).forEach(s -> sink.accept(Order.restore(s)));
        });
  }

  @Override
  public List<DailySales> dailySales(Currency currency, LocalDate from, LocalDate to) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(
                    "SELECT d::date AS day, count(o.id) AS orders,"
                        + " coalesce(sum(o.total_minor), 0) AS revenue"
                        + " FROM generate_series(CAST(:from AS date), CAST(:to AS date),"
                        + " interval '1 day') AS d"
                        + " LEFT JOIN orders o ON o.created_at >= (d AT TIME ZONE 'UTC')"
                        + " AND o.created_at < ((d + interval '1 day') AT TIME ZONE 'UTC')"
                        + " AND o.currency = :currency"
                        + " AND o.payment_status IN ('paid', 'partially_refunded')"
                        + " GROUP BY d ORDER BY d")
                .bind("from", from)
                .bind("to", to)
                .bind("currency", currency.getCurrencyCode())
                .map(
                    (rs, ctx) ->
                        new DailySales(
                            rs.getObject("day", LocalDate.class),
                            rs.getLong("orders"),
                            Money.of(rs.getLong("revenue"), currency)))
                .list());
  }

  /** The WHERE clause of a filter: fixed SQL fragments, values bound as parameters. */
  private record Where(String sql, Map<String, Object> values) {
    static Where of(OrderFilter filter) {
      List<String> clauses = new ArrayList<>();
      Map<String, Object> values = new HashMap<>();
      filter
          .customer()
          .ifPresent(c -> add(clauses, values, "o.user_id = :customer", "customer", c.value()));
      filter
          .status()
          .ifPresent(s -> add(clauses, values, "o.status = :status", "status", s.wireName()));
      filter
          .paymentStatus()
          .ifPresent(
              s -> add(clauses, values, "o.payment_status = :payment", "payment", s.wireName()));
      filter.createdFrom().ifPresent(t -> add(clauses, values, "o.created_at >= :from", "from", t));
      filter
          .createdBefore()
          .ifPresent(t -> add(clauses, values, "o.created_at < :before", "before", t));
      filter
          .number()
          .ifPresent(n -> add(clauses, values, "o.number = :number", "number", n.value()));
      return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), values);
    }

    private static void add(
        List<String> clauses,
        Map<String, Object> values,
        String clause,
        String name,
        Object value) {
      clauses.add(clause);
      values.put(name, value);
    }

    Query bind(Query query) {
      values.forEach(query::bind);
      return query;
    }
  }

  private static List<Order.Snapshot> load(Handle h, Query query) {
    return complete(h, query.map(JdbiOrderRepository::header).list());
  }

  /** Fills in the lines and history of order headers, in two queries for all of them. */
  private static List<Order.Snapshot> complete(Handle h, List<Order.Snapshot> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    UUID[] ids = headers.stream().map(s -> s.id().value()).toArray(UUID[]::new);
    Map<UUID, List<OrderLine>> lines = new HashMap<>();
    h.createQuery(
            "SELECT order_id, product_id, sku, name, unit_price_minor, quantity, line_total_minor,"
                + " o.currency FROM order_items i JOIN orders o ON o.id = i.order_id"
                + " WHERE i.order_id = ANY(:ids) ORDER BY i.order_id, i.line_no")
        .bind("ids", ids)
        .map(
            (rs, ctx) -> {
              Currency currency = Currency.getInstance(rs.getString("currency"));
              lines
                  .computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new OrderLine(
                          new ProductId(rs.getObject("product_id", UUID.class)),
                          new Sku(rs.getString("sku")),
                          rs.getString("name"),
                          Money.of(rs.getLong("unit_price_minor"), currency),
                          rs.getInt("quantity"),
                          Money.of(rs.getLong("line_total_minor"), currency)));
              return 0;
            })
        .list();
    Map<UUID, List<StatusChange>> history = new HashMap<>();
    h.createQuery(
            "SELECT order_id, from_status, to_status, actor_id, reason, at"
                + " FROM order_status_history WHERE order_id = ANY(:ids) ORDER BY order_id, id")
        .bind("ids", ids)
        .map(
            (rs, ctx) -> {
              history
                  .computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                  .add(change(rs));
              return 0;
            })
        .list();
    Map<UUID, Order.Snapshot> complete = new LinkedHashMap<>();
    for (Order.Snapshot s : headers) {
      complete.put(
          s.id().value(),
          new Order.Snapshot(
              s.id(),
              s.number(),
              s.customerId(),
              s.status(),
              s.paymentStatus(),
              lines.getOrDefault(s.id().value(), List.of()),
              s.subtotal(),
              s.discount(),
              s.tax(),
              s.shipping(),
              s.total(),
              s.shippingAddress(),
              s.notes(),
              s.trackingNumber(),
              s.carrier(),
              s.createdAt(),
              s.updatedAt(),
              s.version(),
              history.getOrDefault(s.id().value(), List.of())));
    }
    return List.copyOf(complete.values());
  }

  private static Order.Snapshot header(
      ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    return new Order.Snapshot(
        new OrderId(rs.getObject("id", UUID.class)),
        new OrderNumber(rs.getString("number")),
        new UserId(rs.getObject("user_id", UUID.class)),
        OrderStatus.fromWire(rs.getString("status")),
        PaymentStatus.fromWire(rs.getString("payment_status")),
        List.of(),
        Money.of(rs.getLong("subtotal_minor"), currency),
        Money.of(rs.getLong("discount_minor"), currency),
        Money.of(rs.getLong("tax_minor"), currency),
        Money.of(rs.getLong("shipping_minor"), currency),
        Money.of(rs.getLong("total_minor"), currency),
        AddressJson.read(rs.getString("address")),
        rs.getString("notes"),
        rs.getString("tracking_number"),
        rs.getString("carrier"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        rs.getLong("version"),
        List.of());
  }

  private static StatusChange change(ResultSet rs) throws SQLException {
    String from = rs.getString("from_status");
    UUID actorId = rs.getObject("actor_id", UUID.class);
    Actor actor = actorId == null ? Actor.system() : Actor.user(new UserId(actorId));
    OrderStatus to = OrderStatus.fromWire(rs.getString("to_status"));
    return from == null
        ? StatusChange.creation(to, actor, rs.getString("reason"), Sql.instant(rs, "at"))
        : StatusChange.move(
            OrderStatus.fromWire(from), to, actor, rs.getString("reason"), Sql.instant(rs, "at"));
  }

  private static void appendHistory(Handle h, OrderId id, List<StatusChange> history, int stored) {
    if (history.size() <= stored) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO order_status_history (order_id, from_status, to_status, actor_id, reason,"
                + " at) VALUES (:order, :from, :to, :actor, :reason, :at)");
    for (StatusChange change : history.subList(stored, history.size())) {
      batch
          .bind("order", id.value())
          .bind("from", change.from().map(OrderStatus::wireName).orElse(null))
          .bind("to", change.to().wireName())
          .bind("actor", change.actor().userId().map(UserId::value).orElse(null))
          .bind("reason", change.reason())
          .bind("at", change.at())
          .add();
    }
    batch.execute();
  }
}
