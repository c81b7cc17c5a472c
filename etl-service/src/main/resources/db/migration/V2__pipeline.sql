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

-- pipeline: every observation as received (audit and replay). Its event_id is the idempotency
-- key: a row `processed` was applied, in the same transaction as its effect.
CREATE TABLE raw_events (
    event_id      UUID PRIMARY KEY,
    product_key   TEXT        NOT NULL,
    asin          TEXT,
    url           TEXT,
    competitor_id UUID,
    source        TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    raw_data      JSONB       NOT NULL,
    job_id        TEXT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    -- pending | processed | failed
    status        TEXT        NOT NULL,
    error         TEXT,
    processed_at  TIMESTAMPTZ
);
CREATE INDEX raw_events_job ON raw_events (job_id, status);
CREATE INDEX raw_events_status ON raw_events (status);

-- pipeline: the latest known state of every product (time-series core).
CREATE TABLE product_latest (
    product_key   TEXT PRIMARY KEY,
    asin          TEXT,
    url           TEXT,
    competitor_id UUID,
    status        TEXT        NOT NULL,
    title         TEXT,
    brand         TEXT,
    category      TEXT,
    image_url     TEXT,
    price         NUMERIC,
    currency      TEXT,
    availability  TEXT,
    bsr           INTEGER,
    rating        NUMERIC,
    reviews_count INTEGER,
    buybox_price  NUMERIC,
    sku           TEXT,
    observed_at   TIMESTAMPTZ NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX product_latest_asin ON product_latest (asin);

-- pipeline: one row per product and UTC day; the mart is built from it.
CREATE TABLE product_daily_metrics (
    product_key        TEXT        NOT NULL,
    metric_date        DATE        NOT NULL,
    asin               TEXT,
    price              NUMERIC,
    min_price          NUMERIC,
    max_price          NUMERIC,
    price_sum          NUMERIC     NOT NULL DEFAULT 0,
    price_observations INTEGER     NOT NULL DEFAULT 0,
    bsr                INTEGER,
    rating             NUMERIC,
    reviews_count      INTEGER,
    buybox_price       NUMERIC,
    observations       INTEGER     NOT NULL,
    last_observed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (product_key, metric_date)
);
CREATE INDEX product_daily_metrics_date ON product_daily_metrics (metric_date);
