-- Transactional outbox: events committed with their change, relayed to Kafka afterwards.
-- `seq` keeps the order of events written in one transaction (a deleted state before its tombstone);
-- a NULL payload is a tombstone on a compacted topic.
CREATE TABLE outbox (
    id         UUID PRIMARY KEY,
    seq        BIGSERIAL   NOT NULL,
    topic      TEXT        NOT NULL,
    record_key TEXT,
    payload    TEXT,
    request_id TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
