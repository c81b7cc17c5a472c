-- analytics (doc D): brands, Amazon Search Query Performance rows, and the rollups the API reads.
-- Every row hangs off a brand, and a brand belongs to the user who created or loaded it.

CREATE TABLE analytics_brand (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX analytics_brand_user_name ON analytics_brand (user_id, lower(name));

-- One row per brand, ASIN, reporting period and search query, as Amazon reports it.
-- revenue_estimate = asin purchases × the ASIN's median purchase price (Amazon reports no revenue).
CREATE TABLE sqp_query_performance (
    brand_id            uuid    NOT NULL REFERENCES analytics_brand (id) ON DELETE CASCADE,
    report_period       text    NOT NULL CHECK (report_period IN ('WEEK', 'MONTH', 'QUARTER')),
    period_start        date    NOT NULL,
    period_end          date    NOT NULL,
    asin                text    NOT NULL,
    search_query        text    NOT NULL,
    search_query_score  integer,
    search_query_volume bigint,
    total_impressions   bigint  NOT NULL,
    asin_impressions    bigint  NOT NULL,
    total_clicks        bigint  NOT NULL,
    asin_clicks         bigint  NOT NULL,
    total_cart_adds     bigint  NOT NULL,
    asin_cart_adds      bigint  NOT NULL,
    total_purchases     bigint  NOT NULL,
    asin_purchases      bigint  NOT NULL,
    median_price        numeric,
    currency            text,
    revenue_estimate    numeric NOT NULL,
    -- The counts a product's top queries need ride in the key, so segments read the index alone.
    PRIMARY KEY (brand_id, asin, report_period, period_start, search_query)
        INCLUDE (period_end, asin_impressions, asin_clicks, asin_purchases)
);

-- Per brand, ASIN and period: the sums the product list reads (a few rows per ASIN and week
-- instead of one per query), rebuilt for the ASINs and periods of every loaded document.
CREATE TABLE sqp_asin_period (
    brand_id          uuid    NOT NULL REFERENCES analytics_brand (id) ON DELETE CASCADE,
    report_period     text    NOT NULL,
    period_start      date    NOT NULL,
    period_end        date    NOT NULL,
    asin              text    NOT NULL,
    impressions       bigint  NOT NULL,
    query_impressions bigint  NOT NULL,
    clicks            bigint  NOT NULL,
    query_clicks      bigint  NOT NULL,
    cart_adds         bigint  NOT NULL,
    query_cart_adds   bigint  NOT NULL,
    purchases         bigint  NOT NULL,
    query_purchases   bigint  NOT NULL,
    revenue           numeric NOT NULL,
    currency          text,
    PRIMARY KEY (brand_id, report_period, period_start, asin)
);

-- Per brand and period: each search query's totals counted once, however many of the brand's
-- ASINs it shows (the denominator of the brand's market share).
CREATE TABLE sqp_brand_period (
    brand_id          uuid   NOT NULL REFERENCES analytics_brand (id) ON DELETE CASCADE,
    report_period     text   NOT NULL,
    period_start      date   NOT NULL,
    period_end        date   NOT NULL,
    query_impressions bigint NOT NULL,
    query_clicks      bigint NOT NULL,
    query_cart_adds   bigint NOT NULL,
    query_purchases   bigint NOT NULL,
    PRIMARY KEY (brand_id, report_period, period_start)
);

-- Every document loaded: the same document again (same hash) changes nothing; another one for
-- the same period and ASINs is a restatement and replaces the old rows.
CREATE TABLE sqp_report_load (
    brand_id      uuid        NOT NULL REFERENCES analytics_brand (id) ON DELETE CASCADE,
    report_period text        NOT NULL,
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    asins         text        NOT NULL,
    sha256        text        NOT NULL,
    report_id     text,
    rows_loaded   integer     NOT NULL,
    loaded_at     timestamptz NOT NULL,
    PRIMARY KEY (brand_id, report_period, period_start, asins)
);

-- sqp.reports records already applied (consumers are idempotent by event_id).
CREATE TABLE sqp_consumed_event (
    event_id    uuid PRIMARY KEY,
    consumed_at timestamptz NOT NULL DEFAULT now()
);

-- A load rebuilds the brand's per-period rollups from the rows of the periods it touched.
CREATE INDEX sqp_query_performance_brand_period ON sqp_query_performance (brand_id, report_period, period_start);
