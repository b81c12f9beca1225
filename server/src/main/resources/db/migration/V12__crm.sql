-- The CRM (modules crm and territory): every table is tenant-owned, with row-level security as in V10. Records carry
-- an owner, a version for optimistic locking and deleted_at for soft delete (restorable for 30 days).
--
-- Visibility inside a tenant, enforced here as well as in queries: an administrator sees every record of the tenant;
-- anyone else the records they own, those owned by members of the teams they manage, and the contacts whose provider
-- practises (or who are located) in one of their territories. The transaction says who is asking through the
-- settings of V10 plus medsales.tenant_admin.

CREATE FUNCTION medsales_tenant_admin() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('medsales.tenant_admin', true), '') = 'true' $$;

-- Territories: a hierarchy (region, district, territory) aligned by ZIP code (or whole states), with reps assigned.
CREATE TABLE territory (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenant,
    parent_id   uuid        REFERENCES territory,
    level       text        NOT NULL CHECK (level IN ('REGION', 'DISTRICT', 'TERRITORY')),
    name        text        NOT NULL,
    code        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name)
);
CREATE INDEX territory_parent ON territory (tenant_id, parent_id);

-- A ZIP (or a state) belongs to at most one territory of a tenant: that is what an alignment is.
CREATE TABLE territory_zip (
    tenant_id     uuid NOT NULL REFERENCES tenant,
    zip5          text NOT NULL CHECK (zip5 ~ '^[0-9]{5}$'),
    territory_id  uuid NOT NULL REFERENCES territory ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, zip5)
);
CREATE INDEX territory_zip_territory ON territory_zip (territory_id);

CREATE TABLE territory_state (
    tenant_id     uuid NOT NULL REFERENCES tenant,
    state         text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
    territory_id  uuid NOT NULL REFERENCES territory ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, state)
);

CREATE TABLE territory_assignment (
    tenant_id     uuid NOT NULL REFERENCES tenant,
    territory_id  uuid NOT NULL REFERENCES territory ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES app_user,
    kind          text NOT NULL CHECK (kind IN ('PRIMARY', 'SECONDARY')),
    PRIMARY KEY (territory_id, user_id)
);
CREATE INDEX territory_assignment_user ON territory_assignment (user_id);

