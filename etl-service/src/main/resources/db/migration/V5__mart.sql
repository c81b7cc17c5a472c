-- mart: per product and day, day-over-day deltas and 7/30/90-day rollups, built from product_daily_metrics.
CREATE TABLE mart_product_daily (
    product_key        TEXT    NOT NULL,
    metric_date        DATE    NOT NULL,
    asin               TEXT,
    price              NUMERIC,
    price_change       NUMERIC,
    price_change_pct   NUMERIC,
    bsr                INTEGER,
    bsr_change         INTEGER,
    rating             NUMERIC,
    rating_change      NUMERIC,
    reviews_count      INTEGER,
    reviews_change     INTEGER,
    avg_price_7d       NUMERIC,
    min_price_7d       NUMERIC,
    max_price_7d       NUMERIC,
    avg_bsr_7d         NUMERIC,
    avg_rating_7d      NUMERIC,
    review_growth_7d   INTEGER,
    avg_price_30d      NUMERIC,
    min_price_30d      NUMERIC,
    max_price_30d      NUMERIC,
    avg_bsr_30d        NUMERIC,
    avg_rating_30d     NUMERIC,
    review_growth_30d  INTEGER,
    avg_price_90d      NUMERIC,
    min_price_90d      NUMERIC,
    max_price_90d      NUMERIC,
    avg_bsr_90d        NUMERIC,
    avg_rating_90d     NUMERIC,
    review_growth_90d  INTEGER,
    refreshed_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (product_key, metric_date)
);
CREATE INDEX mart_product_daily_date ON mart_product_daily (metric_date);

-- Scheduled runs claim their slot here, so a nightly job runs once across replicas.
CREATE TABLE scheduled_runs (
    job_name   TEXT        NOT NULL,
    run_date   DATE        NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (job_name, run_date)
);
