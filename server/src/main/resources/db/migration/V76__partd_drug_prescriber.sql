-- A drug search within a radius ("prescribers of DILTIAZEM HCL within 25 miles of Memphis with 20 claims or more")
-- started from every provider in reach (7,800 candidates in central Memphis on the national registry), probed each
-- one's Part D rollup row and read the 33 drug rows of each prescriber among them: 138 ms at p95. This table holds, per
-- drug name as the search matches it (the brand's or the generic's, upper case) and data year, each prescriber once
-- with the practice ZIP the registry gives it and the claims the search sums (over the prescriber's rows whose brand or
-- generic name is that drug, each row once): the search reads the drug's prescribers in the ZIPs within reach from one
-- index range per ZIP, without touching the 26-million-row drug table.
--
-- Derived from partd_drug and provider_address, one partition per data year, and never built inside a publish
-- (provider.DrugPrescriberIndex): after a Part D or NPPES publish a job on the ingestion queue rebuilds the years whose
-- sources changed in the background, each year beside the live one and attached in its place in one transaction
-- together with its row of partd_drug_prescriber_build (after weekly NPPES files it moves the changed NPIs' rows in
-- place instead, in one transaction with the row). That row names the runs the year was built from; the search
-- reads the table only for a year that partd_drug_prescriber_fresh lists (built from the latest published Part D run of
-- the year and the latest published NPPES run), and sums the drug rows as before otherwise. This migration creates the
-- tables empty: a worker's start finds the years stale and queues their build.
CREATE TABLE partd_drug_prescriber (
    drug      text     NOT NULL,
    data_year smallint NOT NULL,
    zip5      text,
    npi       bigint   NOT NULL,
    claims    numeric  NOT NULL
) PARTITION BY LIST (data_year);

-- the year is the partition; a partition's own index is built before it is attached and becomes this index's part.
-- npi is a key column: a search joins the candidates of its specialty in a ZIP to this table by (drug, ZIP, NPI), one
-- entry each; with (drug, zip5) alone each candidate read all the drug's prescribers in its ZIP (2 million index rows
-- for a common drug in central Memphis nationally, 1.2 s)
CREATE INDEX partd_drug_prescriber_key ON partd_drug_prescriber (drug, zip5, npi) INCLUDE (claims);

-- which runs each year's partition was built from (written in the transaction that attaches the partition)
CREATE TABLE partd_drug_prescriber_build (
    data_year smallint    PRIMARY KEY,
    partd_run bigint,
    nppes_run bigint,
    built_at  timestamptz NOT NULL DEFAULT now()
);

-- the years whose partition was built from the data published now: the search's check, and what bench/api-latency.sh
-- waits for
CREATE VIEW partd_drug_prescriber_fresh AS
SELECT b.data_year
FROM partd_drug_prescriber_build b
WHERE b.partd_run IS NOT DISTINCT FROM (SELECT r.id FROM ingestion_run r
                                        WHERE r.dataset = 'partD' AND r.status = 'PUBLISHED' AND r.data_year = b.data_year
                                        ORDER BY r.finished_at DESC, r.id DESC LIMIT 1)
  AND b.nppes_run IS NOT DISTINCT FROM (SELECT r.id FROM ingestion_run r
                                        WHERE r.dataset = 'nppes' AND r.status = 'PUBLISHED'
                                        ORDER BY r.finished_at DESC, r.id DESC LIMIT 1);
