-- Searches whose cost does not grow with the catalog (docs/catalog.md, "Searching a large
-- catalog"). V1-V4 are never edited; this file adds to them.

-- The words a product is found by: the lexemes of its name and of its brand, as the 'simple'
-- configuration makes them (the same as in name_search and search).
CREATE FUNCTION product_search_words(name_search tsvector, brand text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN tsvector_to_array(name_search || to_tsvector('simple', brand));

-- Every word of every product (active or not), in byte order: a search reads the products with
-- words starting with one of its words, in order, and stops once it has enough candidates, where
-- a GIN index collects every match first. Kept in the same transaction as the products by the
-- triggers below.
CREATE TABLE search_postings (
    word       text COLLATE "C" NOT NULL,
    product_id uuid             NOT NULL,
    PRIMARY KEY (word, product_id)
);

-- The distinct words and how many products have each: a search starts from its rarest word, and
-- a typo is looked up among these words (a few thousand even in a large catalog) instead of among
-- every name. Words whose count fell to 0 stay, and are skipped. (No CHECK on products: an upsert
-- checks the row it proposes, a decrement, before it finds the row to add it to.)
CREATE TABLE search_words (
    word     text COLLATE "C" PRIMARY KEY,
    products integer NOT NULL
);
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- Inserted and deleted products, one statement at a time (a COPY of a million rows is one
-- statement). Words are counted in their order, so two writers cannot deadlock on them.
CREATE FUNCTION search_postings_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO search_postings (word, product_id)
        SELECT w.word, c.id FROM changed c,
            unnest(product_search_words(c.name_search, c.brand)) AS w (word);
    ELSE
        DELETE FROM search_postings s USING changed c
        WHERE s.product_id = c.id
          AND s.word = ANY(product_search_words(c.name_search, c.brand));
    END IF;
    INSERT INTO search_words AS s (word, products)
    SELECT w.word, CASE TG_OP WHEN 'INSERT' THEN count(*) ELSE -count(*) END
    FROM changed c, unnest(product_search_words(c.name_search, c.brand)) AS w (word)
    GROUP BY w.word ORDER BY w.word
    ON CONFLICT (word) DO UPDATE SET products = s.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_postings_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION search_postings_statement();
CREATE TRIGGER search_postings_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION search_postings_statement();

-- A renamed or rebranded product loses the words it no longer has and gains the new ones. Other
-- updates (stock on every order, prices, descriptions) never get here.
CREATE FUNCTION search_postings_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_words text[] := product_search_words(OLD.name_search, OLD.brand);
    new_words text[] := product_search_words(NEW.name_search, NEW.brand);
BEGIN
    DELETE FROM search_postings
    WHERE product_id = OLD.id AND word = ANY(old_words) AND word <> ALL(new_words);
    INSERT INTO search_postings (word, product_id)
    SELECT w, NEW.id FROM unnest(new_words) AS w WHERE w <> ALL(old_words);
    INSERT INTO search_words AS s (word, products)
    SELECT d.word, d.delta
    FROM (SELECT w, -1 FROM unnest(old_words) AS w WHERE w <> ALL(new_words)
          UNION ALL
          SELECT w, 1 FROM unnest(new_words) AS w WHERE w <> ALL(old_words)) AS d (word, delta)
    ORDER BY d.word
    ON CONFLICT (word) DO UPDATE SET products = s.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_postings_update AFTER UPDATE OF name, brand ON products FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.brand IS DISTINCT FROM NEW.brand)
    EXECUTE FUNCTION search_postings_row();

CREATE FUNCTION search_postings_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_postings;
    DELETE FROM search_words;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_postings_truncate AFTER TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION search_postings_clear();

INSERT INTO search_postings (word, product_id)
SELECT w.word, p.id FROM products p, unnest(product_search_words(p.name_search, p.brand)) AS w (word);

INSERT INTO search_words (word, products)
SELECT word, count(*) FROM search_postings GROUP BY word;
