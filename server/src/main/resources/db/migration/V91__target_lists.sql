-- Target lists (module targeting): whom a rep (or a manager's team) is to see in a period, how often, and how far
-- along they are. Tenant-owned, with row-level security as the CRM's records (V12): an administrator sees every list
-- of the tenant, anyone else their own lists and those of the members of the teams they manage. Members name NPIs
-- and copy no registry fact: the list shows the registry's current data, as a contact does.

CREATE TABLE target_list (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid        NOT NULL REFERENCES tenant,
    name               text        NOT NULL,
    period_start       date        NOT NULL,
    period_end         date        NOT NULL,
    owner_id           uuid        NOT NULL,
    -- the query string of GET /api/v1/providers; a list with a rule is dynamic
    rule               text,
    evaluated_at       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer     NOT NULL DEFAULT 0,
    CHECK (period_end >= period_start),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX target_list_owner ON target_list (tenant_id, owner_id);
CREATE INDEX target_list_dynamic ON target_list (tenant_id) WHERE rule IS NOT NULL;

-- A member is on the list by hand (manual), by the rule (by_rule), or both; it leaves when neither holds.
CREATE TABLE target_member (
    tenant_id  uuid        NOT NULL REFERENCES tenant,
    list_id    uuid        NOT NULL,
    npi        bigint      NOT NULL,
    tier       text        CHECK (tier IN ('A', 'B', 'C')),
    call_goal  integer     CHECK (call_goal BETWEEN 0 AND 1000),
    manual     boolean     NOT NULL DEFAULT false,
    by_rule    boolean     NOT NULL DEFAULT false,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, npi),
    FOREIGN KEY (tenant_id, list_id) REFERENCES target_list (tenant_id, id) ON DELETE CASCADE,
    CHECK (manual OR by_rule)
);
CREATE INDEX target_member_npi ON target_member (tenant_id, npi);

-- Each re-evaluation of a dynamic list that changed its members, and who joined or left, with why.
CREATE TABLE target_list_change (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant,
    list_id       uuid        NOT NULL,
    evaluated_at  timestamptz NOT NULL DEFAULT now(),
    trigger       text        NOT NULL,
    joined_count  integer     NOT NULL,
    left_count    integer     NOT NULL,
    FOREIGN KEY (tenant_id, list_id) REFERENCES target_list (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX target_list_change_list ON target_list_change (list_id, id DESC);

CREATE TABLE target_list_change_member (
    change_id  bigint  NOT NULL REFERENCES target_list_change ON DELETE CASCADE,
    tenant_id  uuid    NOT NULL REFERENCES tenant,
    npi        bigint  NOT NULL,
    joined     boolean NOT NULL,
    reason     text    NOT NULL,
    PRIMARY KEY (change_id, npi)
);

-- When each user last opened their home page: "what changed since my last visit".
CREATE TABLE home_visit (
    tenant_id     uuid        NOT NULL REFERENCES tenant,
    user_id       uuid        NOT NULL,
    previous_at   timestamptz,
    last_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON target_list, target_member, target_list_change, target_list_change_member,
    home_visit TO ${appRole};

ALTER TABLE target_list ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visibility ON target_list
    USING (tenant_id = medsales_tenant() AND medsales_sees(owner_id, NULL, NULL))
    WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE target_member ENABLE ROW LEVEL SECURITY;
-- (the tenant only, as activity_attendee: every read and write goes through its list, looked up first)
CREATE POLICY tenant_isolation ON target_member USING (tenant_id = medsales_tenant());
ALTER TABLE target_list_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON target_list_change USING (tenant_id = medsales_tenant());
ALTER TABLE target_list_change_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON target_list_change_member USING (tenant_id = medsales_tenant());
ALTER TABLE home_visit ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_visit ON home_visit
    USING (tenant_id = medsales_tenant() AND user_id = medsales_user())
    WITH CHECK (tenant_id = medsales_tenant() AND user_id = medsales_user());

-- The tenants holding dynamic lists, for the re-evaluation after a publish (which runs as no tenant): read as the
-- owner, and nothing but the tenant ids.
CREATE FUNCTION medsales_dynamic_list_tenants() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT DISTINCT tenant_id FROM target_list WHERE rule IS NOT NULL $$;
GRANT EXECUTE ON FUNCTION medsales_dynamic_list_tenants() TO ${appRole};
