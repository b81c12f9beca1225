-- Whole-state alignments grant visibility (issue 8): a rep also sees the records located in (or about a provider
-- practising in) a state aligned to one of their territories, unless the location's ZIP is aligned itself or lies in an
-- aligned home county; the same precedence as territory membership (ZIP, then home county, then state).
--
-- medsales_sees runs once per row under row-level security, so every branch starts from the row's own keys and walks
-- primary keys or unique indexes: the provider's addresses by NPI, a ZIP's home county by zip_county_home, the state's
-- territory by territory_state's key (tenant, state), and the assignment by its key (territory, user). A record's own
-- ZIP lies in the state of its home county.
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
      OR EXISTS (SELECT 1
                 FROM (SELECT pa.zip5, pa.state FROM provider_address pa WHERE pa.npi = p_npi AND pa.kind <> 'MAILING'
                       UNION ALL
                       SELECT zc.zip5, k.state FROM zip_county zc JOIN county k ON k.geoid = zc.county_geoid
                       WHERE zc.zip5 = p_zip5 AND zc.home) loc
                 JOIN territory_state s ON s.tenant_id = medsales_tenant() AND s.state = loc.state
                 JOIN territory_assignment a ON a.territory_id = s.territory_id AND a.user_id = medsales_user()
                 WHERE NOT EXISTS (SELECT 1 FROM territory_zip z WHERE z.tenant_id = s.tenant_id AND z.zip5 = loc.zip5)
                   AND NOT EXISTS (SELECT 1 FROM zip_county zc JOIN territory_county c ON c.county_geoid = zc.county_geoid
                                   WHERE zc.zip5 = loc.zip5 AND zc.home AND c.tenant_id = s.tenant_id))
$$;

-- what a state-aligned territory holds is read by territory as well (the ZIP list, membership)
CREATE INDEX territory_state_territory ON territory_state (territory_id);
