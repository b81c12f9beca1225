-- Medicare Part D Prescribers by Provider and Drug (module utilization), one partition per data year as Part B.

CREATE TABLE partd_drug (
    data_year                smallint NOT NULL,
    npi                      bigint   NOT NULL,
    brand_name               text     NOT NULL,
    generic_name             text,
    total_claims             numeric,
    total_30day_fills        numeric,
    total_day_supply         numeric,
    total_drug_cost          numeric,
    -- counts CMS left blank (fewer than 11) are NULL with the flag set, never 0
    total_beneficiaries      integer,
    beneficiaries_suppressed boolean  NOT NULL,
    -- the 65-and-over figures: CMS's flag kept as published ('*' fewer than 11, '#' withheld so that a suppressed
    -- count cannot be worked out), the values NULL where flagged
    ge65_suppression_flag    text,
    ge65_claims              numeric,
    ge65_30day_fills         numeric,
    ge65_drug_cost           numeric,
    ge65_day_supply          numeric,
    ge65_beneficiary_flag    text,
    ge65_beneficiaries       integer,
    source_line              bigint   NOT NULL
) PARTITION BY LIST (data_year);

CREATE TABLE partd_provider (
    data_year      smallint NOT NULL,
    npi            bigint   NOT NULL,
    last_org_name  text,
    first_name     text,
    city           text,
    state          text,
    provider_type  text,
    PRIMARY KEY (data_year, npi)
) PARTITION BY LIST (data_year);

CREATE TABLE partd_rollup (
    data_year          smallint NOT NULL,
    npi                bigint   NOT NULL,
    provider_type      text,
    state              text,
    claims             numeric  NOT NULL,
    fills_30day        numeric,
    drug_cost          numeric(18, 2) NOT NULL,
    brand_claims       numeric  NOT NULL,
    generic_claims     numeric  NOT NULL,
    rows               integer  NOT NULL,
    suppressed_rows    integer  NOT NULL,
    top_drugs          jsonb    NOT NULL,
    claims_percentile  numeric(5, 2),
    cost_percentile    numeric(5, 2),
    PRIMARY KEY (data_year, npi)
) PARTITION BY LIST (data_year);
