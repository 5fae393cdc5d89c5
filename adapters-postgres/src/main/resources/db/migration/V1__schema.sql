-- Duka's schema (ARCHITECTURE.md, "Data"). Applied migrations are never edited: change the
-- schema with a new V<n>__*.sql file.
--
-- Conventions: ids are uuid; money is *_minor bigint plus currency char(3); times are
-- timestamptz; enums are lower-case text with a CHECK; optional text is '' rather than NULL.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accounts ------------------------------------------------------------------------------

CREATE TABLE users (
    id                       uuid PRIMARY KEY,
    email                    text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    full_name                text        NOT NULL,
    role                     text        NOT NULL CHECK (role IN ('user', 'admin')),
    password_hash            text        NOT NULL,
    phone                    text        NOT NULL DEFAULT '',
    default_shipping_address jsonb,
    active                   boolean     NOT NULL DEFAULT true,
    email_verified_at        timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    version                  bigint      NOT NULL DEFAULT 0
);
-- one mailbox, one account, whatever case it was typed in
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at DESC, id);

CREATE TABLE refresh_tokens (
    token_hash  text PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE email_tokens (
    token_hash  text PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);

-- Catalog -------------------------------------------------------------------------------

CREATE TABLE categories (
    id           uuid PRIMARY KEY,
    parent_id    uuid REFERENCES categories (id),
    name         text        NOT NULL,
    slug         text        NOT NULL UNIQUE,
    description  text        NOT NULL DEFAULT '',
    active       boolean     NOT NULL DEFAULT true,
    sort_order   integer     NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX categories_parent_idx ON categories (parent_id, sort_order, name);

-- fillfactor 90 leaves room on each page so stock updates stay HOT (no index churn);
-- stock itself is deliberately not indexed for the same reason.
CREATE TABLE products (
    id           uuid PRIMARY KEY,
    sku          text        NOT NULL UNIQUE CHECK (sku ~ '^[A-Z0-9-]{3,64}$'),
    slug         text        NOT NULL UNIQUE,
    name         text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    brand        text        NOT NULL DEFAULT '',
    category_id  uuid        NOT NULL REFERENCES categories (id),
    price_minor  bigint      NOT NULL CHECK (price_minor >= 0),
    currency     char(3)     NOT NULL,
    stock        integer     NOT NULL CHECK (stock >= 0),
    active       boolean     NOT NULL DEFAULT true,
    search       tsvector    NOT NULL DEFAULT ''::tsvector,
    created_by   uuid REFERENCES users (id),
    updated_by   uuid REFERENCES users (id),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0
) WITH (fillfactor = 90);

-- The search vector is kept by a trigger that fires only when a searched column changes,
-- so stock updates do not recompute it (a generated column would, on every update).
-- 'simple' configuration: no stemming, so Swahili and English words both match as typed.
CREATE FUNCTION products_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(NEW.brand, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER products_search_vector_insert
    BEFORE INSERT ON products
    FOR EACH ROW EXECUTE FUNCTION products_search_vector();
CREATE TRIGGER products_search_vector_update
    BEFORE UPDATE OF name, brand, description ON products
    FOR EACH ROW EXECUTE FUNCTION products_search_vector();

CREATE INDEX products_search_idx ON products USING gin (search);
-- typo tolerance: trigram similarity on the name and brand
CREATE INDEX products_name_trgm_idx ON products USING gin (lower(name) gin_trgm_ops);
CREATE INDEX products_brand_trgm_idx ON products USING gin (lower(brand) gin_trgm_ops);
-- listings: every public sort backed by an index over active products
CREATE INDEX products_newest_idx ON products (created_at DESC, id) WHERE active;
CREATE INDEX products_price_idx ON products (price_minor, id) WHERE active;
CREATE INDEX products_name_idx ON products (lower(name), id) WHERE active;
CREATE INDEX products_category_newest_idx ON products (category_id, created_at DESC, id) WHERE active;
CREATE INDEX products_category_price_idx ON products (category_id, price_minor, id) WHERE active;
CREATE INDEX products_brand_idx ON products (lower(brand), price_minor) WHERE active;

CREATE TABLE product_images (
    id                uuid PRIMARY KEY,
    product_id        uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position          integer     NOT NULL CHECK (position >= 0),
    original_key      text        NOT NULL,
    content_type      text        NOT NULL,
    width             integer     NOT NULL CHECK (width > 0),
    height            integer     NOT NULL CHECK (height > 0),
    thumbnail_key     text        NOT NULL,
    thumbnail_width   integer     NOT NULL,
    thumbnail_height  integer     NOT NULL,
    medium_key        text        NOT NULL,
    medium_width      integer     NOT NULL,
    medium_height     integer     NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX product_images_product_idx ON product_images (product_id, position);
CREATE INDEX product_images_original_key_idx ON product_images (original_key);

-- Orders --------------------------------------------------------------------------------

CREATE TABLE orders (
    id                uuid PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    user_id           uuid        NOT NULL REFERENCES users (id),
    status            text        NOT NULL CHECK (status IN
                          ('pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded')),
    payment_status    text        NOT NULL CHECK (payment_status IN
                          ('pending', 'paid', 'failed', 'partially_refunded', 'refunded')),
    currency          char(3)     NOT NULL,
    subtotal_minor    bigint      NOT NULL CHECK (subtotal_minor >= 0),
    discount_minor    bigint      NOT NULL CHECK (discount_minor >= 0 AND discount_minor <= subtotal_minor),
    tax_minor         bigint      NOT NULL CHECK (tax_minor >= 0),
    shipping_minor    bigint      NOT NULL CHECK (shipping_minor >= 0),
    total_minor       bigint      NOT NULL,
    shipping_address  jsonb       NOT NULL,
    notes             text        NOT NULL DEFAULT '',
    tracking_number   text        NOT NULL DEFAULT '',
    carrier           text        NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    CHECK (total_minor = subtotal_minor - discount_minor + tax_minor + shipping_minor)
);
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC, id);
CREATE INDEX orders_status_idx ON orders (status, created_at DESC);
CREATE INDEX orders_created_idx ON orders (created_at DESC, id);

-- price and name are copied at order time: later catalog edits never change an order
CREATE TABLE order_items (
    order_id          uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no           integer NOT NULL,
    product_id        uuid    NOT NULL REFERENCES products (id),
    sku               text    NOT NULL,
    name              text    NOT NULL,
    unit_price_minor  bigint  NOT NULL CHECK (unit_price_minor >= 0),
    quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    line_total_minor  bigint  NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CHECK (line_total_minor = unit_price_minor * quantity)
);
CREATE INDEX order_items_product_idx ON order_items (product_id);

CREATE TABLE order_status_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status  text,
    to_status    text        NOT NULL,
    actor_id     uuid,
    reason       text        NOT NULL DEFAULT '',
    at           timestamptz NOT NULL
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id);

-- the stock ledger: for every product, sum(delta) = products.stock
CREATE TABLE stock_movements (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    delta       integer     NOT NULL CHECK (delta <> 0),
    reason      text        NOT NULL,
    order_id    uuid REFERENCES orders (id),
    actor_id    uuid,
    at          timestamptz NOT NULL
);
CREATE INDEX stock_movements_product_idx ON stock_movements (product_id, id);

-- Payments ------------------------------------------------------------------------------

CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    order_id            uuid        NOT NULL REFERENCES orders (id),
    provider            text        NOT NULL CHECK (provider IN ('stripe', 'manual')),
    status              text        NOT NULL CHECK (status IN
                            ('pending', 'paid', 'failed', 'partially_refunded', 'refunded')),
    currency            char(3)     NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor >= 0),
    refunded_minor      bigint      NOT NULL DEFAULT 0,
    provider_reference  text        NOT NULL DEFAULT '',
    payment_reference   text        NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    CHECK (refunded_minor BETWEEN 0 AND amount_minor)
);
CREATE INDEX payments_order_idx ON payments (order_id, created_at);
CREATE UNIQUE INDEX payments_provider_reference_key ON payments (provider, provider_reference)
    WHERE provider_reference <> '';

