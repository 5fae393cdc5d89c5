-- Ceiling of scenario (e), POST /orders with 3 lines by one of 50 customers: every statement the
-- server runs for it, in one transaction as the server does (PlaceOrderService): the caller's
-- account twice (the token check, then the order's customer), the prices, the order, its lines
-- (one batch, one round trip: a pipeline here), its first history entry, one conditional stock
-- update with its ledger row per line, the account again and the confirmation mail for the outbox.
-- Totals are constants that satisfy the table's checks: what they are costs the same.
\set u random(1, 50)
\set k1 random(1, :orderable)
\set k2 random(1, :orderable)
\set k3 random(1, :orderable)
\set m1 :k1 + (:k1 - 1) / 9
\set m2 :k2 + (:k2 - 1) / 9
\set m3 :k3 + (:k3 - 1) / 9
-- the server takes stock in product-id order, so that two orders never wait for each other in a
-- cycle; any one order among pgbench's clients does the same: here, by product number
\set n1 least(:m1, :m2, :m3)
\set n3 greatest(:m1, :m2, :m3)
\set n2 :m1 + :m2 + :m3 - :n1 - :n3
\set q1 random(1, 3)
\set q2 random(1, 3)
\set q3 random(1, 3)
\set d1 0 - :q1
\set d2 0 - :q2
\set d3 0 - :q3
\set r random(1, 1000000000000000)
SELECT id, email, full_name, role, password_hash, active, email_verified_at, phone,
  default_shipping_address::text AS address, created_at
FROM users WHERE id = md5('duka-bench-user-' || :u)::uuid;
SELECT id, email, full_name, role, password_hash, active, email_verified_at, phone,
  default_shipping_address::text AS address, created_at
FROM users WHERE id = md5('duka-bench-user-' || :u)::uuid;
BEGIN;
WITH RECURSIVE visible(id) AS (
  SELECT id FROM categories WHERE parent_id IS NULL AND active
  UNION ALL SELECT c.id FROM categories c JOIN visible v ON c.parent_id = v.id WHERE c.active)
SELECT p.id, p.sku, p.name, p.price_minor, p.currency, p.stock,
  (p.active AND p.category_id IN (SELECT id FROM visible)) AS sellable
FROM products p WHERE p.id = ANY(ARRAY[md5('duka-bench-product-' || :n1)::uuid,
  md5('duka-bench-product-' || :n2)::uuid, md5('duka-bench-product-' || :n3)::uuid]);
INSERT INTO orders (id, number, user_id, status, payment_status, currency, subtotal_minor,
  discount_minor, tax_minor, shipping_minor, total_minor, shipping_address, notes,
  tracking_number, carrier, created_at, updated_at, version)
VALUES (md5('pgbench-order-' || :r)::uuid, 'PGB-' || :r, md5('duka-bench-user-' || :u)::uuid,
  'pending', 'pending', 'TZS', 10000000, 0, 1800000, 0, 11800000,
  CAST('{"full_name": "Asha Mteja", "line1": "Mtaa wa Uhuru 12", "city": "Dar es Salaam", "country": "TZ", "phone": "+255712345678"}' AS jsonb),
  '', '', '', now(), now(), 0);
\startpipeline
INSERT INTO order_items (order_id, line_no, product_id, sku, name, unit_price_minor, quantity,
  line_total_minor) VALUES (md5('pgbench-order-' || :r)::uuid, 1,
  md5('duka-bench-product-' || :n1)::uuid, 'PGB-SKU-1', 'Kanga ya pwani', 100000, :q1, 100000 * :q1);
INSERT INTO order_items (order_id, line_no, product_id, sku, name, unit_price_minor, quantity,
  line_total_minor) VALUES (md5('pgbench-order-' || :r)::uuid, 2,
  md5('duka-bench-product-' || :n2)::uuid, 'PGB-SKU-2', 'Kitenge', 100000, :q2, 100000 * :q2);
INSERT INTO order_items (order_id, line_no, product_id, sku, name, unit_price_minor, quantity,
  line_total_minor) VALUES (md5('pgbench-order-' || :r)::uuid, 3,
  md5('duka-bench-product-' || :n3)::uuid, 'PGB-SKU-3', 'Kikoi', 100000, :q3, 100000 * :q3);
\endpipeline
INSERT INTO order_status_history (order_id, from_status, to_status, actor_id, reason, at)
VALUES (md5('pgbench-order-' || :r)::uuid, NULL, 'pending', md5('duka-bench-user-' || :u)::uuid,
  'order placed', now());
WITH changed AS (UPDATE products SET stock = stock + CAST(:d1 AS integer)
  WHERE id = md5('duka-bench-product-' || :n1)::uuid
  AND stock::bigint + CAST(:d1 AS integer) BETWEEN 0 AND 2147483647 RETURNING id, stock),
logged AS (INSERT INTO stock_movements (product_id, delta, reason, at)
  SELECT id, CAST(:d1 AS integer), 'order PGB-' || :r, now() FROM changed)
SELECT stock FROM changed;
WITH changed AS (UPDATE products SET stock = stock + CAST(:d2 AS integer)
  WHERE id = md5('duka-bench-product-' || :n2)::uuid
  AND stock::bigint + CAST(:d2 AS integer) BETWEEN 0 AND 2147483647 RETURNING id, stock),
logged AS (INSERT INTO stock_movements (product_id, delta, reason, at)
  SELECT id, CAST(:d2 AS integer), 'order PGB-' || :r, now() FROM changed)
SELECT stock FROM changed;
WITH changed AS (UPDATE products SET stock = stock + CAST(:d3 AS integer)
  WHERE id = md5('duka-bench-product-' || :n3)::uuid
  AND stock::bigint + CAST(:d3 AS integer) BETWEEN 0 AND 2147483647 RETURNING id, stock),
logged AS (INSERT INTO stock_movements (product_id, delta, reason, at)
  SELECT id, CAST(:d3 AS integer), 'order PGB-' || :r, now() FROM changed)
SELECT stock FROM changed;
SELECT id, email, full_name, role, password_hash, active, email_verified_at, phone,
  default_shipping_address::text AS address, created_at
FROM users WHERE id = md5('duka-bench-user-' || :u)::uuid;
INSERT INTO outbox (id, topic, payload, created_at, available_at, attempts)
VALUES (md5('pgbench-mail-' || :r)::uuid, 'mail',
  CAST('{"to": "bench-user-1@example.com", "subject": "Your order PGB is placed", "text": "Asante! We have your order.\n\n1 × Kanga ya pwani  TZS 1,000.00\n\nTotal: TZS 11,800.00\n"}' AS jsonb),
  now(), now(), 0);
COMMIT;
