-- After the order scenarios: the stock ledger must still sum to every product's stock, no stock may
-- be negative, and the stock taken by orders must equal what their lines ordered.
SELECT
  (SELECT count(*) FROM products p WHERE p.stock <>
     (SELECT coalesce(sum(m.delta), 0) FROM stock_movements m WHERE m.product_id = p.id))
    AS ledger_mismatches,
  (SELECT count(*) FROM products WHERE stock < 0) AS negative_stock,
  (SELECT coalesce(sum(quantity), 0) FROM order_items)
    - (SELECT -coalesce(sum(delta), 0) FROM stock_movements WHERE reason LIKE 'order %')
    AS ordered_minus_taken,
  (SELECT count(*) FROM orders) AS orders;
