-- Territories aligned by county (issue 8): the Census county list, each ZIP's home county, and a tenant's county
-- alignment. V22 loads the two reference tables from the bundled Census files.

-- The 2025 county gazetteer (states, DC, Puerto Rico), plus the counties the 2020 ZIP-county relationship still names:
-- Connecticut's eight former counties (replaced by planning regions in 2022) and the island areas' county equivalents.
CREATE TABLE county (
    geoid      text PRIMARY KEY CHECK (geoid ~ '^[0-9]{5}$'),
    state      text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
    name       text NOT NULL,
    base_name  text NOT NULL   -- lower case, without "County", "Parish", "Borough"...: what a file may give instead
);
CREATE INDEX county_state_name ON county (state, lower(name));
CREATE INDEX county_state_base_name ON county (state, base_name);

-- The Census 2020 ZCTA-county relationship: the land and water area (square kilometres) of each ZIP in each county.
-- A ZIP that spans counties belongs to the one holding most of its land (home = true; ties go to more water, then the
-- lower GEOID).
CREATE TABLE zip_county (
    zip5          text    NOT NULL CHECK (zip5 ~ '^[0-9]{5}$'),
    county_geoid  text    NOT NULL REFERENCES county,
    land_area     numeric NOT NULL,
    water_area    numeric NOT NULL,
    home          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (zip5, county_geoid)
);
CREATE UNIQUE INDEX zip_county_home ON zip_county (zip5) WHERE home;
CREATE INDEX zip_county_home_county ON zip_county (county_geoid) WHERE home;

-- A county belongs to at most one territory of a tenant. A location's territory: its ZIP's, else its ZIP's home
-- county's, else its state's.
CREATE TABLE territory_county (
    tenant_id     uuid NOT NULL REFERENCES tenant,
    county_geoid  text NOT NULL REFERENCES county,
    territory_id  uuid NOT NULL REFERENCES territory ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, county_geoid)
);
CREATE INDEX territory_county_territory ON territory_county (territory_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON territory_county TO ${appRole};
ALTER TABLE territory_county ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON territory_county USING (tenant_id = medsales_tenant());

-- A rep also sees the records located in (or about a provider practising in) a ZIP whose home county is aligned to one
-- of their territories, unless that ZIP itself is aligned elsewhere.
CREATE OR REPLACE FUNCTION medsales_sees(p_owner uuid, p_npi bigint, p_zip5 text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT medsales_tenant_admin()
      OR p_owner = medsales_user()
      OR EXISTS (SELECT 1 FROM team t JOIN team_member m ON m.team_id = t.id
                 WHERE t.manager_id = medsales_user() AND m.user_id = p_owner)
      OR EXISTS (SELECT 1 FROM territory_assignment a JOIN territory_zip z ON z.territory_id = a.territory_id
                 WHERE a.user_id = medsales_user()
                   AND (z.zip5 = p_zip5
                        OR z.zip5 IN (SELECT pa.zip5 FROM provider_address pa
                                      WHERE pa.npi = p_npi AND pa.kind <> 'MAILING')))
      OR EXISTS (SELECT 1 FROM territory_assignment a
                 JOIN territory_county c ON c.territory_id = a.territory_id
                 JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home
                 WHERE a.user_id = medsales_user()
                   AND (zc.zip5 = p_zip5
                        OR zc.zip5 IN (SELECT pa.zip5 FROM provider_address pa
                                       WHERE pa.npi = p_npi AND pa.kind <> 'MAILING'))
                   AND NOT EXISTS (SELECT 1 FROM territory_zip z WHERE z.tenant_id = a.tenant_id AND z.zip5 = zc.zip5))
$$;
