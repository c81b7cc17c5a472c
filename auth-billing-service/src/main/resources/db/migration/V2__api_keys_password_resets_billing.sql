-- API keys: only a lookup prefix and the SHA-256 of the whole key are stored.
CREATE TABLE api_keys (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT,
    key_prefix  TEXT        NOT NULL UNIQUE,
    key_hash    TEXT        NOT NULL,
    -- Space-separated, as the `scope` claim of the token the key is exchanged for.
    scopes      TEXT        NOT NULL DEFAULT '',
    is_active   BOOLEAN     NOT NULL DEFAULT TRUE,
    expires_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);

-- One-time password reset tokens, stored only as their SHA-256.
CREATE TABLE password_resets (
    token_hash  TEXT PRIMARY KEY,
    account_id  UUID        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX password_resets_account ON password_resets (account_id);

-- Stripe billing: the customer of each account, subscriptions as their events describe them,
-- and every event id handled (webhooks are applied once).
ALTER TABLE accounts ADD COLUMN stripe_customer_id TEXT;
CREATE INDEX accounts_stripe_customer ON accounts (stripe_customer_id);

CREATE TABLE subscriptions (
    id                   TEXT PRIMARY KEY,
    user_id              UUID        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    customer_id          TEXT        NOT NULL,
    plan                 TEXT        NOT NULL CHECK (plan IN ('pro', 'enterprise')),
    status               TEXT        NOT NULL,
    current_period_end   TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT FALSE,
    trial_end            TIMESTAMPTZ,
    -- `created` (epoch seconds) of the newest event applied: older events change nothing.
    last_event_at        BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscriptions_user ON subscriptions (user_id);

CREATE TABLE stripe_events (
    id          TEXT PRIMARY KEY,
    type        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
