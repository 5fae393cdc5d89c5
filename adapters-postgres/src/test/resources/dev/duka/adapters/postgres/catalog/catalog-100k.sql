-- 100,000 products for the query plans of docs/catalog.md (CatalogPlansIT loads this into a fresh
-- database). One INSERT … SELECT per table: the whole load takes seconds, not minutes.
--
-- 60 categories: 6 roots, 3 children each, 2 grandchildren each; child 6-3 is inactive, so its
-- grandchildren and their products are hidden. Products sit in the grandchildren (leaves), 5 %
-- are inactive, names come from 16 × 10 Swahili and English words, 211 brands, prices from
-- 1,000.00 to 500,999.00 TZS, one new product a minute from 2026-01-01.

INSERT INTO categories (id, parent_id, name, slug, description, active, sort_order, created_at, updated_at)
SELECT md5('root' || r)::uuid, NULL, 'Root ' || r, 'root-' || r, '', true, r, now(), now()
FROM generate_series(1, 6) r;

INSERT INTO categories (id, parent_id, name, slug, description, active, sort_order, created_at, updated_at)
SELECT md5('child' || r || '-' || c)::uuid, md5('root' || r)::uuid, 'Child ' || r || '-' || c,
       'child-' || r || '-' || c, '', NOT (r = 6 AND c = 3), c, now(), now()
FROM generate_series(1, 6) r, generate_series(1, 3) c;

INSERT INTO categories (id, parent_id, name, slug, description, active, sort_order, created_at, updated_at)
SELECT md5('leaf' || r || '-' || c || '-' || l)::uuid, md5('child' || r || '-' || c)::uuid,
       'Leaf ' || r || '-' || c || '-' || l, 'leaf-' || r || '-' || c || '-' || l, '', true, l, now(), now()
FROM generate_series(1, 6) r, generate_series(1, 3) c, generate_series(1, 2) l;

INSERT INTO products (id, sku, slug, name, description, brand, category_id, price_minor, currency,
                      stock, active, created_at, updated_at)
SELECT md5('p' || i)::uuid,
       'BULK-' || i,
       'bulk-' || i,
       (ARRAY['Simu', 'Kanga', 'Kitenge', 'Viatu', 'Sufuria', 'Kahawa', 'Chai', 'Laptop', 'Phone',
              'Charger', 'Earbuds', 'Shirt', 'Kiti', 'Jiko', 'Mafuta', 'Siagi'])[1 + i % 16]
         || ' ' || (ARRAY['Bora', 'Nzuri', 'Pro', 'Max', 'Lite', 'Plus', 'Mini', 'Classic',
                          'Deluxe', 'Asili'])[1 + (i / 16) % 10]
         || ' ' || (i % 997),
       'Bidhaa kutoka Duka, namba ' || i || ', '
         || (ARRAY['imara', 'laini', 'kali', 'tamu', 'safi'])[1 + i % 5],
       'Brand ' || (i % 211),
       md5('leaf' || (1 + i % 6) || '-' || (1 + (i / 6) % 3) || '-' || (1 + (i / 18) % 2))::uuid,
       100 * (1000 + (i * 7919) % 500000),
       'TZS',
       (i * 31) % 50,
       i % 20 <> 0,
       timestamptz '2026-01-01' + i * interval '1 minute',
       timestamptz '2026-01-01' + i * interval '1 minute'
FROM generate_series(1, 100000) i;

-- the ledger's first movement of every product with stock, as the repository writes it
INSERT INTO stock_movements (product_id, delta, reason, at)
SELECT id, stock, 'initial stock', created_at FROM products WHERE stock > 0;
