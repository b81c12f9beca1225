-- Whole-state alignments grant visibility (issue 8): a rep also sees the records located in (or about a provider
-- practising in) a state aligned to one of their territories, unless the location's ZIP is aligned itself or lies in an
-- aligned home county: the precedence of territory membership (ZIP, then home county, then state).
--
-- medsales_sees runs once per row under row-level security, so the territory check now starts from the row's own
-- locations (the provider's addresses by NPI, or the record's ZIP, whose state is its home county's) and finds each
-- location's one territory by keys: territory_zip (tenant, ZIP), zip_county_home, territory_county (tenant, county),
-- territory_state (tenant, state), then the assignment (territory, user). V21's ZIP and county branches walked every
-- ZIP of the user's territories for each row instead; this one check replaces them with the same answers.
CREATE OR REPLACE FUNCTION medsales_sees(p_owner uuid, p_npi bigint, p_zip5 text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT medsales_tenant_admin()
      OR p_owner = medsales_user()
      OR EXISTS (SELECT 1 FROM team t JOIN team_member m ON m.team_id = t.id
                 WHERE t.manager_id = medsales_user() AND m.user_id = p_owner)
      OR EXISTS (SELECT 1
                 FROM (SELECT pa.zip5, pa.state FROM provider_address pa WHERE pa.npi = p_npi AND pa.kind <> 'MAILING'
                       UNION ALL
                       SELECT p_zip5, (SELECT k.state FROM zip_county zc JOIN county k ON k.geoid = zc.county_geoid
                                       WHERE zc.zip5 = p_zip5 AND zc.home)
                       WHERE p_zip5 IS NOT NULL) loc
                 LEFT JOIN territory_zip z ON z.tenant_id = medsales_tenant() AND z.zip5 = loc.zip5
                 LEFT JOIN zip_county zc ON zc.zip5 = loc.zip5 AND zc.home
                 LEFT JOIN territory_county c ON c.tenant_id = medsales_tenant() AND c.county_geoid = zc.county_geoid
                 LEFT JOIN territory_state s ON s.tenant_id = medsales_tenant() AND s.state = loc.state
                 JOIN territory_assignment a ON a.territory_id = coalesce(z.territory_id, c.territory_id, s.territory_id)
                                            AND a.user_id = medsales_user())
$$;

-- what a state-aligned territory holds is read by territory as well (the ZIP list, membership)
CREATE INDEX territory_state_territory ON territory_state (territory_id);
