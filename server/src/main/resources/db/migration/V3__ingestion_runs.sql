-- Every ingestion run (module ingest): what was asked, from where, how far it got and how it ended. /health's
-- dataFreshness reads the latest published run of each dataset; the admin page reads the rest.
CREATE TABLE ingestion_run (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset        text        NOT NULL CHECK (dataset IN ('nppes', 'partB', 'partD', 'openPayments')),
    kind           text        NOT NULL,
    source         text        NOT NULL,
    source_name    text        NOT NULL,
    source_size    bigint,
    source_sha256  text,
    data_year      integer,
    status         text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'PUBLISHED', 'FAILED', 'SKIPPED')),
    phase          text,
    bytes_read     bigint      NOT NULL DEFAULT 0,
    rows_read      bigint      NOT NULL DEFAULT 0,
    rows_loaded    bigint      NOT NULL DEFAULT 0,
    rows_rejected  bigint      NOT NULL DEFAULT 0,
    record_count   bigint,
    changes        jsonb,
    error          text,
    job_id         bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ingestion_run_published ON ingestion_run (dataset, finished_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX ingestion_run_recent ON ingestion_run (created_at DESC);

-- Rows refused by a run, with where and why: never silently dropped.
CREATE TABLE ingestion_reject (
    run_id       bigint  NOT NULL REFERENCES ingestion_run (id) ON DELETE CASCADE,
    file_name    text    NOT NULL,
    line_number  bigint  NOT NULL,
    column_name  text,
    reason       text    NOT NULL,
    value        text
);

CREATE INDEX ingestion_reject_run ON ingestion_reject (run_id, line_number);
