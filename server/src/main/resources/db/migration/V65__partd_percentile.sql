-- The Part D peer percentiles move out of the per-provider rollup into a narrow per-year table of their own. Computing
-- them after the rollups were written meant an UPDATE of every rollup row, about 1.5 KB each with its top drugs (about
-- 1.2 GB at the national size, 43 s of a 26M-row load on a busy machine, and the table left half dead tuples); an
-- INSERT of about 30 bytes a prescriber replaces it. The peer group (specialty and state) is the year's partd_provider
-- row, which every prescriber of the year has.

CREATE TABLE partd_percentile (
    data_year          smallint NOT NULL,
    npi                bigint   NOT NULL,
    -- percent ranks (0 to 100) of the year's claims and drug cost among prescribers of the same type in the same state
    claims_percentile  numeric(5, 2),
    cost_percentile    numeric(5, 2),
    PRIMARY KEY (data_year, npi)
) PARTITION BY LIST (data_year);

-- the years already published keep their percentiles: one partition each, named as a load names it
DO $$
DECLARE
    y smallint;
BEGIN
    FOR y IN SELECT DISTINCT data_year FROM partd_rollup LOOP
        EXECUTE format('CREATE TABLE partd_percentile_y%s PARTITION OF partd_percentile FOR VALUES IN (%s)', y, y);
        EXECUTE format('INSERT INTO partd_percentile_y%s (data_year, npi, claims_percentile, cost_percentile)'
                       ' SELECT data_year, npi, claims_percentile, cost_percentile FROM partd_rollup WHERE data_year = %s',
                       y, y);
    END LOOP;
END $$;

ALTER TABLE partd_rollup DROP COLUMN provider_type, DROP COLUMN state, DROP COLUMN claims_percentile,
    DROP COLUMN cost_percentile;
