package com.medsales.provider;

import com.medsales.ingest.DatasetPublished;
import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps {@code cms_provider} and {@code cms_name_word} (V83): every NPI a published Part B, Part D
 * or Open Payments file names that the registry lacks, once, as the latest such file names and
 * places it. Rebuilt set-based, in one transaction, after every publish of any dataset (a CMS year
 * adds or replaces NPIs; an NPPES publish adds NPIs, whose registry facts then win, or removes
 * some, which the CMS files still name), after the search tables of an NPPES publish ({@link
 * ProviderSearchIndex}) and before the caches are cleared ({@code ProviderCaches}). Searches and
 * profiles read the old rows until the commit. It runs in the publishing thread once the publish
 * commits, before the run is reported done, and through the event publication registry: a rebuild
 * that fails leaves the publication outstanding, and the ingestion worker hands it over again
 * ({@code platform.internal.OutstandingEvents}).
 *
 * <p>At national size the cost is three anti-joins of the CMS provider rows (about a million a year
 * for Part B and Part D, op_rollup's for Open Payments) against the registry's key, and the names
 * of the few NPIs left: seconds, once a publish, never per row.
 */
@Component
public class CmsProviders {

  private static final Logger log = LoggerFactory.getLogger(CmsProviders.class);

  /**
   * The CMS-only providers, each from its latest file. Part B and Part D give a row per provider
   * and year; Open Payments a row per payment, so its latest payment of the year names the
   * recipient (read only for the NPIs of op_rollup that the registry lacks); research payments name
   * their covered recipient and principal investigators, ownership interests their physician owner
   * (V87), each with a business address. Part D names no entity type: a prescriber without a first
   * name is taken for an organisation. Open Payments' specialty is the NUCC path itself
   * ("Allopathic & Osteopathic Physicians| Dermatology"); the Medicare specialties of Part B and
   * Part D go through the CMS crosswalk (V84).
   */
  static final String REBUILD =
      """
      INSERT INTO cms_provider (npi, source, data_year, entity_type, organization_name, first_name, middle_name,
                                last_name, credential, search_name, words, line1, line2, city, state, zip5, country,
                                latitude, longitude, geo_precision, specialty, taxonomy_code)
      WITH named AS (
        SELECT b.npi, 'partB' AS source, 1 AS rank, b.data_year,
               CASE b.entity_code WHEN 'I' THEN 1 WHEN 'O' THEN 2 END AS entity_type, b.last_org_name, b.first_name,
               b.middle_initial AS middle_name, b.credentials AS credential, b.street1 AS line1, b.street2 AS line2,
               b.city, b.state, b.zip5, b.country, b.provider_type AS specialty
        FROM partb_provider b
        WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = b.npi)
        UNION ALL
        SELECT d.npi, 'partD', 5, d.data_year, CASE WHEN d.first_name IS NULL THEN 2 ELSE 1 END, d.last_org_name,
               d.first_name, NULL, NULL, NULL, NULL, d.city, d.state, NULL, NULL, d.provider_type
        FROM partd_provider d
        WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = d.npi)
        UNION ALL
        SELECT * FROM (
          SELECT DISTINCT ON (g.npi, g.program_year) g.npi, 'openPayments', 2, g.program_year, 1, g.last_name,
                 g.first_name, g.middle_name, NULL, NULL, NULL, g.city, g.state, nullif(left(g.zip, 5), ''), g.country,
                 g.specialty
          FROM op_general_payment g
          WHERE g.npi IN (SELECT r.npi FROM op_rollup r WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = r.npi))
          ORDER BY g.npi, g.program_year, g.payment_date DESC, g.record_id DESC) op
        UNION ALL
        SELECT * FROM (
          SELECT DISTINCT ON (r.recipient_npi, r.program_year) r.recipient_npi, 'openPayments', 3, r.program_year, 1,
                 r.recipient_last_name, r.recipient_first_name, r.recipient_middle_name, NULL, r.recipient_line1,
                 r.recipient_line2, r.recipient_city, r.recipient_state, nullif(left(r.recipient_zip, 5), ''),
                 r.recipient_country, r.recipient_specialty
          FROM op_research_payment r
          WHERE r.recipient_npi IS NOT NULL AND NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = r.recipient_npi)
          ORDER BY r.recipient_npi, r.program_year, r.payment_date DESC, r.record_id DESC) research
        UNION ALL
        SELECT * FROM (
          SELECT DISTINCT ON (i.npi, r.program_year) i.npi, 'openPayments', 3, r.program_year, 1, e->>'last',
                 e->>'first', e->>'middle', NULL, e->>'line1', e->>'line2', e->>'city', e->>'state',
                 nullif(left(e->>'zip', 5), ''), e->>'country', e->>'specialty'
          FROM op_research_payment r
          CROSS JOIN LATERAL unnest(r.investigator_npis) AS i(npi)
          -- the investigator's name and address where the row was loaded with them (V87), else the NPI alone
          LEFT JOIN LATERAL (SELECT x FROM jsonb_array_elements(r.investigators) x
                             WHERE x->>'npi' = i.npi::text LIMIT 1) n(e) ON true
          WHERE cardinality(r.investigator_npis) > 0 AND NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = i.npi)
          ORDER BY i.npi, r.program_year, (e IS NULL), r.payment_date DESC, r.record_id DESC) investigator
        UNION ALL
        SELECT * FROM (
          SELECT DISTINCT ON (o.npi, o.program_year) o.npi, 'openPayments', 4, o.program_year, 1, o.last_name,
                 o.first_name, o.middle_name, NULL, o.line1, o.line2, o.city, o.state, nullif(left(o.zip, 5), ''),
                 o.country, o.specialty
          FROM op_ownership o
          WHERE o.npi IS NOT NULL AND NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = o.npi)
          ORDER BY o.npi, o.program_year, o.record_id DESC) ownership
      ),
      latest AS (
        SELECT DISTINCT ON (npi) * FROM named
        -- a row that names the provider before one that gives the NPI alone (research rows loaded before V87)
        ORDER BY npi, data_year DESC, (last_org_name IS NULL), rank
      ),
      spelled AS (
        SELECT l.*,
               CASE WHEN l.entity_type = 2 THEN NULL ELSE l.first_name END AS first,
               btrim(regexp_replace(regexp_replace(lower(
                   CASE WHEN l.entity_type = 2 THEN l.last_org_name ELSE concat_ws(' ', l.first_name, l.last_org_name) END),
                 '[^[:alnum:]]+', ' ', 'g'),
                 CASE WHEN l.entity_type = 2 THEN '\\m(jr|sr|ii|iii|iv|inc|llc|pc|pa|pllc|ltd|corp|corporation|co|company|lp|llp|the)\\M'
                      ELSE '\\m(jr|sr|ii|iii|iv)\\M' END, ' ', 'g')) AS spaced
        FROM latest l
      ),
      zip3 AS (
        SELECT left(zip5, 3) AS prefix, avg(latitude) AS latitude, avg(longitude) AS longitude
        FROM zip_centroid WHERE precision = 'ZIP5' GROUP BY 1
      )
      SELECT s.npi, s.source, s.data_year, s.entity_type,
             CASE WHEN s.entity_type = 2 THEN s.last_org_name END, s.first, CASE WHEN s.entity_type = 2 THEN NULL ELSE s.middle_name END,
             CASE WHEN s.entity_type = 2 THEN NULL ELSE s.last_org_name END, s.credential,
             nullif(regexp_replace(s.spaced, '\\s+', ' ', 'g'), ''),
             coalesce(string_to_array(nullif(regexp_replace(s.spaced, '\\s+', ' ', 'g'), ''), ' '), '{}'),
             s.line1, s.line2, s.city, s.state, s.zip5, s.country,
             coalesce(z.latitude, z3.latitude), coalesce(z.longitude, z3.longitude),
             CASE WHEN z.zip5 IS NOT NULL THEN z.precision WHEN z3.prefix IS NOT NULL THEN 'ZIP3' END,
             s.specialty, coalesce(m.taxonomy_code, x.code)
      FROM spelled s
      LEFT JOIN zip_centroid z ON z.zip5 = s.zip5
      LEFT JOIN zip3 z3 ON z.zip5 IS NULL AND z3.prefix = left(s.zip5, 3)
      LEFT JOIN medicare_specialty_taxonomy m
        ON s.source <> 'openPayments' AND m.specialty = btrim(regexp_replace(lower(s.specialty), '[^a-z0-9]+', ' ', 'g'))
      LEFT JOIN taxonomy x
        ON s.source = 'openPayments' AND concat_ws('|', x.grouping, x.classification, x.specialization) = s.specialty
      """;

  private final BulkConnections connections;

  CmsProviders(BulkConnections connections) {
    this.connections = connections;
  }

  @TransactionalEventListener(id = "provider.cms-provider-rebuild")
  @Order(1)
  void on(DatasetPublished published) throws SQLException {
    long start = System.nanoTime();
    try {
      int count = rebuild();
      log.info(
          "cms_provider rebuilt after run {}: {} providers only CMS files name, in {} ms",
          published.runId(),
          count,
          (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      log.error(
          "Could not rebuild cms_provider after run {}: search and profiles show the CMS-only providers of the"
              + " previous publish until the ingestion worker retries it: {}",
          published.runId(),
          e.getMessage());
      throw e;
    }
  }

  /**
   * Rebuilds the tables from the published data in one transaction; the number of CMS-only
   * providers.
   */
  public int rebuild() throws SQLException {
    int[] count = new int[1];
    try (Connection c = connections.open("cms-provider")) {
      BulkConnections.inOneTransaction(
          c,
          tx -> {
            try (Statement s = tx.createStatement()) {
              // one rebuild at a time: two publishes that end together would otherwise both insert
              // every NPI
              s.execute("SELECT pg_advisory_xact_lock(hashtext('cms_provider'))");
              s.execute("DELETE FROM cms_provider");
              count[0] = s.executeUpdate(REBUILD);
              s.execute("DELETE FROM cms_name_word");
              s.execute(
                  """
              INSERT INTO cms_name_word (word, letters)
              SELECT w.word, (SELECT string_agg(ch, '' ORDER BY ch COLLATE "C") FROM regexp_split_to_table(w.word, '') AS ch)
              FROM (SELECT DISTINCT unnest(words) AS word FROM cms_provider) w
              WHERE w.word <> ''
              """);
              // a ZIP that only the ZIP3 fallback placed joins zip_centroid, so that radius search
              // reaches it (as
              // RegistryPublisher does for the registry's PO-box ZIPs)
              s.execute(
                  """
              INSERT INTO zip_centroid (zip5, latitude, longitude, precision)
              SELECT DISTINCT ON (zip5) zip5, latitude, longitude, 'ZIP3' FROM cms_provider
              WHERE geo_precision = 'ZIP3' AND zip5 ~ '^[0-9]{5}$' ORDER BY zip5
              ON CONFLICT (zip5) DO NOTHING
              """);
            }
          });
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE cms_provider");
        s.execute("ANALYZE cms_name_word");
      }
    }
    return count[0];
  }
}
