package com.medsales.provider;

import com.medsales.provider.search.ProviderSearchResult;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Infers affiliations from the registry in one set-based query, every join on an expression index
 * of V15: addresses through {@code medsales_address_key}, authorised officials through upper-case
 * names, organisation names through {@code medsales_org_name_key}. Only active affiliates are
 * listed. The key joins are lateral, one index probe per key of the provider's (OFFSET 0 keeps the
 * planner from flattening them): the planner, which finds no statistics for the inlined key
 * functions, guessed tens of thousands of rows per key on the national registry and hashed a
 * parallel scan of all 11.6 million addresses instead, 30 to 86 seconds for one profile.
 */
@Component
class Affiliations {

  private static final String SQL =
      """
      WITH me AS (SELECT * FROM provider WHERE npi = :npi),
      my_keys AS (SELECT DISTINCT medsales_address_key(line1, zip5) AS k FROM provider_address
                  WHERE npi = :npi AND kind <> 'MAILING' AND medsales_address_key(line1, zip5) IS NOT NULL),
      my_states AS (SELECT DISTINCT state FROM provider_address WHERE npi = :npi AND kind <> 'MAILING' AND state IS NOT NULL),
      my_names AS (SELECT medsales_org_name_key(organization_name) AS k, false AS other FROM me WHERE entity_type = 2
                   UNION
                   SELECT medsales_org_name_key(o.name), true FROM provider_other_name o JOIN me ON me.entity_type = 2
                   WHERE o.npi = :npi),
      links AS (
        SELECT a.npi, 'SAME_PRACTICE_ADDRESS' AS how
        FROM my_keys m
        CROSS JOIN LATERAL (SELECT a.npi FROM provider_address a
                            WHERE medsales_address_key(a.line1, a.zip5) = m.k AND a.kind <> 'MAILING' AND a.npi <> :npi
                            OFFSET 0) a
        UNION
        SELECT p.npi, 'AUTHORIZED_OFFICIAL'
        FROM me JOIN provider p ON me.entity_type = 2 AND p.entity_type = 1
             AND upper(p.last_name) = upper(me.official_last_name) AND upper(p.first_name) = upper(me.official_first_name)
        WHERE EXISTS (SELECT 1 FROM provider_address pa WHERE pa.npi = p.npi AND pa.kind <> 'MAILING'
                      AND pa.state IN (SELECT state FROM my_states))
        UNION
        SELECT p.npi, 'AUTHORIZED_OFFICIAL'
        FROM me JOIN provider p ON me.entity_type = 1 AND p.entity_type = 2
             AND upper(p.official_last_name) = upper(me.last_name) AND upper(p.official_first_name) = upper(me.first_name)
        WHERE EXISTS (SELECT 1 FROM provider_address pa WHERE pa.npi = p.npi AND pa.kind <> 'MAILING'
                      AND pa.state IN (SELECT state FROM my_states))
        UNION
        SELECT p.npi, 'OTHER_NAME'
        FROM my_names m
        CROSS JOIN LATERAL (SELECT p.npi FROM provider p
                            WHERE p.entity_type = 2 AND medsales_org_name_key(p.organization_name) = m.k AND p.npi <> :npi
                            OFFSET 0) p
        WHERE m.other
        UNION
        SELECT o.npi, 'OTHER_NAME'
        FROM my_names m
        CROSS JOIN LATERAL (SELECT o.npi FROM provider_other_name o
                            WHERE medsales_org_name_key(o.name) = m.k AND o.npi <> :npi OFFSET 0) o
        JOIN provider op ON op.npi = o.npi AND op.entity_type = 2),
      grouped AS (SELECT npi, array_agg(DISTINCT how ORDER BY how) AS inferred_by FROM links GROUP BY npi)
      SELECT g.npi, g.inferred_by, p.entity_type, p.organization_name, p.first_name, p.middle_name, p.last_name,
             p.name_suffix, p.credential, pt.code AS taxonomy_code, px.display_name AS taxonomy_name,
             b.services, d.claims, o.total_amount, pa.latitude, pa.longitude
      FROM grouped g
      JOIN provider p ON p.npi = g.npi AND p.active AND (CAST(:organizationsOnly AS boolean) IS FALSE OR p.entity_type = 2)
      LEFT JOIN LATERAL (SELECT code FROM provider_taxonomy t WHERE t.npi = p.npi ORDER BY t.is_primary DESC, t.slot LIMIT 1) pt ON true
      LEFT JOIN taxonomy px ON px.code = pt.code
      LEFT JOIN provider_address pa ON pa.npi = g.npi AND pa.kind = 'PRACTICE' AND pa.seq = 1
      LEFT JOIN partb_rollup b ON b.npi = g.npi AND b.data_year = (SELECT max(data_year) FROM partb_rollup)
      LEFT JOIN partd_rollup d ON d.npi = g.npi AND d.data_year = (SELECT max(data_year) FROM partd_rollup)
      LEFT JOIN op_rollup o ON o.npi = g.npi AND o.program_year = (SELECT max(program_year) FROM op_rollup)
      ORDER BY cardinality(g.inferred_by) DESC, coalesce(b.services, 0) + coalesce(d.claims, 0) DESC, g.npi
      """;

  private final JdbcClient jdbc;

  Affiliations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Everyone affiliated with the NPI, strongest first (most kinds of evidence, then volume). */
  List<Affiliation> of(long npi, boolean organizationsOnly) {
    return jdbc.sql(SQL)
        .param("npi", npi)
        .param("organizationsOnly", organizationsOnly)
        .query(
            (rs, i) -> {
              String org = rs.getString("organization_name");
              String display =
                  org != null
                      ? org
                      : String.join(
                              " ",
                              java.util.stream.Stream.of(
                                      rs.getString("first_name"),
                                      rs.getString("middle_name"),
                                      rs.getString("last_name"),
                                      rs.getString("name_suffix"))
                                  .filter(s -> s != null)
                                  .toList())
                          + (rs.getString("credential") == null
                              ? ""
                              : ", " + rs.getString("credential"));
              String code = rs.getString("taxonomy_code");
              return new Affiliation(
                  String.valueOf(rs.getLong("npi")),
                  display,
                  rs.getShort("entity_type") == 2
                      ? ProviderProfile.ORGANIZATION
                      : ProviderProfile.INDIVIDUAL,
                  code == null
                      ? null
                      : new ProviderSearchResult.Specialty(code, rs.getString("taxonomy_name")),
                  List.copyOf(Arrays.asList((String[]) rs.getArray("inferred_by").getArray())),
                  rs.getBigDecimal("services"),
                  rs.getBigDecimal("claims"),
                  rs.getBigDecimal("total_amount"),
                  rs.getObject("latitude", Double.class),
                  rs.getObject("longitude", Double.class));
            })
        .list();
  }
}