CREATE TABLE refunds (
    id                  uuid PRIMARY KEY,
    payment_id          uuid        NOT NULL REFERENCES payments (id),
    currency            char(3)     NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    reason              text        NOT NULL DEFAULT '',
    provider_reason     text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('requested', 'succeeded', 'failed')),
    provider_reference  text        NOT NULL DEFAULT '',
    created_by          uuid REFERENCES users (id),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id, created_at);

-- each Stripe event id is handled once: the insert is the lock
CREATE TABLE stripe_events (
    event_id      text PRIMARY KEY,
    type          text        NOT NULL,
    received_at   timestamptz NOT NULL,
    processed_at  timestamptz
);

-- Cross-cutting -------------------------------------------------------------------------

CREATE TABLE idempotency_keys (
    user_id              uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key                  text        NOT NULL,
    request_fingerprint  text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('in_progress', 'completed')),
    response_status      integer,
    response_body        text,
    created_at           timestamptz NOT NULL,
    completed_at         timestamptz,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id  uuid,
    action    text        NOT NULL,
    subject   text        NOT NULL,
    data      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    at        timestamptz NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, at DESC);

CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    topic         text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    available_at  timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text        NOT NULL DEFAULT '',
    delivered_at  timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (available_at) WHERE delivered_at IS NULL;
