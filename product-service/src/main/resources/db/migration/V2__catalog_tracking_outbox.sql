-- The one product catalog: a row per product_key, its UUID assigned here, latest metrics from `price.updates`.
CREATE TABLE products (
    id             UUID PRIMARY KEY,
    product_key    TEXT        NOT NULL UNIQUE,
    asin           TEXT,
    url            TEXT,
    competitor_id  UUID,
    title          TEXT,
    brand          TEXT,
    category       TEXT,
    image_url      TEXT,
    sku            TEXT,
    price          NUMERIC(14, 2),
    currency       TEXT,
    availability   TEXT,
    bsr            INTEGER,
    rating         NUMERIC(3, 2),
    reviews_count  INTEGER,
    buybox_price   NUMERIC(14, 2),
    status         TEXT        NOT NULL DEFAULT 'active',
    -- observed_at of the snapshot the latest metrics come from; an older observation never overwrites them.
    observed_at    TIMESTAMPTZ,
    first_seen     TIMESTAMPTZ,
    last_seen      TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX products_asin ON products (asin) WHERE asin IS NOT NULL;
CREATE INDEX products_competitor ON products (competitor_id) WHERE competitor_id IS NOT NULL;

-- Price history: one point per observation that carried a price.
CREATE TABLE price_points (
    id           UUID PRIMARY KEY,
    product_id   UUID           NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    price        NUMERIC(14, 2) NOT NULL,
    currency     TEXT,
    availability TEXT,
    observed_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX price_points_product ON price_points (product_id, observed_at);

-- event_ids already applied, so a redelivered record changes nothing.
CREATE TABLE processed_events (
    event_id     UUID PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);

-- Local copy of competitor stores (from `competitors`): owner and name.
CREATE TABLE competitors (
    competitor_id UUID PRIMARY KEY,
    user_id       UUID        NOT NULL,
    name          TEXT        NOT NULL,
    state_at      TIMESTAMPTZ NOT NULL
);

-- Who sees a product: one row per user and product; every row counts against max_products.
CREATE TABLE tracking (
    user_id    UUID        NOT NULL,
    product_id UUID        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    via        TEXT        NOT NULL CHECK (via IN ('url', 'competitor')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX tracking_product ON tracking (product_id);

-- Transactional outbox: events committed with their change, relayed to Kafka afterwards.
CREATE TABLE outbox (
    id         UUID PRIMARY KEY,
    topic      TEXT        NOT NULL,
    record_key TEXT,
    payload    TEXT        NOT NULL,
    request_id TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;

-- Doc C's watchlist: products a user watches (pushes over /ws/updates too).
CREATE TABLE watchlist (
    user_id    UUID        NOT NULL,
    product_id UUID        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX watchlist_product ON watchlist (product_id);
