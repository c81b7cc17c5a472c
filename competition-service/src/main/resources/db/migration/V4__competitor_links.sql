-- Doc A's competitor links: which ASINs a user compares a main ASIN against.
CREATE TABLE competitor_links (
    id              UUID PRIMARY KEY,
    user_id         UUID        NOT NULL,
    asin_main       TEXT        NOT NULL CHECK (asin_main ~ '^[A-Z0-9]{10}$'),
    competitor_asin TEXT        NOT NULL CHECK (competitor_asin ~ '^[A-Z0-9]{10}$'),
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK (asin_main <> competitor_asin),
    UNIQUE (user_id, asin_main, competitor_asin)
);
-- Fed by price.updates: every pair that has either ASIN on one side.
CREATE INDEX competitor_links_by_competitor ON competitor_links (competitor_asin);
CREATE INDEX competitor_links_by_main ON competitor_links (asin_main);
