-- extract: when each tracked target (tracked_product / tracked_competitor row) was last fetched,
-- and whether it is due at once (first tracked, store created or resumed, product_sync).
CREATE TABLE extract_schedule (
    target_id   uuid PRIMARY KEY,
    -- product | store
    kind        text        NOT NULL,
    -- set when the target must be fetched at the next tick, whatever its cadence
    due_at      timestamptz,
    last_run_at timestamptz
);

-- extract: the last price published per product, and a suspect value waiting for confirmation:
-- a 100x jump is published only when the next fetch sees it again.
CREATE TABLE extract_price_watch (
    product_key   text PRIMARY KEY,
    last_price    numeric,
    suspect_price numeric,
    suspect_at    timestamptz
);

-- extract: what each extraction job did per target, kept for GET /v1/etl/extract/jobs/{job_id}.
CREATE TABLE extract_fetch_log (
    id          bigserial PRIMARY KEY,
    job_id      uuid        NOT NULL,
    target      text        NOT NULL,
    url         text,
    -- fetched | failed | refused | quarantined
    outcome     text        NOT NULL,
    detail      text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX extract_fetch_log_job ON extract_fetch_log (job_id, id);
CREATE INDEX extract_fetch_log_age ON extract_fetch_log (created_at);

-- extract: every product a competitor store showed, for the diff between two scans.
CREATE TABLE store_products (
    competitor_id uuid        NOT NULL,
    -- Shopify handle, or the product page's normalized URL
    handle        text        NOT NULL,
    product_key   text        NOT NULL,
    url           text,
    price         numeric,
    -- active | removed
    status        text        NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    removed_at    timestamptz,
    PRIMARY KEY (competitor_id, handle)
);

-- extract: one row per store scan (what the `scans` record announces).
CREATE TABLE store_scans (
    scan_id       uuid PRIMARY KEY,
    competitor_id uuid        NOT NULL,
    job_id        uuid,
    scanned_at    timestamptz NOT NULL,
    found         integer     NOT NULL,
    new_count     integer     NOT NULL,
    removed_count integer     NOT NULL,
    back_count    integer     NOT NULL,
    changed_price integer     NOT NULL,
    error         text
);
CREATE INDEX store_scans_competitor ON store_scans (competitor_id, scanned_at DESC);
