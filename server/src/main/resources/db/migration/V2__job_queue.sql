-- The durable job queue (module jobs). Workers claim with FOR UPDATE SKIP LOCKED; a RUNNING job whose locked_until
-- has passed is claimable again (at-least-once delivery); DEAD is the dead-letter state.
CREATE TABLE job (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue         text        NOT NULL,
    type          text        NOT NULL,
    payload       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status        text        NOT NULL DEFAULT 'READY' CHECK (status IN ('READY', 'RUNNING', 'SUCCEEDED', 'DEAD')),
    attempts      integer     NOT NULL DEFAULT 0,
    max_attempts  integer     NOT NULL CHECK (max_attempts > 0),
    run_at        timestamptz NOT NULL DEFAULT now(),
    locked_until  timestamptz,
    locked_by     text,
    last_error    text,
    dedupe_key    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);

-- what a worker scans: only unfinished jobs
CREATE INDEX job_claimable ON job (queue, run_at, id) WHERE status IN ('READY', 'RUNNING');
-- at most one unfinished job per dedupe key
CREATE UNIQUE INDEX job_dedupe ON job (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('READY', 'RUNNING');
CREATE INDEX job_finished ON job (finished_at) WHERE finished_at IS NOT NULL;
