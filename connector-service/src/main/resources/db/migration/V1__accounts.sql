-- Local copy of every user's state and plan, rebuilt from `account.events` alone.
CREATE TABLE accounts (
    user_id         UUID PRIMARY KEY,
    email           TEXT        NOT NULL,
    is_active       BOOLEAN     NOT NULL,
    is_admin        BOOLEAN     NOT NULL,
    plan            TEXT        NOT NULL,
    max_competitors INTEGER     NOT NULL,
    max_products    INTEGER     NOT NULL,
    scan_frequency  TEXT        NOT NULL,
    alerts_enabled  BOOLEAN     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    -- `occurred_at` of the event this row came from; an older event never overwrites it.
    state_at        TIMESTAMPTZ NOT NULL
);
