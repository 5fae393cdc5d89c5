-- Only for the query plans of docs/benchmarks.md: GET /products, page 1 without filters
-- (ProductSql.list of ProductQuery.all()), newest first.
-- main
WITH RECURSIVE visible(id) AS (
  SELECT id FROM categories WHERE parent_id IS NULL AND active
  UNION SELECT c.id FROM categories c JOIN visible v ON c.parent_id = v.id WHERE c.active)
SELECT (SELECT count(*) FROM products p WHERE p.active
    AND p.category_id <> ALL(ARRAY(SELECT id FROM categories EXCEPT SELECT id FROM visible)))
    AS total, r.*
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
  SELECT p.id, p.sku, p.slug, p.name, p.description, p.brand, p.category_id, p.price_minor,
    p.currency, p.stock, p.active, p.created_by, p.updated_by, p.created_at, p.updated_at,
    p.version
  FROM products p WHERE p.active
    AND p.category_id <> ALL(ARRAY(SELECT id FROM categories EXCEPT SELECT id FROM visible))
  ORDER BY p.created_at DESC, p.id LIMIT :limit OFFSET :offset) AS r ON true;
