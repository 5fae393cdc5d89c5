-- Ceiling of scenario (d), POST /orders/cart/summary with 3 lines: the one statement the server
-- runs (JdbiProductRepository.findForPricing) for 3 random orderable products.
\set k1 random(1, :orderable)
\set k2 random(1, :orderable)
\set k3 random(1, :orderable)
\set n1 :k1 + (:k1 - 1) / 9
\set n2 :k2 + (:k2 - 1) / 9
\set n3 :k3 + (:k3 - 1) / 9
WITH RECURSIVE visible(id) AS (
  SELECT id FROM categories WHERE parent_id IS NULL AND active
  UNION ALL SELECT c.id FROM categories c JOIN visible v ON c.parent_id = v.id WHERE c.active)
SELECT p.id, p.sku, p.name, p.price_minor, p.currency, p.stock,
  (p.active AND p.category_id IN (SELECT id FROM visible)) AS sellable
FROM products p WHERE p.id = ANY(ARRAY[md5('duka-bench-product-' || :n1)::uuid,
  md5('duka-bench-product-' || :n2)::uuid, md5('duka-bench-product-' || :n3)::uuid]);