CREATE TABLE account (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenant,
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('HOSPITAL', 'PRACTICE', 'GROUP', 'IDN', 'OTHER')),
    npi         bigint,
    owner_id    uuid        NOT NULL REFERENCES app_user,
    tags        text[]      NOT NULL DEFAULT '{}',
    phone       text,
    website     text,
    zip5        text        CHECK (zip5 ~ '^[0-9]{5}$'),
    notes       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     integer     NOT NULL DEFAULT 0
);
CREATE INDEX account_tenant ON account (tenant_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX account_npi ON account (tenant_id, npi) WHERE npi IS NOT NULL;
CREATE INDEX account_owner ON account (owner_id);
CREATE INDEX account_tags ON account USING gin (tags);

-- A contact linked to an individual NPI keeps no copy of the registry's facts: they are read live from the public
-- tables, so the contact stays current as data is published. Unlinked contacts (staff, unmatched imports) hold their own.
CREATE TABLE contact (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid        NOT NULL REFERENCES tenant,
    npi          bigint,
    first_name   text,
    last_name    text,
    title        text,
    specialty    text,
    email        text,
    phone        text,
    zip5         text        CHECK (zip5 ~ '^[0-9]{5}$'),
    account_id   uuid        REFERENCES account,
    owner_id     uuid        NOT NULL REFERENCES app_user,
    tags         text[]      NOT NULL DEFAULT '{}',
    notes        text,
    source       text        NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL', 'PROVIDER', 'IMPORT')),
    import_row   jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    version      integer     NOT NULL DEFAULT 0,
    CHECK (npi IS NOT NULL OR last_name IS NOT NULL)
);
CREATE UNIQUE INDEX contact_npi ON contact (tenant_id, npi) WHERE npi IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX contact_owner ON contact (owner_id);
CREATE INDEX contact_account ON contact (account_id);
CREATE INDEX contact_tags ON contact USING gin (tags);

CREATE TABLE activity (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid        NOT NULL REFERENCES tenant,
    kind         text        NOT NULL CHECK (kind IN ('CALL', 'VISIT', 'EMAIL', 'LUNCH', 'IN_SERVICE', 'NOTE')),
    occurred_at  timestamptz NOT NULL,
    subject      text        NOT NULL,
    notes        text,
    outcome      text,
    next_step    text,
    products     text[]      NOT NULL DEFAULT '{}',
    account_id   uuid        REFERENCES account,
    owner_id     uuid        NOT NULL REFERENCES app_user,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    version      integer     NOT NULL DEFAULT 0
);
CREATE INDEX activity_owner ON activity (owner_id, occurred_at DESC);
CREATE INDEX activity_account ON activity (account_id, occurred_at DESC);

CREATE TABLE activity_attendee (
    tenant_id    uuid NOT NULL REFERENCES tenant,
    activity_id  uuid NOT NULL REFERENCES activity ON DELETE CASCADE,
    contact_id   uuid NOT NULL REFERENCES contact,
    PRIMARY KEY (activity_id, contact_id)
);
CREATE INDEX activity_attendee_contact ON activity_attendee (contact_id);

CREATE TABLE pipeline_stage (
    id           uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid    NOT NULL REFERENCES tenant,
    name         text    NOT NULL,
    position     integer NOT NULL,
    probability  integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
    outcome      text    NOT NULL DEFAULT 'OPEN' CHECK (outcome IN ('OPEN', 'WON', 'LOST')),
    UNIQUE (tenant_id, name)
);

CREATE TABLE opportunity (
    id           uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid          NOT NULL REFERENCES tenant,
    name         text          NOT NULL,
    account_id   uuid          REFERENCES account,
    contact_id   uuid          REFERENCES contact,
    stage_id     uuid          NOT NULL REFERENCES pipeline_stage,
    amount       numeric(14,2) CHECK (amount >= 0),
    close_date   date,
    probability  integer       CHECK (probability BETWEEN 0 AND 100),
    products     text[]        NOT NULL DEFAULT '{}',
    owner_id     uuid          NOT NULL REFERENCES app_user,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    version      integer       NOT NULL DEFAULT 0
);
CREATE INDEX opportunity_owner ON opportunity (owner_id);
CREATE INDEX opportunity_stage ON opportunity (tenant_id, stage_id) WHERE deleted_at IS NULL;

CREATE TABLE task (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenant,
    title           text        NOT NULL,
    notes           text,
    assignee_id     uuid        NOT NULL REFERENCES app_user,
    due_date        date,
    remind_at       timestamptz,
    priority        text        NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    contact_id      uuid        REFERENCES contact,
    account_id      uuid        REFERENCES account,
    opportunity_id  uuid        REFERENCES opportunity,
    activity_id     uuid        REFERENCES activity,
    created_by      uuid        NOT NULL REFERENCES app_user,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    deleted_at      timestamptz,
    version         integer     NOT NULL DEFAULT 0
);
CREATE INDEX task_assignee ON task (assignee_id, status, due_date);

-- Who changed which field of which record, from what, to what.
CREATE TABLE crm_change (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant,
    entity      text        NOT NULL,
    entity_id   uuid        NOT NULL,
    field       text        NOT NULL,
    old_value   jsonb,
    new_value   jsonb,
    changed_by  uuid        REFERENCES app_user,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crm_change_entity ON crm_change (tenant_id, entity, entity_id, id);

-- May the asking user see a record owned by owner_id (located in zip5, or about provider npi)?
CREATE FUNCTION medsales_sees(p_owner uuid, p_npi bigint, p_zip5 text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT medsales_tenant_admin()
      OR p_owner = medsales_user()
      OR EXISTS (SELECT 1 FROM team t JOIN team_member m ON m.team_id = t.id
                 WHERE t.manager_id = medsales_user() AND m.user_id = p_owner)
      OR EXISTS (SELECT 1 FROM territory_assignment a JOIN territory_zip z ON z.territory_id = a.territory_id
                 WHERE a.user_id = medsales_user()
                   AND (z.zip5 = p_zip5
                        OR z.zip5 IN (SELECT pa.zip5 FROM provider_address pa
                                      WHERE pa.npi = p_npi AND pa.kind <> 'MAILING')))
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON territory, territory_zip, territory_state, territory_assignment, account,
    contact, activity, activity_attendee, pipeline_stage, opportunity, task TO ${appRole};
GRANT SELECT, INSERT ON crm_change TO ${appRole};

ALTER TABLE territory ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON territory USING (tenant_id = medsales_tenant());
ALTER TABLE territory_zip ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON territory_zip USING (tenant_id = medsales_tenant());
ALTER TABLE territory_state ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON territory_state USING (tenant_id = medsales_tenant());
ALTER TABLE territory_assignment ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON territory_assignment USING (tenant_id = medsales_tenant());
ALTER TABLE pipeline_stage ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pipeline_stage USING (tenant_id = medsales_tenant());
ALTER TABLE crm_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm_change USING (tenant_id = medsales_tenant());
ALTER TABLE activity_attendee ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON activity_attendee USING (tenant_id = medsales_tenant());

-- Records: the tenant, then who may see them. Writes need the same, and may not move a row to another tenant.
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visibility ON account
    USING (tenant_id = medsales_tenant() AND medsales_sees(owner_id, npi, zip5))
    WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visibility ON contact
    USING (tenant_id = medsales_tenant() AND medsales_sees(owner_id, npi, zip5))
    WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visibility ON activity
    USING (tenant_id = medsales_tenant() AND medsales_sees(owner_id, NULL, NULL))
    WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE opportunity ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visibility ON opportunity
    USING (tenant_id = medsales_tenant() AND medsales_sees(owner_id, NULL, NULL))
    WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE task ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visibility ON task
    USING (tenant_id = medsales_tenant() AND (medsales_sees(assignee_id, NULL, NULL) OR created_by = medsales_user()))
    WITH CHECK (tenant_id = medsales_tenant());
