-- Identity and tenancy (modules identity and audit).
--
-- Two database roles: the owner (this migration's user: migrations and ingestion) and ${appRole}, the role the API's
-- pool connects as. ${appRole} cannot bypass row-level security, reads the public datasets, writes only the
-- operational tables and the tenant-owned tables below, and only inside its own tenant: every statement sees the rows
-- of the tenant its transaction set with set_config('medsales.tenant_id', ..., true) (SET LOCAL), and none without.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
    CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
-- public datasets: readable by every tenant, written only by ingestion (the owner); future tables (each yearly
-- partition swap creates some) inherit the grant
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${appRole};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${appRole};
-- operational tables the API and the workers write (operators only, at the API layer)
GRANT INSERT, UPDATE, DELETE ON job, ingestion_run, ingestion_reject TO ${appRole};

-- The settings a transaction sets; unset or empty means "none", so every policy fails closed.
CREATE FUNCTION medsales_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('medsales.tenant_id', true), '')::uuid $$;
CREATE FUNCTION medsales_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('medsales.user_id', true), '')::uuid $$;
CREATE FUNCTION medsales_operator() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('medsales.operator', true), '') = 'true' $$;

CREATE TABLE tenant (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Users of a tenant, and platform operators (tenant_id NULL). User names are unique across the platform, so
-- `POST /api/v1/auth/token` needs no tenant.
CREATE TABLE app_user (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid        REFERENCES tenant,
    username             text        NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{2,100}$'),
    display_name         text        NOT NULL,
    email                text,
    password_hash        text,
    roles                text[]      NOT NULL CHECK (roles <@ ARRAY['ADMIN', 'MANAGER', 'REP', 'OPERATOR']),
    enabled              boolean     NOT NULL DEFAULT true,
    sso_subject          text,
    password_changed_at  timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 0,
    CHECK ((tenant_id IS NULL) = (roles = ARRAY['OPERATOR']))
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));
CREATE INDEX app_user_tenant ON app_user (tenant_id);
CREATE UNIQUE INDEX app_user_sso ON app_user (tenant_id, sso_subject) WHERE sso_subject IS NOT NULL;

