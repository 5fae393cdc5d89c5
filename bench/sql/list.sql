-- Ceiling of scenario (b), GET /products?category_id&min_price&max_price&page: the statements the
-- server runs, with the draws of list.lua: any category (with its subcategories), a price band of
-- 1,000 × 2^b to 8,000 × 2^b TZS, page 1-5. First ProductSql.list (page and total together, from
-- product_counts and the band's edges; PriceBuckets' split of the band is worked out below as the
-- server works it out in Java; parameter names in lower case, as bench/run.sh's explain wants).
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
\set minprice :minp
\set maxprice :maxp
\set reach :offset + :limit
\set lowwidth int(pow(10, int(ln(:minprice) / ln(10) + 0.000000001) - 1))
\set touchedfrom :minprice - mod(:minprice, :lowwidth)
\set highwidth int(pow(10, int(ln(:maxprice) / ln(10) + 0.000000001) - 1))
\set touchedto :maxprice - mod(:maxprice, :highwidth)
\set insidefrom :touchedfrom + :lowwidth
\set lowfrom :minprice
\set lowto :touchedfrom + :lowwidth - 1
\if :minprice = :touchedfrom
\set insidefrom :touchedfrom
\set lowfrom 0
\set lowto -1
\endif
\set insideto :touchedto - 1
\set highfrom :touchedto
\set highto :maxprice
\if :maxprice = :touchedto + :highwidth - 1
\set insideto :touchedto
\set highfrom 0
\set highto -1
\endif
-- main
WITH RECURSIVE scope(id, inside) AS (SELECT id, id = md5('duka-bench-category-' || :c)::uuid FROM
categories WHERE parent_id IS NULL AND active UNION SELECT c.id, s.inside OR c.id =
md5('duka-bench-category-' || :c)::uuid FROM categories c JOIN scope s ON c.parent_id = s.id WHERE
c.active), leaves AS MATERIALIZED (SELECT c.category_id AS id, sum(c.products) AS products,
coalesce(sum(c.products) FILTER (WHERE c.currency = CAST(:currency AS char(3)) AND c.price_floor
BETWEEN :touchedfrom AND :touchedto), 0) AS matches, coalesce(sum(c.products) FILTER (WHERE
c.currency = CAST(:currency AS char(3)) AND c.price_floor BETWEEN :insidefrom AND :insideto), 0) AS
counted FROM product_counts c WHERE c.category_id = ANY(ARRAY(SELECT id FROM scope WHERE inside))
GROUP BY c.category_id) SELECT (SELECT coalesce(sum(counted), 0) FROM leaves) + (SELECT count(*)
FROM products p WHERE p.active AND p.category_id = ANY(ARRAY(SELECT id FROM scope WHERE inside)) AND
p.currency = CAST(:currency AS char(3)) AND p.price_minor BETWEEN :lowfrom AND :lowto) + (SELECT
count(*) FROM products p WHERE p.active AND p.category_id = ANY(ARRAY(SELECT id FROM scope WHERE
inside)) AND p.currency = CAST(:currency AS char(3)) AND p.price_minor BETWEEN :highfrom AND
:highto) AS total, r.* FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT p.id, p.sku, p.slug, p.name,
p.description, p.brand, p.category_id, p.price_minor, p.currency, p.stock, p.active, p.created_by,
p.updated_by, p.created_at, p.updated_at, p.version FROM (SELECT k.id FROM leaves l CROSS JOIN
LATERAL ((SELECT x.id, x.created_at FROM (SELECT p.id, p.created_at FROM products p WHERE
l.matches::float8 * l.matches <= :reach * l.products::float8 AND p.active AND p.category_id = l.id
AND p.currency = CAST(:currency AS char(3)) AND p.price_minor >= :minprice AND p.price_minor <=
:maxprice OFFSET 0) AS x ORDER BY x.created_at DESC, x.id LIMIT :reach) UNION ALL (SELECT p.id,
p.created_at FROM products p WHERE l.matches::float8 * l.matches > :reach * l.products::float8 AND
p.active AND p.category_id = l.id AND p.currency = CAST(:currency AS char(3)) AND p.price_minor + 0
>= :minprice AND p.price_minor - 0 <= :maxprice ORDER BY p.created_at DESC, p.id LIMIT :reach)) AS k
WHERE l.matches > 0 ORDER BY k.created_at DESC, k.id LIMIT :limit OFFSET :offset) AS page JOIN
products p ON p.id = page.id ORDER BY p.created_at DESC, p.id) AS r ON true \aset
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
