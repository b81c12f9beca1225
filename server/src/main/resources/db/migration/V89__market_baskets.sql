-- Market baskets and deciles (module segment, issue 20). A basket is a tenant's set of Part D drug names or Part B
-- HCPCS codes, each its own product or a competitor's, and a metric; every provider's volume in it per data year, with
-- their decile nationally and in their state, is computed set-based by a job on the ingestion worker
-- (segment.internal.BasketComputations) after every Part B or Part D publish and after a basket is created or edited.
--
-- A computation's rows are written beside the live ones under a computation id of their own, then made live by one
-- UPDATE of basket_computation in one transaction: readers follow the live computation and see the old results or
-- the new ones, never a mix. A replaced computation is kept (state PREVIOUS) while a live one compares with it
-- (movers), then deleted.

CREATE TABLE basket (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenant,
    name        text        NOT NULL,
    source      text        NOT NULL CHECK (source IN ('PARTD', 'PARTB')),
    metric      text        NOT NULL CHECK (metric IN ('CLAIMS', 'FILLS', 'COST', 'BENEFICIARIES', 'SERVICES', 'ALLOWED')),
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX basket_name ON basket (tenant_id, lower(name));

-- code: as the user gave it, trimmed; matched ignoring case (Part D: the row's generic or brand name; Part B: HCPCS)
CREATE TABLE basket_item (
    tenant_id   uuid    NOT NULL,
    basket_id   uuid    NOT NULL,
    position    integer NOT NULL,
    code        text    NOT NULL,
    role        text    NOT NULL CHECK (role IN ('OWN', 'COMPETITOR')),
    PRIMARY KEY (basket_id, position),
    FOREIGN KEY (tenant_id, basket_id) REFERENCES basket (tenant_id, id) ON DELETE CASCADE
);

-- One computation of a basket for one data year. state: BUILDING (rows being written), LIVE (what readers read; at
-- most one per basket and year), PREVIOUS (replaced, kept while a live computation names it as previous_id).
-- source_run: the published ingestion run of the year it read; basket_version: the basket's version it read. A
-- basket-year is fresh when its live computation read the latest published run and the basket's current version.
CREATE TABLE basket_computation (
    id              bigserial   PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    basket_id       uuid        NOT NULL,
    data_year       smallint    NOT NULL,
    state           text        NOT NULL CHECK (state IN ('BUILDING', 'LIVE', 'PREVIOUS')),
    source_run      bigint      NOT NULL,
    basket_version  bigint      NOT NULL,
    previous_id     bigint,
    providers       bigint,
    total_volume    numeric,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    FOREIGN KEY (tenant_id, basket_id) REFERENCES basket (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX basket_computation_live ON basket_computation (basket_id, data_year) WHERE state = 'LIVE';

-- Each provider with volume > 0 in a computation. decile = 10 - floor(10 * S / T) in the nation and in the state
-- (the registry's practice state, else the CMS file's), S the volume of the providers with strictly more, T the total.
CREATE TABLE basket_result (
    computation_id   bigint   NOT NULL REFERENCES basket_computation ON DELETE CASCADE,
    tenant_id        uuid     NOT NULL,
    npi              bigint   NOT NULL,
    state            text,
    volume           numeric  NOT NULL,
    own_volume       numeric  NOT NULL,
    suppressed_cells integer  NOT NULL,
    decile           smallint NOT NULL,
    state_decile     smallint,
    PRIMARY KEY (computation_id, npi)
);
CREATE INDEX basket_result_page ON basket_result (computation_id, volume DESC, npi);
CREATE INDEX basket_result_state_page ON basket_result (computation_id, state, volume DESC, npi);

-- Per computation, per decile of the nation (state NULL) and of each state: providers and volume (the summary, and
-- the totals of a page, without counting the rows)
CREATE TABLE basket_decile (
    computation_id bigint   NOT NULL REFERENCES basket_computation ON DELETE CASCADE,
    tenant_id      uuid     NOT NULL,
    state          text,
    decile         smallint NOT NULL,
    providers      bigint   NOT NULL,
    volume         numeric  NOT NULL
);
CREATE INDEX basket_decile_key ON basket_decile (computation_id, state, decile);

-- The codes an editor picks from and an item is checked against, per source and data year, rebuilt by the job after
-- a publish of the year (code_build names the run it read).
CREATE TABLE basket_code (
    source      text     NOT NULL,
    data_year   smallint NOT NULL,
    code        text     NOT NULL,
    label       text,
    rows        bigint   NOT NULL,
    PRIMARY KEY (source, data_year, code)
);
CREATE INDEX basket_code_trgm ON basket_code USING gin (code gin_trgm_ops);
CREATE INDEX basket_code_label_trgm ON basket_code USING gin (label gin_trgm_ops);
CREATE TABLE basket_code_build (
    source      text     NOT NULL,
    data_year   smallint NOT NULL,
    source_run  bigint   NOT NULL,
    PRIMARY KEY (source, data_year)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON basket, basket_item TO ${appRole};
GRANT SELECT, UPDATE ON basket_computation TO ${appRole};

ALTER TABLE basket ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON basket USING (tenant_id = medsales_tenant()) WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE basket_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON basket_item USING (tenant_id = medsales_tenant()) WITH CHECK (tenant_id = medsales_tenant());
ALTER TABLE basket_computation ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON basket_computation USING (tenant_id = medsales_tenant());
ALTER TABLE basket_result ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON basket_result USING (tenant_id = medsales_tenant());
ALTER TABLE basket_decile ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON basket_decile USING (tenant_id = medsales_tenant());
