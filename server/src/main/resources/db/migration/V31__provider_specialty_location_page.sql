-- V30's candidates were still tested one by one against the registry: on the national registry the commonest
-- specialty has about 7,800 providers within 25 miles of Memphis, three index probes each. The table now
-- holds one row per (taxonomy code, primary practice ZIP5, NPI) with what such a search filters and sorts on (active,
-- the practice point), so that the page of a specialty-within-a-radius search is read from one index range per code
-- and ZIP, sorted by distance and limited before any registry row is touched (a code in two slots gives two rows: the
-- search reads them as a set). It is derived from provider, provider_taxonomy and provider_address (kind PRACTICE,
-- seq 1, as the search's address), in (code, ZIP) order so that a range is a few pages, and rebuilt, set-based, after
-- every NPPES publish (provider.ProviderSearchIndex).
DROP TABLE provider_specialty_location;

CREATE TABLE provider_specialty_location (
    code       text    NOT NULL,
    zip5       text    NOT NULL,
    npi        bigint  NOT NULL,
    active     boolean NOT NULL,
    latitude   double precision,
    longitude  double precision
);

INSERT INTO provider_specialty_location (code, zip5, npi, active, latitude, longitude)
SELECT t.code, a.zip5, t.npi, p.active, a.latitude, a.longitude
FROM provider_taxonomy t
JOIN provider p ON p.npi = t.npi
JOIN provider_address a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1
WHERE a.zip5 IS NOT NULL
ORDER BY t.code, a.zip5;

CREATE INDEX provider_specialty_location_key ON provider_specialty_location (code, zip5)
    INCLUDE (npi, active, latitude, longitude);
ANALYZE provider_specialty_location;
