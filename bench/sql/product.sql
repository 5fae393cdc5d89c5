-- Ceiling of scenario (a), GET /products/{id}: the two statements the server runs for it
-- (JdbiProductRepository.findVisible, then JdbiProductImageRepository.imagesOf), for a random
-- orderable product. Product n's id is
-- md5('duka-bench-product-' || n)::uuid (BenchIds), so no lookup is needed to find it.
\set k random(1, :orderable)
\set n :k + (:k - 1) / 9
WITH RECURSIVE ancestry(id, parent_id, active) AS (
  SELECT c.id, c.parent_id, c.active FROM categories c
  JOIN products p ON p.category_id = c.id WHERE p.id = md5('duka-bench-product-' || :n)::uuid
  UNION SELECT c.id, c.parent_id, c.active FROM categories c
  JOIN ancestry a ON c.id = a.parent_id)
SELECT p.id, p.sku, p.slug, p.name, p.description, p.brand, p.category_id, p.price_minor,
  p.currency, p.stock, p.active, p.created_by, p.updated_by, p.created_at, p.updated_at, p.version
FROM products p WHERE p.id = md5('duka-bench-product-' || :n)::uuid AND p.active
AND NOT EXISTS (SELECT 1 FROM ancestry WHERE NOT active);
SELECT id, product_id, position, original_key, content_type, width, height, thumbnail_key,
  thumbnail_width, thumbnail_height, medium_key, medium_width, medium_height, created_at
FROM product_images WHERE product_id = ANY(ARRAY[md5('duka-bench-product-' || :n)::uuid])
ORDER BY product_id, position, created_at, id;
