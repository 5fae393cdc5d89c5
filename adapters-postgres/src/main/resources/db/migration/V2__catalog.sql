-- Catalog browsing and search (docs/catalog.md). V1 is never edited; this file adds to it.

-- Counting a listing (its total and pages) reads only this narrow index: btree deduplication
-- keeps it to a few pages per category, several times cheaper to scan than any wider index.
CREATE INDEX products_active_category_idx ON products (category_id) WHERE active;

-- The name alone as a search vector. Search ranks a bounded set of candidates; when a query
-- matches more products than that, the ones whose name matches are gathered from this index
-- first, so they are never crowded out by matches in descriptions.
ALTER TABLE products ADD COLUMN name_search tsvector NOT NULL DEFAULT ''::tsvector;

-- The same trigger as before (it fires only when name, brand or description change, never on
-- stock updates), now keeping both vectors.
CREATE OR REPLACE FUNCTION products_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(NEW.brand, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(NEW.description, '')), 'C');
    NEW.name_search := to_tsvector('simple', coalesce(NEW.name, ''));
    RETURN NEW;
END
$$;

UPDATE products SET name_search = to_tsvector('simple', name);

CREATE INDEX products_name_search_idx ON products USING gin (name_search);
