package dev.duka.adapters.postgres.catalog;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Rows the catalog tests need from other features' tables, written directly. */
final class CatalogRows {
  private CatalogRows() {}

  /** A customer, an order of one line for the product, as placing an order would leave them. */
  static void recordAnOrderOf(Jdbi jdbi, UUID product) {
    UUID user = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    jdbi.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO users (id, email, full_name, role, password_hash, created_at,"
                  + " updated_at) VALUES (?, ?, 'Buyer', 'user', 'x', now(), now())",
              user,
              "buyer-" + user + "@example.com");
          h.execute(
              "INSERT INTO orders (id, number, user_id, status, payment_status, currency,"
                  + " subtotal_minor, discount_minor, tax_minor, shipping_minor, total_minor,"
                  + " shipping_address, created_at, updated_at) VALUES (?, ?, ?, 'pending',"
                  + " 'pending', 'TZS', 100, 0, 0, 0, 100, '{}', now(), now())",
              order,
              "DK-" + order.toString().substring(0, 8).toUpperCase(),
              user);
          h.execute(
              "INSERT INTO order_items (order_id, line_no, product_id, sku, name,"
                  + " unit_price_minor, quantity, line_total_minor)"
                  + " SELECT ?, 1, id, sku, name, 100, 1, 100 FROM products WHERE id = ?",
              order,
              product);
        });
  }
}
