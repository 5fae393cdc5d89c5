package dev.duka.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.postgres.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaIT {
  private static PostgresDatabase database;
  private static Jdbi jdbi;

  @BeforeAll
  static void database() {
    database = TestDatabase.fresh();
    jdbi = database.jdbi();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void createsEveryTableOfTheArchitecture() {
    List<String> tables =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .mapTo(String.class)
                    .list());

    assertThat(tables)
        .contains(
            "users",
            "refresh_tokens",
            "email_tokens",
            "categories",
            "products",
            "product_images",
            "stock_movements",
            "orders",
            "order_items",
            "order_status_history",
            "payments",
            "refunds",
            "stripe_events",
            "idempotency_keys",
            "audit_log",
            "outbox");
  }

  @Test
  void installsTrigramSearch() {
    Double similarity =
        jdbi.withHandle(
            h -> h.createQuery("SELECT similarity('iphone', 'iphnoe')").mapTo(Double.class).one());
    assertThat(similarity).isGreaterThan(0.2);
  }

  @Test
  void keepsTheSearchVectorOfAProductUpToDate() {
    UUID product =
        jdbi.inTransaction(
            h -> {
              UUID category = insertCategory(h, "phones");
              return insertProduct(h, category, "SKU-SEARCH-1", "Simu Janja", 5);
            });
    jdbi.useHandle(
        h -> h.execute("UPDATE products SET name = 'Kanga Nzuri' WHERE id = ?", product));

    List<UUID> found =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM products WHERE search @@ websearch_to_tsquery('simple', 'kanga')")
                    .mapTo(UUID.class)
                    .list());
    assertThat(found).containsExactly(product);
  }

  @Test
  void refusesNegativeStock() {
    UUID product =
        jdbi.inTransaction(
            h -> insertProduct(h, insertCategory(h, "mugs"), "SKU-STOCK-1", "Mug", 1));

    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h -> h.execute("UPDATE products SET stock = stock - 2 WHERE id = ?", product)))
        .hasMessageContaining("products_stock_check");
  }

  @Test
  void refusesOrderTotalsThatDoNotAddUp() {
    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h -> {
                      UUID user = UUID.randomUUID();
                      h.execute(
                          "INSERT INTO users (id, email, full_name, role, password_hash, created_at, updated_at)"
                              + " VALUES (?, 'a@example.com', 'A', 'user', 'x', now(), now())",
                          user);
                      h.execute(
                          "INSERT INTO orders (id, number, user_id, status, payment_status, currency,"
                              + " subtotal_minor, discount_minor, tax_minor, shipping_minor, total_minor,"
                              + " shipping_address, created_at, updated_at)"
                              + " VALUES (?, 'DK-00000001', ?, 'pending', 'pending', 'TZS', 100, 0, 18, 0,"
                              + " 999, '{}', now(), now())",
                          UUID.randomUUID(),
                          user);
                    }))
        .hasMessageContaining("orders_check");
  }

  private static UUID insertCategory(Handle h, String slug) {
    UUID id = UUID.randomUUID();
    h.execute(
        "INSERT INTO categories (id, name, slug, created_at, updated_at) VALUES (?, ?, ?, now(), now())",
        id,
        slug,
        slug);
    return id;
  }

  private static UUID insertProduct(Handle h, UUID category, String sku, String name, int stock) {
    UUID id = UUID.randomUUID();
    h.execute(
        "INSERT INTO products (id, sku, slug, name, category_id, price_minor, currency, stock,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1000, 'TZS', ?, now(), now())",
        id,
        sku,
        sku.toLowerCase(),
        name,
        category,
        stock);
    return id;
  }
}
