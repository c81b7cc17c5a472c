-- etl-service's copies of the two compacted topics that say what is tracked (DESIGN.md, Events).
-- Filled only by their consumers (package extract); read by the extractor's scheduler and by
-- alert-rule ownership checks. A deleted record or tombstone removes the row.

-- `products` (product-service): a product's identity and who tracks it.
CREATE TABLE tracked_product (
    product_id    uuid PRIMARY KEY,
    product_key   text        NOT NULL,
    asin          text,
    url           text,
    competitor_id uuid,
    trackers      uuid[]      NOT NULL DEFAULT '{}',
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracked_product_key_idx ON tracked_product (product_key);
CREATE INDEX tracked_product_trackers_idx ON tracked_product USING gin (trackers);

-- `competitors` (competition-service): a store to scan while active.
CREATE TABLE tracked_competitor (
    competitor_id uuid PRIMARY KEY,
    user_id       uuid        NOT NULL,
    name          text        NOT NULL,
    url           text        NOT NULL,
    platform      text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('active', 'paused')),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracked_competitor_user_idx ON tracked_competitor (user_id);
