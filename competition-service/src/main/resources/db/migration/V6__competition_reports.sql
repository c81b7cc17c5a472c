-- Doc A's competition reports: each user's own, numbered per main ASIN (version = last + 1).
-- `evidence` is exactly what the analyst was given; `input_hash` is SHA-256 over the evidence and
-- the prompt built from it, so an unchanged input is recognised without comparing documents.
CREATE TABLE competition_reports (
    id              UUID PRIMARY KEY,
    user_id         UUID        NOT NULL,
    asin_main       TEXT        NOT NULL CHECK (asin_main ~ '^[A-Z0-9]{10}$'),
    version         INTEGER     NOT NULL CHECK (version > 0),
    analysis        JSONB       NOT NULL,
    evidence        JSONB       NOT NULL,
    evidence_hash   TEXT        NOT NULL,
    input_hash      TEXT        NOT NULL,
    -- `llm` (the configured chat-completions model) or `built_in` (the deterministic analyst).
    analyst         TEXT        NOT NULL CHECK (analyst IN ('llm', 'built_in')),
    model           TEXT        NOT NULL,
    -- Why the built-in analyst wrote it although an LLM is configured (the LLM failed); null otherwise.
    fallback_reason TEXT,
    generation_id   UUID        NOT NULL,
    generated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, asin_main, version)
);

-- Every requested generation and how it ended; failures stay here for the user to read.
CREATE TABLE report_generations (
    id             UUID PRIMARY KEY,
    user_id        UUID        NOT NULL,
    asin_main      TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    forced         BOOLEAN     NOT NULL,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    requested_at   TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    report_version INTEGER,
    error          TEXT,
    request_id     TEXT
);
-- One generation per user and product at a time: a second request finds the first.
CREATE UNIQUE INDEX report_generations_one_active ON report_generations (user_id, asin_main)
    WHERE status IN ('queued', 'running');
-- The workers' queue: the oldest waiting (or abandoned) generations first.
CREATE INDEX report_generations_pending ON report_generations (requested_at) WHERE status IN ('queued', 'running');
CREATE INDEX report_generations_by_product ON report_generations (user_id, asin_main, requested_at DESC);
