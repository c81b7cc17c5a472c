-- The relay publishes in insertion order: a batch writes many rows in one statement, with equal
-- created_at, and records of one key must still leave in the order they were written.
ALTER TABLE outbox ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
