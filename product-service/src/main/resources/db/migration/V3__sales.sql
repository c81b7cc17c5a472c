-- Doc C's sales events, kept by admins; the status follows starts_at / ends_at.
CREATE TABLE sales (
    id               UUID PRIMARY KEY,
    title            TEXT        NOT NULL,
    store            TEXT        NOT NULL,
    discount_summary TEXT,
    category         TEXT,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX sales_ends_at ON sales (ends_at);
