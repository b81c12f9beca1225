-- Every ingestion run (module ingest): what was loaded, from where, and how it ended. /health's dataFreshness reads
-- the latest published run of each dataset.
CREATE TABLE ingestion_run (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset        text        NOT NULL CHECK (dataset IN ('nppes', 'partB', 'partD', 'openPayments')),
    source_name    text        NOT NULL,
    source_size    bigint,
    source_sha256  text,
    data_year      integer,
    status         text        NOT NULL CHECK (status IN ('RUNNING', 'PUBLISHED', 'FAILED', 'SKIPPED')),
    rows_read      bigint      NOT NULL DEFAULT 0,
    rows_loaded    bigint      NOT NULL DEFAULT 0,
    rows_rejected  bigint      NOT NULL DEFAULT 0,
    record_count   bigint,
    error          text,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);

CREATE INDEX ingestion_run_published ON ingestion_run (dataset, finished_at DESC) WHERE status = 'PUBLISHED';
