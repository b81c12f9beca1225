-- CMS Open Payments, General Payments (module payments), one partition per program year as the Medicare datasets.
CREATE TABLE op_general_payment (
    program_year           smallint NOT NULL,
    record_id              bigint   NOT NULL,
    change_type            text,
    recipient_type         text,
    -- linked to NPPES by NPI where the file has one (program year 2021 on, and some earlier); the oldest rows link by
    -- profile ID only
    npi                    bigint,
    profile_id             bigint,
    teaching_hospital_ccn  text,
    teaching_hospital_id   text,
    teaching_hospital_name text,
    first_name             text,
    middle_name            text,
    last_name              text,
    name_suffix            text,
    city                   text,
    state                  text,
    zip                    text,
    country                text,
    primary_type           text,
    specialty              text,
    payer_id               text,
    payer_name             text     NOT NULL,
    -- the payer's name reduced to one spelling (case, punctuation and corporate suffixes removed), beside the raw one
    manufacturer           text     NOT NULL,
    amount                 numeric  NOT NULL,
    payment_date           date     NOT NULL,
    number_of_payments     integer,
    form                   text,
    nature                 text,
    travel_city            text,
    travel_state           text,
    travel_country         text,
    third_party            text,
    disputed               boolean  NOT NULL,
    products               jsonb    NOT NULL,
    source_line            bigint   NOT NULL
) PARTITION BY LIST (program_year);

CREATE TABLE op_rollup (
    program_year      smallint NOT NULL,
    npi               bigint   NOT NULL,
    payments          integer  NOT NULL,
    total_amount      numeric(18, 2) NOT NULL,
    disputed_amount   numeric(18, 2) NOT NULL,
    by_manufacturer   jsonb    NOT NULL,
    by_nature         jsonb    NOT NULL,
    by_product        jsonb    NOT NULL,
    PRIMARY KEY (program_year, npi)
) PARTITION BY LIST (program_year);

-- Research payments: the recipient (a physician, a teaching hospital or a non-covered entity) and up to five principal
-- investigators, who link to providers by NPI where the file has one, by profile ID otherwise.
CREATE TABLE op_research_payment (
    program_year           smallint NOT NULL,
    record_id              bigint   NOT NULL,
    change_type            text,
    recipient_type         text,
    noncovered_entity      text,
    teaching_hospital_ccn  text,
    teaching_hospital_name text,
    recipient_npi          bigint,
    recipient_profile_id   bigint,
    investigator_npis      bigint[] NOT NULL,
    investigator_profile_ids bigint[] NOT NULL,
    payer_name             text     NOT NULL,
    manufacturer           text     NOT NULL,
    amount                 numeric  NOT NULL,
    payment_date           date     NOT NULL,
    form                   text,
    study                  text,
    clinical_trials_id     text,
    products               text[]   NOT NULL,
    disputed               boolean  NOT NULL,
    source_line            bigint   NOT NULL
) PARTITION BY LIST (program_year);

-- Ownership and investment interests physicians (or their families) hold in manufacturers and GPOs.
CREATE TABLE op_ownership (
    program_year           smallint NOT NULL,
    record_id              bigint   NOT NULL,
    change_type            text,
    npi                    bigint,
    profile_id             bigint,
    first_name             text,
    last_name              text,
    payer_name             text     NOT NULL,
    manufacturer           text     NOT NULL,
    amount_invested        numeric,
    value_of_interest      numeric,
    terms_of_interest      text,
    interest_held_by       text,
    disputed               boolean  NOT NULL,
    source_line            bigint   NOT NULL
) PARTITION BY LIST (program_year);
