-- Ceiling of scenario (b), GET /products?category_id&min_price&max_price&page: the statements the
-- server runs, with the draws of list.lua: any category (with its subcategories), a price band of
-- 1,000 × 2^b to 8,000 × 2^b TZS, page 1-5. First ProductSql.list (page and total together).
-- Then, when the page is not empty, the page's pictures in one statement
-- (JdbiProductImageRepository.imagesOf): as many products as the page shows, here consecutive
-- seeded ones from a random start (the same index probes; pgbench cannot keep a page's ids).
\set c random(1, :categories)
\set page random(1, 5)
\set b random(0, 10)
\set minp 100000 * (1 << :b)
\set maxp :minp * 8
\set limit 20
\set offset (:page - 1) * :limit
\set first random(1, :products - :limit)
-- main
WITH RECURSIVE scope(id, inside) AS (
  SELECT id, id = md5('duka-bench-category-' || :c)::uuid FROM categories
  WHERE parent_id IS NULL AND active
  UNION SELECT c.id, s.inside OR c.id = md5('duka-bench-category-' || :c)::uuid
  FROM categories c JOIN scope s ON c.parent_id = s.id WHERE c.active)
SELECT (SELECT count(*) FROM products p WHERE p.active
    AND p.category_id = ANY(ARRAY(SELECT id FROM scope WHERE inside))
    AND p.currency = CAST(:currency AS char(3)) AND p.price_minor >= :minp
    AND p.price_minor <= :maxp) AS total, r.*
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
  SELECT p.id, p.sku, p.slug, p.name, p.description, p.brand, p.category_id, p.price_minor,
    p.currency, p.stock, p.active, p.created_by, p.updated_by, p.created_at, p.updated_at,
    p.version
  FROM (SELECT k.id FROM (SELECT p.id, p.created_at FROM products p
      WHERE p.active AND p.category_id = ANY(ARRAY(SELECT id FROM scope WHERE inside))
      AND p.currency = CAST(:currency AS char(3)) AND p.price_minor >= :minp
      AND p.price_minor <= :maxp OFFSET 0) AS k
    ORDER BY k.created_at DESC, k.id LIMIT :limit OFFSET :offset) AS page
  JOIN products p ON p.id = page.id ORDER BY p.created_at DESC, p.id) AS r ON true \aset
\set shown least(:limit, greatest(0, :total - :offset))
\set last :first + :shown - 1
\if :shown > 0
SELECT id, product_id, position, original_key, content_type, width, height, thumbnail_key,
  thumbnail_width, thumbnail_height, medium_key, medium_width, medium_height, created_at
FROM product_images WHERE product_id = ANY(ARRAY(
  SELECT md5('duka-bench-product-' || g)::uuid FROM generate_series(CAST(:first AS integer),
    CAST(:last AS integer)) g))
ORDER BY product_id, position, created_at, id;
\endif
