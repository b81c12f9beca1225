package com.medsales.territory.internal;

/**
 * Which providers and ZIPs a territory holds, as SQL every reader shares. A provider belongs to the
 * territories that contain their practice locations (every address but the mailing one). A
 * location's territory is the one {@code territory_of(zip5, state)} gives (V85): the one its ZIP is
 * aligned to, else the one its ZIP's home county (the county holding most of the ZIP's land) is
 * aligned to, else the one its whole state is aligned to. A district or region holds what its
 * territories hold. Only active providers count.
 *
 * <p>The queries here go from territories to locations: they gather the locations that could lie in
 * the chosen territories (by their ZIPs, their counties' ZIPs or their states) and keep those whose
 * {@code territory_of} is one of them, so the precedence is decided in that one function.
 */
public final class Membership {

  private Membership() {}

  /**
   * Common table expressions ending in {@code member(node_id, npi, zip5)}: one row per territory
   * (at any level) and provider, with the provider's lowest ZIP inside it. {@code scope} is a
   * condition on {@code closure.node_id} choosing the territories wanted (for example {@code
   * node_id = :id}, or {@code true} for all). {@code location} holds each gathered location with
   * its territory, in the scope or not: joining {@code scope} keeps the former.
   */
  public static String ctes(String scope) {
    return CLOSURE.formatted(scope)
        + """
        ,
        location AS (
          SELECT t.territory_id AS leaf_id, cand.npi, cand.zip5
          FROM (SELECT pa.npi, pa.zip5, pa.state
                FROM territory_zip z JOIN provider_address pa ON pa.zip5 = z.zip5 AND pa.kind <> 'MAILING'
                WHERE z.tenant_id = medsales_tenant() AND z.territory_id IN (SELECT leaf_id FROM scope)
                UNION ALL
                SELECT pa.npi, pa.zip5, pa.state
                FROM territory_county c JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home
                JOIN provider_address pa ON pa.zip5 = zc.zip5 AND pa.kind <> 'MAILING'
                WHERE c.tenant_id = medsales_tenant() AND c.territory_id IN (SELECT leaf_id FROM scope)
                UNION ALL
                SELECT pa.npi, pa.zip5, pa.state
                FROM territory_state s JOIN provider_address pa ON pa.state = s.state AND pa.kind <> 'MAILING'
                WHERE s.tenant_id = medsales_tenant() AND s.territory_id IN (SELECT leaf_id FROM scope)) cand
          CROSS JOIN LATERAL territory_of(cand.zip5, cand.state) t
        ),
        member AS (
          SELECT sc.node_id, l.npi, min(l.zip5) AS zip5
          FROM location l JOIN scope sc ON sc.leaf_id = l.leaf_id
          JOIN provider p ON p.npi = l.npi AND p.active
          GROUP BY sc.node_id, l.npi
        )
        """;
  }

  /**
   * Common table expressions ending in {@code aligned_zip(leaf_id, zip5, via)}: every ZIP of the
   * territories chosen by {@code scope} (as for {@link #ctes}) and how it got there, {@code ZIP}
   * (aligned itself), {@code COUNTY} (its home county is aligned) or {@code STATE} (its home
   * county's state is aligned), with the same precedence as membership. ZIPs come from the Census
   * ZIP-county relationship, so a state's ZIPs are its ZCTAs (PO-box-only ZIPs are not).
   */
  public static String zipCtes(String scope) {
    return CLOSURE.formatted(scope)
        + """
        ,
        aligned_zip (leaf_id, zip5, via) AS (
          SELECT t.territory_id, x.zip5, t.via
          FROM (SELECT z.zip5 FROM territory_zip z
                WHERE z.tenant_id = medsales_tenant() AND z.territory_id IN (SELECT leaf_id FROM scope)
                UNION
                SELECT zc.zip5
                FROM territory_county c JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home
                WHERE c.tenant_id = medsales_tenant() AND c.territory_id IN (SELECT leaf_id FROM scope)
                UNION
                SELECT zc.zip5
                FROM territory_state s JOIN county k ON k.state = s.state
                JOIN zip_county zc ON zc.county_geoid = k.geoid AND zc.home
                WHERE s.tenant_id = medsales_tenant() AND s.territory_id IN (SELECT leaf_id FROM scope)) x
          LEFT JOIN zip_county zc ON zc.zip5 = x.zip5 AND zc.home
          LEFT JOIN county k ON k.geoid = zc.county_geoid
          CROSS JOIN LATERAL territory_of(x.zip5, k.state) t
          WHERE t.territory_id IN (SELECT leaf_id FROM scope)
        )
        """;
  }

  /**
   * The tree as (node, leaf under it) pairs, and the pairs whose node the condition (%s) chooses.
   */
  private static final String CLOSURE =
      """
      WITH RECURSIVE closure (node_id, leaf_id) AS (
        SELECT id, id FROM territory WHERE tenant_id = medsales_tenant()
        UNION ALL
        SELECT t.parent_id, c.leaf_id FROM closure c JOIN territory t ON t.id = c.node_id
        WHERE t.parent_id IS NOT NULL AND t.tenant_id = medsales_tenant()
      ),
      scope AS (SELECT node_id, leaf_id FROM closure WHERE %s)""";

  /**
   * A provider's primary specialty: the taxonomy marked primary, else the first; joined laterally
   * as {@code spec}.
   */
  public static final String PRIMARY_SPECIALTY =
      """
      LEFT JOIN LATERAL (
        SELECT pt.code, coalesce(tx.display_name, tx.classification, pt.code) AS name
        FROM provider_taxonomy pt LEFT JOIN taxonomy tx ON tx.code = pt.code
        WHERE pt.npi = m.npi ORDER BY pt.is_primary DESC, pt.slot LIMIT 1
      ) spec ON true
      """;
}