CREATE TABLE team (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenant,
    name        text        NOT NULL,
    manager_id  uuid        REFERENCES app_user,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE TABLE team_member (
    tenant_id  uuid NOT NULL REFERENCES tenant,
    team_id    uuid NOT NULL REFERENCES team ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES app_user,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user ON team_member (user_id);

CREATE TABLE invitation (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid        NOT NULL REFERENCES tenant,
    email        text        NOT NULL,
    display_name text        NOT NULL,
    roles        text[]      NOT NULL CHECK (roles <@ ARRAY['ADMIN', 'MANAGER', 'REP'] AND cardinality(roles) > 0),
    token_hash   bytea       NOT NULL UNIQUE,
    invited_by   uuid        REFERENCES app_user,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    accepted_at  timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX invitation_tenant ON invitation (tenant_id, created_at DESC);

-- Bearer tokens: short-lived access tokens from POST /api/v1/auth/token and integration tokens a user creates. Only
-- a SHA-256 of the token is kept.
CREATE TABLE api_token (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid        REFERENCES tenant,
    user_id       uuid        NOT NULL REFERENCES app_user,
    kind          text        NOT NULL CHECK (kind IN ('ACCESS', 'INTEGRATION')),
    name          text        NOT NULL,
    token_hash    bytea       NOT NULL UNIQUE,
    scope         text        NOT NULL CHECK (scope IN ('READ', 'READ_WRITE')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id, created_at DESC);
CREATE INDEX api_token_expired ON api_token (expires_at);

-- Per-tenant OpenID Connect sign-in. The client secret is not stored: client_secret_ref names the environment
-- variable or Secrets Manager entry that holds it.
CREATE TABLE tenant_sso (
    tenant_id          uuid    PRIMARY KEY REFERENCES tenant,
    issuer_uri         text    NOT NULL,
    client_id          text    NOT NULL,
    client_secret_ref  text    NOT NULL,
    default_roles      text[]  NOT NULL DEFAULT ARRAY['REP'] CHECK (default_roles <@ ARRAY['ADMIN', 'MANAGER', 'REP']),
    enabled            boolean NOT NULL DEFAULT true
);

-- Failed sign-ins per account and per client address, keyed by a hash so the table reveals no user names. Not tenant
-- data: an attempt may name an account that does not exist.
CREATE TABLE sign_in_failure (
    key            text        PRIMARY KEY,
    failures       integer     NOT NULL,
    window_start   timestamptz NOT NULL,
    locked_until   timestamptz
);

-- Sessions of the web app when Redis is not configured (Spring Session JDBC's schema for PostgreSQL).
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL PRIMARY KEY,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval integer      NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, team, team_member, invitation, api_token, sign_in_failure,
    spring_session, spring_session_attributes TO ${appRole};
GRANT SELECT ON tenant, tenant_sso TO ${appRole};
GRANT UPDATE (name) ON tenant TO ${appRole};

-- Row-level security: a tenant's rows for that tenant; an operator's own user and token rows for that operator.
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant USING (id = medsales_tenant());
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app_user
    USING (tenant_id = medsales_tenant() OR (tenant_id IS NULL AND id = medsales_user()));
ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_token
    USING (tenant_id = medsales_tenant() OR (tenant_id IS NULL AND user_id = medsales_user()));
ALTER TABLE team ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team USING (tenant_id = medsales_tenant());
ALTER TABLE team_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_member USING (tenant_id = medsales_tenant());
ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitation USING (tenant_id = medsales_tenant());
ALTER TABLE tenant_sso ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_sso USING (tenant_id = medsales_tenant());

-- Look-ups that must cross tenants before a tenant is known (sign-in, bearer tokens, invitation links, SSO). They run
-- as the owner and return only what authentication needs.
CREATE FUNCTION medsales_sign_in_lookup(p_username text)
RETURNS TABLE (id uuid, tenant_id uuid, username text, display_name text, password_hash text, roles text[], enabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT u.id, u.tenant_id, u.username, u.display_name, u.password_hash, u.roles, u.enabled
  FROM app_user u WHERE lower(u.username) = lower(p_username)
$$;

CREATE FUNCTION medsales_token_lookup(p_hash bytea)
RETURNS TABLE (token_id uuid, kind text, scope text, expires_at timestamptz, revoked_at timestamptz,
               previous_use timestamptz, user_id uuid, tenant_id uuid, username text, display_name text, roles text[],
               enabled boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
  WITH used AS (
    UPDATE api_token t SET last_used_at = now()
    FROM api_token old
    WHERE t.token_hash = p_hash AND old.id = t.id AND t.revoked_at IS NULL AND t.expires_at > now()
    RETURNING t.id, old.last_used_at AS previous_use
  )
  SELECT t.id, t.kind, t.scope, t.expires_at, t.revoked_at, used.previous_use,
         u.id, u.tenant_id, u.username, u.display_name, u.roles, u.enabled
  FROM api_token t JOIN app_user u ON u.id = t.user_id LEFT JOIN used ON used.id = t.id
  WHERE t.token_hash = p_hash
$$;

CREATE FUNCTION medsales_invitation_tenant(p_hash bytea) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT tenant_id FROM invitation WHERE token_hash = p_hash $$;

CREATE FUNCTION medsales_sso_registration(p_slug text)
RETURNS TABLE (tenant_id uuid, slug text, issuer_uri text, client_id text, client_secret_ref text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT t.id, t.slug, s.issuer_uri, s.client_id, s.client_secret_ref
  FROM tenant t JOIN tenant_sso s ON s.tenant_id = t.id WHERE t.slug = p_slug AND s.enabled
$$;

REVOKE ALL ON FUNCTION medsales_sign_in_lookup(text), medsales_token_lookup(bytea), medsales_invitation_tenant(bytea),
    medsales_sso_registration(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medsales_sign_in_lookup(text), medsales_token_lookup(bytea), medsales_invitation_tenant(bytea),
    medsales_sso_registration(text) TO ${appRole};

-- The audit trail: append-only (the application role may only read it, through RLS, and append through
-- medsales_audit_append), one hash chain per tenant and one for the platform (tenant_id NULL). Each event's hash is
-- SHA-256 over the previous event's hash and this event's canonical payload, so a changed or removed row breaks the
-- chain at that point.
CREATE TABLE audit_event (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid        REFERENCES tenant,
    occurred_at  timestamptz NOT NULL,
    actor_id     uuid,
    actor        text,
    client_ip    text,
    action       text        NOT NULL,
    target       text,
    outcome      text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    details      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    prev_hash    bytea,
    hash         bytea       NOT NULL
);
CREATE INDEX audit_event_chain ON audit_event (tenant_id, id);
CREATE INDEX audit_event_action ON audit_event (tenant_id, action, occurred_at DESC);
CREATE INDEX audit_event_time ON audit_event (tenant_id, occurred_at DESC);

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (tenant_id = medsales_tenant() OR (tenant_id IS NULL AND medsales_operator()));
GRANT SELECT ON audit_event TO ${appRole};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_event FROM ${appRole};

CREATE FUNCTION medsales_audit_payload(e audit_event) RETURNS bytea LANGUAGE sql IMMUTABLE
AS $$
  SELECT convert_to(concat_ws(E'\x1f',
      coalesce(e.tenant_id::text, '-'),
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(e.actor_id::text, '-'), coalesce(e.actor, '-'), coalesce(e.client_ip, '-'),
      e.action, coalesce(e.target, '-'), e.outcome, e.details::text), 'UTF8')
$$;

CREATE FUNCTION medsales_audit_append(
    p_tenant uuid, p_actor_id uuid, p_actor text, p_client_ip text, p_action text, p_target text, p_outcome text,
    p_details jsonb)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  e audit_event;
  prev bytea;
  new_id bigint;
BEGIN
  -- one writer per chain at a time, so each event links to the one before it
  PERFORM pg_advisory_xact_lock(hashtextextended('medsales.audit.' || coalesce(p_tenant::text, 'platform'), 0));
  IF p_tenant IS NULL THEN
    SELECT a.hash INTO prev FROM audit_event a WHERE a.tenant_id IS NULL ORDER BY a.id DESC LIMIT 1;
  ELSE
    SELECT a.hash INTO prev FROM audit_event a WHERE a.tenant_id = p_tenant ORDER BY a.id DESC LIMIT 1;
  END IF;
  e.prev_hash := prev;
  e.tenant_id := p_tenant;
  e.occurred_at := date_trunc('microseconds', clock_timestamp());
  e.actor_id := p_actor_id; e.actor := p_actor; e.client_ip := p_client_ip; e.action := p_action;
  e.target := p_target; e.outcome := p_outcome; e.details := coalesce(p_details, '{}'::jsonb);
  e.hash := sha256(coalesce(e.prev_hash, '\x'::bytea) || medsales_audit_payload(e));
  INSERT INTO audit_event (tenant_id, occurred_at, actor_id, actor, client_ip, action, target, outcome, details,
                           prev_hash, hash)
  VALUES (e.tenant_id, e.occurred_at, e.actor_id, e.actor, e.client_ip, e.action, e.target, e.outcome, e.details,
          e.prev_hash, e.hash)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION medsales_audit_append(uuid, uuid, text, text, text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medsales_audit_append(uuid, uuid, text, text, text, text, text, jsonb) TO ${appRole};
