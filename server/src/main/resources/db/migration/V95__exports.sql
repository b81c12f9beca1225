-- Exports of a list to CSV or XLSX (issue 23): one row per request, visible to the user who asked (row-level
-- security), and to an operator scope for the clean-up of expired files. The file itself is in the FileStore
-- (MEDSALES_HOME or S3) under file_key; file_removed_at says the clean-up has deleted it.
CREATE TABLE export (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenant,
    user_id         uuid        NOT NULL REFERENCES app_user,
    -- who asked, as they were when they asked: the job runs as this user (their roles decide nothing of what rows
    -- are visible, row-level security does, but they are the principal the list code sees)
    username        text        NOT NULL,
    display_name    text        NOT NULL,
    roles           text[]      NOT NULL,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-z-]{1,49}$'),
    format          text        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    params          jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    expected_rows   bigint      NOT NULL,
    row_limit       bigint,
    rows_written    bigint      NOT NULL DEFAULT 0,
    bytes           bigint,
    file_key        text,
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    expires_at      timestamptz NOT NULL,
    file_removed_at timestamptz
);
CREATE INDEX export_user ON export (tenant_id, user_id, created_at DESC);
CREATE INDEX export_expiry ON export (expires_at) WHERE file_removed_at IS NULL AND file_key IS NOT NULL;

ALTER TABLE export ENABLE ROW LEVEL SECURITY;
CREATE POLICY export_owner ON export
    USING ((tenant_id = medsales_tenant() AND user_id = medsales_user()) OR medsales_operator())
    WITH CHECK ((tenant_id = medsales_tenant() AND user_id = medsales_user()) OR medsales_operator());
GRANT SELECT, INSERT, UPDATE ON export TO ${appRole};
