-- alerts: doc A's market alerts, one per move of one product (price or Best Sellers Rank).
CREATE TABLE market_alerts (
    id              UUID PRIMARY KEY,
    product_key     TEXT        NOT NULL,
    asin            TEXT,
    alert_type      TEXT        NOT NULL,
    severity        TEXT        NOT NULL,
    current_value   NUMERIC,
    previous_value  NUMERIC,
    change_percent  NUMERIC,
    message         TEXT        NOT NULL,
    is_resolved     BOOLEAN     NOT NULL DEFAULT FALSE,
    resolved_by     TEXT,
    resolved_at     TIMESTAMPTZ,
    -- the observation that moved it: one alert per move and type, whatever redelivers it
    source_event_id UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (source_event_id, alert_type)
);
CREATE INDEX market_alerts_asin ON market_alerts (asin, created_at DESC);
CREATE INDEX market_alerts_recent ON market_alerts (created_at DESC);
