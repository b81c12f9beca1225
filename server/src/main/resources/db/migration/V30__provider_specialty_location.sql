-- Specialty within a radius is the commonest search and, on a national registry, the slowest: the ZIPs within 25 miles
-- of a city centre hold tens of thousands of practice addresses, of which a specialty is a few per cent. This table
-- holds one row per (taxonomy code, primary practice ZIP5, NPI), so that one index range per code and ZIP finds the
-- few candidates without visiting the other addresses (a code in two slots gives two rows: the search reads it as a set). It is derived from provider_taxonomy and provider_address
-- (kind PRACTICE, seq 1, as the search's address) and rebuilt, set-based, after every NPPES publish
-- (provider.ProviderSearchIndex); the search still checks the registry's own rows, so a row here is only a candidate.
CREATE TABLE provider_specialty_location (
    code  text   NOT NULL,
    zip5  text   NOT NULL,
    npi   bigint NOT NULL
);

INSERT INTO provider_specialty_location (code, zip5, npi)
SELECT t.code, a.zip5, t.npi
FROM provider_taxonomy t
JOIN provider_address a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1
WHERE a.zip5 IS NOT NULL;

CREATE INDEX provider_specialty_location_key ON provider_specialty_location (code, zip5, npi);
ANALYZE provider_specialty_location;
