-- One Amazon seller connection per user; every secret is AES-GCM encrypted with ENCRYPTION_KEY.
CREATE TABLE amazon_connections (
    user_id                  UUID PRIMARY KEY,
    app_id                   TEXT,
    marketplace_id           TEXT        NOT NULL,
    client_id_encrypted      BYTEA       NOT NULL,
    client_secret_encrypted  BYTEA       NOT NULL,
    refresh_token_encrypted  BYTEA       NOT NULL,
    access_token_encrypted   BYTEA,
    access_token_expires_at  TIMESTAMPTZ,
    connected_at             TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
