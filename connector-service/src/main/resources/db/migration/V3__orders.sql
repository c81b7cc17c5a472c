-- Orders and their items fetched from the SP-API (Orders v0); a re-fetch updates a row, never duplicates it.
CREATE TABLE orders (
    id                         UUID PRIMARY KEY,
    user_id                    UUID        NOT NULL,
    amazon_order_id            TEXT        NOT NULL,
    marketplace_id             TEXT        NOT NULL,
    purchase_date              TIMESTAMPTZ,
    last_update_date           TIMESTAMPTZ,
    order_status               TEXT,
    fulfillment_channel        TEXT,
    sales_channel              TEXT,
    order_total_amount         NUMERIC(14, 2),
    order_total_currency       TEXT,
    number_of_items_shipped    INTEGER,
    number_of_items_unshipped  INTEGER,
    fetched_at                 TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, amazon_order_id)
);

CREATE TABLE order_items (
    id                         UUID PRIMARY KEY,
    user_id                    UUID        NOT NULL,
    amazon_order_id            TEXT        NOT NULL,
    order_item_id              TEXT        NOT NULL,
    asin                       TEXT,
    seller_sku                 TEXT,
    title                      TEXT,
    quantity_ordered           INTEGER,
    quantity_shipped           INTEGER,
    item_price_amount          NUMERIC(14, 2),
    item_price_currency        TEXT,
    item_tax_amount            NUMERIC(14, 2),
    promotion_discount_amount  NUMERIC(14, 2),
    fetched_at                 TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, amazon_order_id, order_item_id)
);
CREATE INDEX order_items_order ON order_items (user_id, amazon_order_id);
