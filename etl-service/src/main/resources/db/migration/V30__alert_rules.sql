-- alerts: doc E's alert rules. Each belongs to one user and watches one product the user tracks
-- or one competitor store the user owns (checked against tracked_product / tracked_competitor).
CREATE TABLE alert_rules (
    id             UUID PRIMARY KEY,
    user_id        UUID        NOT NULL,
    alert_type     TEXT        NOT NULL
        CHECK (alert_type IN ('price_drop', 'price_increase', 'new_product', 'out_of_stock', 'back_in_stock')),
    -- percent of the reference price; only price_drop / price_increase have one
    threshold      NUMERIC,
    product_id     UUID,
    competitor_id  UUID,
    is_active      BOOLEAN     NOT NULL,
    last_triggered TIMESTAMPTZ,
    trigger_count  INTEGER     NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK ((product_id IS NULL) <> (competitor_id IS NULL))
);
CREATE INDEX alert_rules_user ON alert_rules (user_id, created_at DESC);
CREATE INDEX alert_rules_product ON alert_rules (product_id) WHERE is_active;
CREATE INDEX alert_rules_competitor ON alert_rules (competitor_id);

-- Where a price rule stands for one product: the price it measures from, and whether the price is
-- past the rule's line now. A rule fires when it crosses the line, not again until it has come back.
CREATE TABLE alert_rule_state (
    rule_id            UUID        NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    product_key        TEXT        NOT NULL,
    reference_price    NUMERIC     NOT NULL,
    reference_currency TEXT,
    triggered          BOOLEAN     NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_id, product_key)
);
CREATE INDEX alert_rule_state_product ON alert_rule_state (product_key);

-- Every time a rule fired (GET /api/v1/alerts/{id}/history); its id is the alert_id on `alerts`.
CREATE TABLE alert_rule_history (
    id              UUID PRIMARY KEY,
    rule_id         UUID        NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    user_id         UUID        NOT NULL,
    alert_type      TEXT        NOT NULL,
    product_key     TEXT        NOT NULL,
    product_id      UUID,
    asin            TEXT,
    competitor_id   UUID,
    message         TEXT        NOT NULL,
    old_value       NUMERIC,
    new_value       NUMERIC,
    change_percent  NUMERIC,
    -- the observation that fired it: once per rule and product, whatever redelivers it
    source_event_id UUID        NOT NULL,
    triggered_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (rule_id, product_key, source_event_id)
);
CREATE INDEX alert_rule_history_rule ON alert_rule_history (rule_id, triggered_at DESC);
CREATE INDEX alert_rule_history_user ON alert_rule_history (user_id, triggered_at DESC);
