-- Providers the CMS files name are providers too (module provider). A Part B, Part D or Open Payments year names NPIs
-- that the loaded NPPES registry lacks (a sample that barely meets the CMS samples; nationally, NPIs no longer in the
-- current registry). cms_provider holds each such NPI once, as the latest CMS file names and places it (the latest
-- data year; Part B before Open Payments before Part D in the same year, by how much of the address each gives), with
-- its Medicare specialty crosswalked to a NUCC taxonomy code. It is derived, set-based, from partb_provider,
-- partd_provider and op_general_payment (through op_rollup) after every publish of a CMS dataset or of NPPES
-- (provider.CmsProviders), and holds no NPI the registry has: when the registry holds an NPI, its facts win. Search
-- reads the registry's providers and these together; cms_name_word is to these names what provider_name_word (V75) is
-- to the registry's.
CREATE TABLE cms_provider (
    npi               bigint   PRIMARY KEY,
    source            text     NOT NULL CHECK (source IN ('partB', 'partD', 'openPayments')),
    data_year         smallint NOT NULL,
    entity_type       smallint CHECK (entity_type IN (1, 2)),
    organization_name text,
    first_name        text,
    middle_name       text,
    last_name         text,
    credential        text,
    -- as provider.search_name: lower case, punctuation to spaces, name (and for organisations corporate) suffixes gone
    search_name       text,
    words             text[]   NOT NULL,
    line1             text,
    line2             text,
    city              text,
    state             text,
    zip5              text,
    country           text,
    latitude          double precision,
    longitude         double precision,
    geo_precision     text CHECK (geo_precision IN ('ZIP5', 'ZIP3')),
    -- the specialty as the file spells it (a Medicare specialty, or Open Payments' taxonomy path), and its NUCC code
    specialty         text,
    taxonomy_code     text
);
CREATE INDEX cms_provider_zip5 ON cms_provider (zip5);
CREATE INDEX cms_provider_code ON cms_provider (taxonomy_code, zip5);
CREATE INDEX cms_provider_words ON cms_provider USING gin (words);

CREATE TABLE cms_name_word (
    word    text PRIMARY KEY,
    letters text NOT NULL
);
CREATE INDEX cms_name_word_trgm ON cms_name_word USING gin (word gin_trgm_ops);
CREATE INDEX cms_name_word_letters ON cms_name_word (letters) INCLUDE (word);

-- The CMS Medicare Provider and Supplier Taxonomy Crosswalk (loaded by V84), keyed by the Medicare specialty as the
-- CMS files spell it, lower case: each specialty to one NUCC code (the crosswalk's first, most general, for it).
CREATE TABLE medicare_specialty_taxonomy (
    specialty      text PRIMARY KEY,
    medicare_code  text,
    taxonomy_code  text NOT NULL,
    source         text NOT NULL CHECK (source IN ('CROSSWALK', 'ALIAS'))
);
