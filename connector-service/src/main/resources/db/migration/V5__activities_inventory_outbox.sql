-- Doc B's activity log: every operation a user starts, its progress and outcome. A background
-- operation (fetch-data with "background": true, Search Query Performance reports) is also its
-- own job record: `request` says what to run, `progress` how far it got, `lease_until` until when
-- the replica running it owns it (an expired lease after a restart lets another replica resume it).
CREATE TABLE activities (
    id                 UUID PRIMARY KEY,
    user_id            UUID        NOT NULL,
    activity_type      TEXT        NOT NULL,
    action             TEXT        NOT NULL,
    marketplace_id     TEXT,
    status             TEXT        NOT NULL
        CHECK (status IN ('pending', 'in_progress', 'completed', 'failed', 'cancelled')),
    detail             TEXT,
    error_message      TEXT,
    records_processed  INTEGER     NOT NULL DEFAULT 0,
    records_created    INTEGER     NOT NULL DEFAULT 0,
    records_updated    INTEGER     NOT NULL DEFAULT 0,
    records_failed     INTEGER     NOT NULL DEFAULT 0,
    background         BOOLEAN     NOT NULL DEFAULT FALSE,
    request            TEXT,
    progress           TEXT,
    result             TEXT,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    lease_until        TIMESTAMPTZ,
    started_at         TIMESTAMPTZ,
    completed_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX activities_user_created ON activities (user_id, created_at DESC);
CREATE INDEX activities_runnable ON activities (created_at)
    WHERE background AND status IN ('pending', 'in_progress');

-- Yesterday's FBA inventory (GET_FBA_MYI_ALL_INVENTORY_DATA) per marketplace and day, and its CSV.
-- Fetching the same day again replaces the report and its rows.
CREATE TABLE inventory_reports (
    id                  UUID PRIMARY KEY,
    user_id             UUID        NOT NULL,
    activity_id         UUID,
    marketplace_id      TEXT        NOT NULL,
    report_date         DATE        NOT NULL,
    report_id           TEXT        NOT NULL,
    report_document_id  TEXT        NOT NULL,
    row_count           INTEGER     NOT NULL,
    csv                 TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, marketplace_id, report_date)
);

CREATE TABLE inventory_items (
    id                        UUID PRIMARY KEY,
    inventory_report_id       UUID        NOT NULL REFERENCES inventory_reports (id) ON DELETE CASCADE,
    user_id                   UUID        NOT NULL,
    marketplace_id            TEXT        NOT NULL,
    report_date               DATE        NOT NULL,
    line_number               INTEGER     NOT NULL,
    sku                       TEXT,
    fnsku                     TEXT,
    asin                      TEXT,
    product_name              TEXT,
    item_condition            TEXT,
    your_price                NUMERIC(14, 2),
    mfn_fulfillable_quantity  INTEGER,
    afn_fulfillable_quantity  INTEGER,
    afn_reserved_quantity     INTEGER,
    afn_unsellable_quantity   INTEGER,
    afn_total_quantity        INTEGER,
    -- Every column of the line as Amazon named it, so nothing of the report is lost.
    columns                   TEXT        NOT NULL,
    UNIQUE (inventory_report_id, line_number)
);
CREATE INDEX inventory_items_user ON inventory_items (user_id, marketplace_id, report_date);

-- Transactional outbox: events committed with their change, relayed to Kafka afterwards
-- (sqp.reports records may be up to 16 MB).
CREATE TABLE outbox (
    id         UUID PRIMARY KEY,
    seq        BIGSERIAL   NOT NULL,
    topic      TEXT        NOT NULL,
    record_key TEXT,
    payload    TEXT,
    request_id TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
