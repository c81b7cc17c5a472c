-- Doc B's "save to MSSQL and Azure": both export layouts of a fetch, as CSV, per user.
CREATE TABLE exports (
    id              UUID PRIMARY KEY,
    user_id         UUID        NOT NULL,
    cache_key       TEXT        NOT NULL,
    data_type       TEXT        NOT NULL CHECK (data_type IN ('mssql', 'azure')),
    marketplace_id  TEXT        NOT NULL,
    row_count       INTEGER     NOT NULL,
    csv             TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, cache_key, data_type)
);
CREATE INDEX exports_user_created ON exports (user_id, created_at DESC);
