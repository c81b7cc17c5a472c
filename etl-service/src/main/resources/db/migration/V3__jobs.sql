-- Job executions: this service's own jobs and those run elsewhere (competition_daily), from `jobs`.
CREATE TABLE job_executions (
    job_id            UUID PRIMARY KEY,
    job_name          TEXT        NOT NULL,
    -- pending | running | completed | failed
    status            TEXT        NOT NULL,
    target_date       DATE,
    job_metadata      JSONB,
    requested_by      UUID,
    started_at        TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    records_processed INTEGER     NOT NULL DEFAULT 0,
    records_failed    INTEGER     NOT NULL DEFAULT 0,
    error_message     TEXT,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_executions_recent ON job_executions (created_at DESC);
