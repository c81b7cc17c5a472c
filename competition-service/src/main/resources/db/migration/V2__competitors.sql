-- Doc E's competitor stores; each belongs to one user.
CREATE TABLE competitors (
    id            UUID PRIMARY KEY,
    user_id       UUID        NOT NULL,
    name          TEXT        NOT NULL,
    url           TEXT        NOT NULL,
    platform      TEXT        NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    product_count INTEGER     NOT NULL DEFAULT 0,
    last_scanned  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX competitors_by_user ON competitors (user_id, created_at DESC);
