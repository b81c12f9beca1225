-- Notifications (module notification): what each user was told, on which channel, exactly once; the devices push
-- goes to; each user's settings. Also the change sets' before/after detail that notifications name.

-- The watched fields of an NPI before and after a publish (name, practice location, primary taxonomy, status), for
-- the NPIs whose name, addresses, taxonomies or status changed: a notification says what changed from what to what.
ALTER TABLE provider_change ADD COLUMN before jsonb, ADD COLUMN after jsonb;

-- What an Open Payments publish added, by NPI and program year (the payments module's change set).
CREATE TABLE op_rollup_change (
    run_id          bigint   NOT NULL REFERENCES ingestion_run (id) ON DELETE CASCADE,
    program_year    smallint NOT NULL,
    npi             bigint   NOT NULL,
    payments_added  integer  NOT NULL,
    amount_added    numeric(18, 2) NOT NULL,
    total_amount    numeric(18, 2) NOT NULL,
    top_payer       text,
    PRIMARY KEY (run_id, program_year, npi)
);
CREATE INDEX op_rollup_change_npi ON op_rollup_change (npi);

-- One row per user and event: the unique key makes a notification exactly-once whatever retries happen. in_app says
-- whether the inbox shows it; email_state and push_state follow each channel's delivery.
CREATE TABLE notification (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid        NOT NULL REFERENCES tenant,
    user_id      uuid        NOT NULL REFERENCES app_user ON DELETE CASCADE,
    type         text        NOT NULL CHECK (type IN ('PROVIDER_CHANGED', 'NEW_PAYMENTS', 'SEGMENT_MOVED', 'LIST_CHANGED',
                                                      'TASK_DUE', 'ASSIGNED', 'EXPORT_READY', 'IMPORT_DONE')),
    event_key    text        NOT NULL,
    -- the delivery job that sends it: one per user and batch (a publish, a reminder sweep, one assignment)
    batch_key    text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    link         text,
    npi          bigint,
    in_app       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz,
    email_state  text        NOT NULL DEFAULT 'PENDING' CHECK (email_state IN ('PENDING', 'DIGEST', 'SENT', 'SKIPPED', 'FAILED')),
    push_state   text        NOT NULL DEFAULT 'PENDING' CHECK (push_state IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    UNIQUE (user_id, event_key)
);
CREATE INDEX notification_inbox ON notification (user_id, created_at DESC, id DESC) WHERE in_app;
CREATE INDEX notification_unread ON notification (user_id) WHERE in_app AND read_at IS NULL;
CREATE INDEX notification_pending ON notification (batch_key, user_id) WHERE email_state = 'PENDING' OR push_state = 'PENDING';
CREATE INDEX notification_digest ON notification (user_id) WHERE email_state = 'DIGEST';

-- Per user and type, which channels; no row means every channel.
CREATE TABLE notification_preference (
    tenant_id  uuid    NOT NULL REFERENCES tenant,
    user_id    uuid    NOT NULL REFERENCES app_user ON DELETE CASCADE,
    type       text    NOT NULL,
    in_app     boolean NOT NULL,
    email      boolean NOT NULL,
    push       boolean NOT NULL,
    PRIMARY KEY (user_id, type)
);

-- Per user: e-mail as it happens or as a daily digest; quiet hours for push (in the user's time zone).
CREATE TABLE notification_setting (
    user_id      uuid PRIMARY KEY REFERENCES app_user ON DELETE CASCADE,
    tenant_id    uuid NOT NULL REFERENCES tenant,
    email_mode   text NOT NULL DEFAULT 'IMMEDIATE' CHECK (email_mode IN ('IMMEDIATE', 'DAILY_DIGEST')),
    quiet_start  time,
    quiet_end    time,
    time_zone    text NOT NULL DEFAULT 'UTC',
    last_digest_at timestamptz,
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- The browsers and phones a user receives push on (FCM registration tokens).
CREATE TABLE notification_device (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenant,
    user_id     uuid        NOT NULL REFERENCES app_user ON DELETE CASCADE,
    token       text        NOT NULL,
    platform    text        NOT NULL CHECK (platform IN ('WEB', 'ANDROID', 'IOS')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, token)
);

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preference ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_device ENABLE ROW LEVEL SECURITY;
-- a user reads and changes only their own; anyone of the tenant may raise one for a colleague (an assignment)
CREATE POLICY own_rows ON notification FOR SELECT USING (tenant_id = medsales_tenant() AND user_id = medsales_user());
CREATE POLICY own_rows_update ON notification FOR UPDATE USING (tenant_id = medsales_tenant() AND user_id = medsales_user());
CREATE POLICY raise_in_tenant ON notification FOR INSERT WITH CHECK (tenant_id = medsales_tenant());
-- settings are read within the tenant (raising a notification for a colleague applies theirs), changed by their user
CREATE POLICY tenant_reads ON notification_preference FOR SELECT USING (tenant_id = medsales_tenant());
CREATE POLICY own_rows ON notification_preference USING (tenant_id = medsales_tenant() AND user_id = medsales_user());
CREATE POLICY tenant_reads ON notification_setting FOR SELECT USING (tenant_id = medsales_tenant());
CREATE POLICY own_rows ON notification_setting USING (tenant_id = medsales_tenant() AND user_id = medsales_user());
CREATE POLICY own_rows ON notification_device USING (tenant_id = medsales_tenant() AND user_id = medsales_user());
GRANT SELECT, INSERT, UPDATE ON notification TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preference, notification_setting, notification_device TO ${appRole};

-- Who watches which NPI: the users whose contacts link it. Target lists add their members here later with
-- CREATE OR REPLACE VIEW ... UNION ... (same columns). security_invoker: the application role sees its tenant's only.
CREATE VIEW notification_watcher WITH (security_invoker = true) AS
SELECT c.tenant_id, c.owner_id AS user_id, c.npi, 'CONTACT'::text AS via
FROM contact c
WHERE c.npi IS NOT NULL AND c.deleted_at IS NULL;

-- reminders due are found by the sweep without reading every task
CREATE INDEX task_remind_at ON task (remind_at) WHERE remind_at IS NOT NULL AND status = 'OPEN' AND deleted_at IS NULL;
CREATE INDEX task_due_open ON task (due_date) WHERE due_date IS NOT NULL AND status = 'OPEN' AND deleted_at IS NULL;
