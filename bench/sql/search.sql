-- Ceiling of scenario (c), GET /products/search?q=: the server's transaction (the typo threshold
-- is a SET LOCAL) around ProductSql.search, for a query drawn from the same list as search.lua
-- (bench.search_queries; 1 in 5 has a typo). Every query of the list is plain words (letters
-- only), so the statement is the one read through search_postings and search_words. The lookup of the query text is the one statement
-- the server does not run: a primary-key read, well under 1 % of a search.
-- After the transaction, when the page is not empty, the page's pictures in one statement
-- (JdbiProductImageRepository.imagesOf): as many products as the page shows, here consecutive
-- seeded ones from a random start (the same index probes; pgbench cannot keep a page's ids).
\set w random(1, :queries)
\set cap 200
\set fuzzybelow 20
\set limit 20
\set offset 0
\set first random(1, :products - :limit)
SELECT q, term FROM bench.search_queries WHERE n = :w \gset
BEGIN;
SET LOCAL pg_trgm.word_similarity_threshold = 0.35;
-- main
WITH RECURSIVE visible(id) AS (SELECT id FROM categories WHERE parent_id IS NULL AND active UNION
  SELECT c.id FROM categories c JOIN visible v ON c.parent_id = v.id WHERE c.active),
terms AS MATERIALIZED (SELECT to_tsquery('simple', regexp_replace(websearch_to_tsquery('simple',
  :q)::text, '''(?:[^'']|'''')*''', '\&:*', 'g')) AS query),
words AS MATERIALIZED (SELECT string_to_array(:term, ' ') AS words),
lead AS MATERIALIZED (SELECT count(*) AS spread FROM search_words v WHERE v.word >= :term AND
  v.word < :term || chr(1114111)),
whole AS MATERIALIZED (SELECT CASE WHEN count(x.alternatives) = count(*) THEN CAST(string_agg('('
  || x.alternatives || ')', ' & ') AS tsquery) END AS query FROM (SELECT (SELECT string_agg('''' ||
  replace(v.word, '''', '''''') || '''', ' | ') FROM search_words v WHERE v.word >= q.word AND
  v.word < q.word || chr(1114111) AND v.products > 0) AS alternatives FROM words,
  unnest(words.words) AS q (word) WHERE cardinality(words.words) > 1) AS x),
name_matches AS MATERIALIZED ((SELECT m.* FROM lead, search_postings s CROSS JOIN LATERAL (SELECT
  p.id, p.created_at, ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search, terms.query) + 0.3 *
  word_similarity(:term, lower(p.name)) + 0.1 * word_similarity(:term, lower(p.brand)) AS score
  FROM products p, terms WHERE p.id = s.product_id AND p.name_search @@ terms.query AND
  (lead.spread = 1 OR s.word = (SELECT min(w) FROM unnest(product_search_words(p.name_search,
  p.brand)) AS w WHERE w >= :term AND w < :term || chr(1114111))) AND p.active AND p.category_id <>
  ALL(ARRAY(SELECT id FROM categories EXCEPT SELECT id FROM visible)) OFFSET 0) AS m WHERE
  cardinality(string_to_array(:term, ' ')) = 1 AND s.word >= :term AND s.word < :term ||
  chr(1114111) LIMIT :cap) UNION ALL (SELECT p.id, p.created_at, ts_rank('{0.1, 0.2, 0.4, 1.0}',
  p.search, terms.query) + 0.3 * word_similarity(:term, lower(p.name)) + 0.1 *
  word_similarity(:term, lower(p.brand)) AS score FROM products p, terms, whole WHERE p.name_search
  @@ whole.query AND p.active AND p.category_id <> ALL(ARRAY(SELECT id FROM categories EXCEPT
  SELECT id FROM visible)) LIMIT :cap)),
text_matches AS MATERIALIZED (SELECT p.id, p.created_at, ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search,
  terms.query) + 0.3 * word_similarity(:term, lower(p.name)) + 0.1 * word_similarity(:term,
  lower(p.brand)) AS score FROM products p, terms WHERE (SELECT count(*) FROM name_matches) < :cap
  AND p.search @@ terms.query AND p.active AND p.category_id <> ALL(ARRAY(SELECT id FROM categories
  EXCEPT SELECT id FROM visible)) LIMIT :cap),
typo_words AS MATERIALIZED (SELECT v.word, max(word_similarity(q.word, v.word)) AS similarity FROM
  words, unnest(words.words) AS q (word), search_words v WHERE (SELECT count(*) FROM name_matches)
  < :fuzzybelow AND (SELECT count(*) FROM text_matches) < :fuzzybelow AND v.word %> q.word AND
  v.products > 0 GROUP BY v.word),
typo_matches AS MATERIALIZED (SELECT m.* FROM (SELECT word, similarity FROM typo_words ORDER BY
  similarity DESC, word) AS w CROSS JOIN LATERAL (SELECT s.product_id FROM search_postings s WHERE
  s.word = w.word) AS s CROSS JOIN LATERAL (SELECT p.id, p.created_at,
  ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search, terms.query) + 0.3 * word_similarity(:term,
  lower(p.name)) + 0.1 * word_similarity(:term, lower(p.brand)) AS score FROM products p, terms
  WHERE p.id = s.product_id AND (:term <% lower(p.name) OR :term <% lower(p.brand)) AND NOT EXISTS
  (SELECT 1 FROM typo_words t, unnest(product_search_words(p.name_search, p.brand)) AS x (word)
  WHERE t.word = x.word AND (t.similarity > w.similarity OR t.similarity = w.similarity AND t.word
  < w.word)) AND p.active AND p.category_id <> ALL(ARRAY(SELECT id FROM categories EXCEPT SELECT id
  FROM visible)) OFFSET 0) AS m LIMIT :cap),
ranked AS MATERIALIZED (SELECT * FROM name_matches UNION SELECT * FROM text_matches UNION SELECT *
  FROM typo_matches)
SELECT t.total, r.* FROM (SELECT count(*) AS total FROM ranked) AS t LEFT JOIN LATERAL (SELECT
  p.id, p.sku, p.slug, p.name, p.description, p.brand, p.category_id, p.price_minor, p.currency,
  p.stock, p.active, p.created_by, p.updated_by, p.created_at, p.updated_at, p.version, k.score
  FROM (SELECT * FROM ranked ORDER BY score DESC, created_at DESC, id LIMIT :limit OFFSET :offset)
  AS k JOIN products p ON p.id = k.id ORDER BY k.score DESC, k.created_at DESC, k.id) AS r ON true \aset
COMMIT;
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
