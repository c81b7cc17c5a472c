-- The last observation of each ASIN per day, from price.updates (default marketplace only,
-- since doc A's links name bare ASINs). Today's row is the ASIN's latest metrics.
CREATE TABLE asin_daily_metrics (
    asin          TEXT          NOT NULL,
    day           DATE          NOT NULL,
    price         NUMERIC(14,2),
    currency      TEXT,
    bsr           INTEGER,
    rating        NUMERIC(3,2),
    reviews_count INTEGER,
    buybox_price  NUMERIC(14,2),
    observed_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (asin, day)
);

-- One comparison per linked pair and day: main − competitor, from each side's latest values on
-- or before that day; null where either side lacks the value. Shared by every user who links the
-- pair; a user reads only the pairs they link.
CREATE TABLE competition_daily (
    asin_main       TEXT          NOT NULL,
    competitor_asin TEXT          NOT NULL,
    day             DATE          NOT NULL,
    price_diff      NUMERIC(14,2),
    bsr_gap         INTEGER,
    rating_diff     NUMERIC(3,2),
    reviews_gap     INTEGER,
    buybox_diff     NUMERIC(14,2),
    computed_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (asin_main, competitor_asin, day)
);
CREATE INDEX competition_daily_by_main_day ON competition_daily (asin_main, day DESC);

-- competition_daily jobs already run, so a redelivered job_requested does not run twice.
CREATE TABLE job_runs (
    job_id      UUID PRIMARY KEY,
    job_name    TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL
);
