-- Listings of a category whose cost does not grow with the catalog (docs/catalog.md, "Counting a
-- listing"). V1-V3 are never edited; this file adds to them.

-- Prices are counted in buckets of two significant digits: 12,000,000-12,999,999 minor units,
-- 100,000,000-109,999,999, and so on (prices under 100 minor units have a bucket each). A bucket
-- is at most a tenth of its prices' size, so a price band's edges hold few products. PriceBuckets
-- in the repository works out the same floors; PriceBucketsIT proves that both agree.
CREATE FUNCTION product_price_floor(price bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN price < 100 THEN price
                ELSE price - price % (10::numeric ^ (length(price::text) - 2))::bigint END;

-- How many active products each category holds, by currency and price bucket. Kept in the same
-- transaction as the products themselves (by the triggers below), so a reader sees counts and
-- products from one snapshot. A listing's total adds up the buckets inside its price band and
-- counts only the band's two edge buckets from the products index. (No CHECK on products: an
-- upsert checks the row it proposes, a decrement, before it finds the row to add it to.)
CREATE TABLE product_counts (
    category_id uuid    NOT NULL,
    currency    char(3) NOT NULL,
    price_floor bigint  NOT NULL,
    products    integer NOT NULL,
    PRIMARY KEY (category_id, currency, price_floor)
);

-- Inserted and deleted products, one statement at a time (a COPY of a million rows is one
-- aggregate). Keys are changed in their order, so two writers cannot deadlock on them.
CREATE FUNCTION product_counts_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO product_counts AS c (category_id, currency, price_floor, products)
    SELECT category_id, currency, product_price_floor(price_minor),
           CASE TG_OP WHEN 'INSERT' THEN count(*) ELSE -count(*) END
    FROM changed WHERE active
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (category_id, currency, price_floor)
        DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_counts_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION product_counts_statement();
CREATE TRIGGER product_counts_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION product_counts_statement();

-- An updated product moves from its old bucket to its new one. Only updates of the four counted
-- columns that change one of them get here: stock updates (every order) never do.
CREATE FUNCTION product_counts_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO product_counts AS c (category_id, currency, price_floor, products)
    SELECT category_id, currency, price_floor, sum(delta)
    FROM (VALUES
            (OLD.category_id, OLD.currency, product_price_floor(OLD.price_minor),
             CASE WHEN OLD.active THEN -1 ELSE 0 END),
            (NEW.category_id, NEW.currency, product_price_floor(NEW.price_minor),
             CASE WHEN NEW.active THEN 1 ELSE 0 END))
        AS d (category_id, currency, price_floor, delta)
    GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (category_id, currency, price_floor)
        DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_counts_update AFTER UPDATE OF active, category_id, currency, price_minor
    ON products FOR EACH ROW
    WHEN (OLD.active IS DISTINCT FROM NEW.active
          OR OLD.category_id IS DISTINCT FROM NEW.category_id
          OR OLD.currency IS DISTINCT FROM NEW.currency
          OR OLD.price_minor IS DISTINCT FROM NEW.price_minor)
    EXECUTE FUNCTION product_counts_row();

CREATE FUNCTION product_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM product_counts;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_counts_truncate AFTER TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION product_counts_clear();

INSERT INTO product_counts (category_id, currency, price_floor, products)
SELECT category_id, currency, product_price_floor(price_minor), count(*)
FROM products WHERE active GROUP BY 1, 2, 3;

-- A category's newest page walks this index and stops once it has the page: with the price and
-- currency in it, the walk filters the band without reading the table.
DROP INDEX products_category_newest_idx;
CREATE INDEX products_category_newest_idx ON products (category_id, created_at DESC, id)
    INCLUDE (price_minor, currency) WHERE active;
