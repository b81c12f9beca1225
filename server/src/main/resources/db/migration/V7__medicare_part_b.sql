-- Medicare Physician & Other Practitioners, by Provider and Service (module utilization). One partition per data
-- year: loading a year fills a standalone table and swaps it in as that year's partition in one transaction, so
-- several years live side by side and re-loading one replaces exactly that year.

CREATE TABLE partb_service (
    data_year            smallint NOT NULL,
    npi                  bigint   NOT NULL,
    hcpcs_code           text     NOT NULL,
    hcpcs_description    text,
    hcpcs_drug           boolean,
    place_of_service     text     NOT NULL,
    -- counts CMS left blank (fewer than 11) are NULL, never 0, with the flag set; amounts are exact decimals as published
    total_beneficiaries  integer,
    beneficiaries_suppressed boolean NOT NULL,
    total_services       numeric,
    total_beneficiary_day_services numeric,
    avg_submitted_charge numeric,
    avg_allowed_amount   numeric,
    avg_payment_amount   numeric,
    avg_standardized_amount numeric,
    source_line          bigint   NOT NULL
) PARTITION BY LIST (data_year);

-- The rendering provider as the CMS file gives it, once per year: what answers for an NPI that NPPES lacks.
CREATE TABLE partb_provider (
    data_year        smallint NOT NULL,
    npi              bigint   NOT NULL,
    last_org_name    text,
    first_name       text,
    middle_initial   text,
    credentials      text,
    sex              text,
    entity_code      text,
    street1          text,
    street2          text,
    city             text,
    state            text,
    zip5             text,
    country          text,
    provider_type    text,
    medicare_participating boolean,
    PRIMARY KEY (data_year, npi)
) PARTITION BY LIST (data_year);

-- Per provider and year, rebuilt with set-based SQL after each publish of a year.
CREATE TABLE partb_rollup (
    data_year            smallint NOT NULL,
    npi                  bigint   NOT NULL,
    provider_type        text,
    state                text,
    services             numeric NOT NULL,
    beneficiaries        bigint,
    suppressed_rows      integer  NOT NULL,
    rows                 integer  NOT NULL,
    allowed_amount       numeric(18, 2) NOT NULL,
    payment_amount       numeric(18, 2) NOT NULL,
    top_procedures       jsonb    NOT NULL,
    services_percentile  numeric(5, 2),
    payment_percentile   numeric(5, 2),
    PRIMARY KEY (data_year, npi)
) PARTITION BY LIST (data_year);
