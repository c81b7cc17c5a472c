-- Accounts: emails are unique case-insensitively because they are stored lower-cased.
CREATE TABLE accounts (
    id            UUID PRIMARY KEY,
    email         TEXT        NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash TEXT,
    is_admin      BOOLEAN     NOT NULL DEFAULT FALSE,
    plan          TEXT        NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
    is_active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Token signing keys; private halves encrypted with ENCRYPTION_KEY (AES-GCM).
CREATE TABLE signing_keys (
    kid                   TEXT PRIMARY KEY,
    public_key            BYTEA       NOT NULL,
    private_key_encrypted BYTEA       NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    retired_at            TIMESTAMPTZ
);

-- Refresh tokens: only a hash is stored; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    token_hash  TEXT PRIMARY KEY,
    account_id  UUID        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Transactional outbox: events committed with their change, relayed to Kafka afterwards.
CREATE TABLE outbox (
    id         UUID PRIMARY KEY,
    topic      TEXT        NOT NULL,
    record_key TEXT,
    payload    TEXT        NOT NULL,
    request_id TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;

-- Usage read model, fed by the `usage` topic.
CREATE TABLE usage_counts (
    user_id       UUID        NOT NULL,
    metric        TEXT        NOT NULL,
    count         INTEGER     NOT NULL CHECK (count >= 0),
    limit_reached BOOLEAN     NOT NULL,
    observed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, metric)
);
