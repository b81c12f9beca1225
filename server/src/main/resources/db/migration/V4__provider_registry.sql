-- The NPPES provider registry (module provider). A monthly full file is loaded into provider*_next tables and published
-- by renaming them over these in one short transaction; weekly files and deactivation reports update these in place.
-- Nothing may hold a foreign key to these tables: a publish replaces them.

CREATE TABLE provider (
    npi                    bigint PRIMARY KEY,
    entity_type            smallint CHECK (entity_type IN (1, 2)),
    replacement_npi        bigint,
    organization_name      text,
    last_name              text,
    first_name             text,
    middle_name            text,
    name_prefix            text,
    name_suffix            text,
    credential             text,
    sex                    text,
    enumeration_date       date,
    last_update_date       date,
    deactivation_reason    text,
    deactivation_date      date,
    reactivation_date      date,
    certification_date     date,
    sole_proprietor        boolean,
    organization_subpart   boolean,
    parent_organization_name text,
    parent_organization_tin  text,
    official_last_name     text,
    official_first_name    text,
    official_middle_name   text,
    official_title         text,
    official_phone         text,
    official_prefix        text,
    official_suffix        text,
    official_credential    text,
    -- the name as search compares it: lower case, no punctuation, no suffixes
    search_name            text,
    -- a provider is deactivated when deactivated and not reactivated since
    active                 boolean NOT NULL,
    -- hashes of each group of fields, so that a publish can say what changed without comparing every column
    hash_name              bigint NOT NULL,
    hash_addresses         bigint NOT NULL,
    -- secondary practice locations come from another file (pl_pfile): fingerprinted apart
    hash_secondary         bigint NOT NULL DEFAULT 0,
    hash_taxonomies        bigint NOT NULL,
    hash_identifiers       bigint NOT NULL,
    hash_status            bigint NOT NULL,
    hash_other             bigint NOT NULL
);
CREATE INDEX provider_search_name_trgm ON provider USING gin (search_name gin_trgm_ops);

CREATE TABLE provider_address (
    npi            bigint   NOT NULL,
    kind           text     NOT NULL CHECK (kind IN ('MAILING', 'PRACTICE', 'SECONDARY')),
    seq            integer  NOT NULL,
    line1          text,
    line2          text,
    city           text,
    state          text,
    postal_code    text,
    zip5           text,
    country        text,
    phone          text,
    fax            text,
    latitude       double precision,
    longitude      double precision,
    geo_precision  text CHECK (geo_precision IN ('ZIP5', 'ZIP3')),
    PRIMARY KEY (npi, kind, seq)
);
-- radius search finds the ZIPs within reach in zip_centroid's GiST index, then their addresses here: every location is
-- geocoded to its ZIP's centroid, and a GiST index over millions of addresses would cost a load minutes to build
CREATE INDEX provider_address_zip5 ON provider_address (zip5) WHERE kind <> 'MAILING';

CREATE TABLE provider_taxonomy (
    npi            bigint   NOT NULL,
    slot           smallint NOT NULL,
    code           text     NOT NULL,
    license_number text,
    license_state  text,
    is_primary     boolean  NOT NULL,
    taxonomy_group text,
    PRIMARY KEY (npi, slot)
);
CREATE INDEX provider_taxonomy_code ON provider_taxonomy (code, npi);

CREATE TABLE provider_identifier (
    npi         bigint   NOT NULL,
    slot        smallint NOT NULL,
    identifier  text     NOT NULL,
    type_code   text,
    state       text,
    issuer      text,
    PRIMARY KEY (npi, slot)
);

CREATE TABLE provider_other_name (
    npi        bigint   NOT NULL,
    seq        integer  NOT NULL,
    name       text     NOT NULL,
    type_code  text,
    source     text     NOT NULL CHECK (source IN ('NPIDATA', 'OTHERNAME')),
    PRIMARY KEY (npi, seq)
);

-- What each publish changed, by NPI: the small set that notifications, timelines and target lists read.
CREATE TABLE provider_change (
    run_id     bigint NOT NULL REFERENCES ingestion_run (id) ON DELETE CASCADE,
    npi        bigint NOT NULL,
    change     text   NOT NULL CHECK (change IN ('NEW', 'UPDATED', 'DEACTIVATED', 'REACTIVATED', 'REMOVED')),
    groups     text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (run_id, npi)
);
CREATE INDEX provider_change_npi ON provider_change (npi);

-- The NUCC Health Care Provider Taxonomy code set, so search and profiles speak in specialty names.
CREATE TABLE taxonomy (
    code            text PRIMARY KEY,
    grouping        text,
    classification  text,
    specialization  text,
    display_name    text,
    section         text
);

-- Every ZIP a location can be geocoded to, with the earthdistance point of its centroid: the Census ZCTAs (loaded by
-- V6) and the PO-box ZIPs that ingestion placed at their 3-digit prefix's centroid.
CREATE TABLE zip_centroid (
    zip5       text PRIMARY KEY,
    latitude   double precision NOT NULL,
    longitude  double precision NOT NULL,
    precision  text NOT NULL CHECK (precision IN ('ZIP5', 'ZIP3'))
);
CREATE INDEX zip_centroid_earth ON zip_centroid USING gist (ll_to_earth(latitude, longitude));
