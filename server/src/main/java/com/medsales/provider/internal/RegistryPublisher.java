package com.medsales.provider.internal;

import static com.medsales.ingest.YearlyTables.count;
import static com.medsales.ingest.YearlyTables.execute;

import com.medsales.provider.ProviderSearchIndex;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based SQL that turns loaded tables into the published registry. A full load is published by
 * renaming the {@code _next} tables over the live ones in one short transaction; a weekly file
 * replaces its NPIs' rows in one transaction; both record what changed, by NPI, in {@code
 * provider_change}.
 */
final class RegistryPublisher {

  /**
   * The indexes of the live tables (V4, V15); a full load builds them on its tables before they go
   * live.
   */
  /**
   * The live tables' indexes and statistics, built on the {@code _next} tables in two lanes of
   * about equal length (a 2-core machine has two cores to give), each lane owning its tables so
   * that neither waits on the other's locks: the primary keys are built as unique indexes (a SHARE
   * lock, as any index build) and become the keys at the publish ({@link #publishFull}), and a
   * table is analysed after its expression indexes, whose statistics the affiliation queries need,
   * on the lane that built them. Each lane then builds a search table ({@link #index}). Measured on
   * the national registry (9M providers) under a load of 5: provider and taxonomy indexes 147 s and
   * the name tables 43 s on the first lane; address, identifier and other-name indexes 100 s and
   * the specialty locations 81 s on the second. Before, the second lane also held the primary key
   * constraints (whose ACCESS EXCLUSIVE lock could wait for the first lane's trigram index) and ran
   * about 250 s while the first idled after 115 s.
   */
  private static final List<String> FIRST_LANE =
      List.of(
          // affiliations (V15): expression indexes first, so that ANALYZE sees their expressions
          "CREATE INDEX provider_person_name_%2$s ON provider%1$s (upper(last_name), upper(first_name)) WHERE entity_type = 1",
          "CREATE INDEX provider_official_name_%2$s ON provider%1$s (upper(official_last_name), upper(official_first_name)) WHERE entity_type = 2",
          "CREATE INDEX provider_org_name_key_%2$s ON provider%1$s (medsales_org_name_key(organization_name)) WHERE entity_type = 2",
          "ANALYZE provider%1$s",
          "CREATE UNIQUE INDEX provider_taxonomy_pkey_%2$s ON provider_taxonomy%1$s (npi, slot)",
          "CREATE INDEX provider_taxonomy_code_%2$s ON provider_taxonomy%1$s (code, npi)",
          "ANALYZE provider_taxonomy%1$s",
          "CREATE INDEX provider_search_name_trgm_%2$s ON provider%1$s USING gin (search_name gin_trgm_ops)",
          "CREATE UNIQUE INDEX provider_pkey_%2$s ON provider%1$s (npi)");

  private static final List<String> SECOND_LANE =
      List.of(
          "CREATE UNIQUE INDEX provider_address_pkey_%2$s ON provider_address%1$s (npi, kind, seq)",
          "CREATE INDEX provider_address_zip5_%2$s ON provider_address%1$s (zip5) WHERE kind <> 'MAILING'",
          // affiliations (V15)
          "CREATE INDEX provider_address_key_%2$s ON provider_address%1$s (medsales_address_key(line1, zip5)) WHERE kind <> 'MAILING'",
          "ANALYZE provider_address%1$s",
          "CREATE UNIQUE INDEX provider_identifier_pkey_%2$s ON provider_identifier%1$s (npi, slot)",
          "ANALYZE provider_identifier%1$s",
          "CREATE UNIQUE INDEX provider_other_name_pkey_%2$s ON provider_other_name%1$s (npi, seq)",
          "CREATE INDEX provider_other_name_key_%2$s ON provider_other_name%1$s (medsales_org_name_key(name))",
          "ANALYZE provider_other_name%1$s");

  private static final String HASH_COLUMNS =
      "hash_name, hash_addresses, hash_secondary, hash_taxonomies, hash_identifiers, hash_status, hash_other";

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RegistryPublisher.class);

  private RegistryPublisher() {}

  /** Fingerprints the secondary practice locations of the NPIs that have any. */
  static void fingerprintSecondary(Connection c, String suffix) throws SQLException {
    execute(
        c,
        """
        UPDATE provider%1$s p SET hash_secondary = s.h
        FROM (SELECT npi, hashtextextended(string_agg(concat_ws('|', line1, line2, city, state, postal_code, country,
                     phone, fax), '~' ORDER BY line1, postal_code, seq), 0) AS h
              FROM provider_address%1$s WHERE kind = 'SECONDARY' GROUP BY npi) s
        WHERE p.npi = s.npi
        """
            .formatted(suffix));
  }

  /**
   * Builds the live tables' indexes and statistics on the {@code _next} tables on two connections
   * at once ({@link #FIRST_LANE}, {@link #SECOND_LANE}). Each lane then builds search tables from
   * the {@code _next} tables ({@link ProviderSearchIndex}), so they go live with the registry: the
   * second the specialty locations, from the provider and taxonomy tables the first lane analysed
   * at its start; the first the name tables.
   */
  static void index(Connection first, Connection second, long runId) throws SQLException {
    var background =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                build(second, SECOND_LANE, runId);
                ProviderSearchIndex.buildNextLocations(second, "_next", runId);
              } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            },
            runnable -> Thread.ofPlatform().name("index-builder").start(runnable));
    build(first, FIRST_LANE, runId);
    ProviderSearchIndex.buildNextNames(first, "_next", runId);
    try {
      background.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    }
  }

  private static void build(Connection c, List<String> statements, long runId) throws SQLException {
    execute(c, "SET maintenance_work_mem = '512MB'");
    for (String ddl : statements) {
      long start = System.nanoTime();
      execute(c, ddl.formatted("_next", "r" + runId));
      log.info(
          "{} ms: {}",
          (System.nanoTime() - start) / 1_000_000,
          ddl.formatted("_next", "r" + runId));
    }
  }

  /**
   * Adds the PO-box ZIPs that this load placed at their 3-digit prefix's centroid, so radius search
   * finds them.
   */
  static void addFallbackZips(Connection c, String suffix) throws SQLException {
    execute(
        c,
        """
        INSERT INTO zip_centroid (zip5, latitude, longitude, precision)
        SELECT DISTINCT ON (zip5) zip5, latitude, longitude, 'ZIP3' FROM provider_address%s
        WHERE geo_precision = 'ZIP3' ORDER BY zip5
        ON CONFLICT (zip5) DO NOTHING
        """
            .formatted(suffix));
  }

  /**
   * Publishes the {@code _next} tables: records the changes against the live registry (when there
   * is one), then renames in one transaction. Readers see the old registry until the commit, the
   * new one after.
   */
  static Map<String, Long> publishFull(Connection c, long runId) throws SQLException {
    c.setAutoCommit(false);
    try {
      execute(c, "SET LOCAL lock_timeout = '60s'");
      boolean hadRegistry = exists(c, "SELECT EXISTS (SELECT 1 FROM provider)");
      Map<String, Long> changes;
      if (hadRegistry) {
        recordChanges(c, runId, "provider_next", true);
        changes = changeCounts(c, runId);
      } else {
        changes = new LinkedHashMap<>();
        changes.put("new", count(c, "SELECT count(*) FROM provider_next"));
      }
      // the unique indexes the lanes built become the primary keys: no scan, the columns are NOT
      // NULL already
      for (String table : RegistryWriters.TABLES) {
        execute(
            c,
            "ALTER TABLE %1$s_next ADD CONSTRAINT %1$s_pkey_r%2$d PRIMARY KEY USING INDEX %1$s_pkey_r%2$d"
                .formatted(table, runId));
      }
      for (String table : RegistryWriters.TABLES) {
        execute(c, "ALTER TABLE " + table + " RENAME TO " + table + "_old");
        execute(c, "ALTER TABLE " + table + "_next RENAME TO " + table);
      }
      for (String table : RegistryWriters.TABLES) {
        execute(c, "DROP TABLE " + table + "_old");
      }
      ProviderSearchIndex.swapIn(c);
      c.commit();
      return changes;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Applies a weekly file loaded into the {@code _weekly} tables: its NPIs' rows are replaced,
   * other NPIs untouched. Secondary locations and other names from side files are replaced only
   * when the weekly archive carried them.
   */
  static Map<String, Long> publishWeekly(
      Connection c, long runId, boolean hasSecondary, boolean hasOtherNames) throws SQLException {
    c.setAutoCommit(false);
    try {
      addFallbackZips(c, "_weekly");
      if (hasSecondary) {
        fingerprintSecondary(c, "_weekly");
      } else {
        // keep the live secondary locations and their fingerprint for the NPIs this file updates
        execute(
            c,
            "UPDATE provider_weekly w SET hash_secondary = p.hash_secondary FROM provider p WHERE p.npi = w.npi");
      }
      recordChanges(c, runId, "provider_weekly", false);
      String kinds = hasSecondary ? "" : " AND t.kind <> 'SECONDARY'";
      execute(
          c, "DELETE FROM provider_address t USING provider_weekly w WHERE t.npi = w.npi" + kinds);
      if (hasSecondary) {
        execute(
            c,
            "DELETE FROM provider_address t USING (SELECT DISTINCT npi FROM provider_address_weekly WHERE kind ="
                + " 'SECONDARY') s WHERE t.npi = s.npi AND t.kind = 'SECONDARY'");
      }
      execute(c, "DELETE FROM provider_taxonomy t USING provider_weekly w WHERE t.npi = w.npi");
      execute(c, "DELETE FROM provider_identifier t USING provider_weekly w WHERE t.npi = w.npi");
      execute(
          c,
          "DELETE FROM provider_other_name t USING provider_weekly w WHERE t.npi = w.npi AND t.source = 'NPIDATA'");
      if (hasOtherNames) {
        execute(
            c,
            "DELETE FROM provider_other_name t USING (SELECT DISTINCT npi FROM provider_other_name_weekly WHERE source"
                + " = 'OTHERNAME') s WHERE t.npi = s.npi AND t.source = 'OTHERNAME'");
      }
      for (String table :
          List.of(
              "provider_address",
              "provider_taxonomy",
              "provider_identifier",
              "provider_other_name")) {
        execute(c, "INSERT INTO " + table + " SELECT * FROM " + table + "_weekly");
      }
      execute(
          c,
          "INSERT INTO provider SELECT * FROM provider_weekly ON CONFLICT (npi) DO UPDATE SET ("
              + RegistryWriters.PROVIDER_COLUMNS
              + ", hash_secondary) = ("
              + excluded(RegistryWriters.PROVIDER_COLUMNS)
              + ", EXCLUDED.hash_secondary)");
      for (String table : RegistryWriters.TABLES) {
        execute(c, "DROP TABLE " + table + "_weekly");
      }
      Map<String, Long> changes = changeCounts(c, runId);
      c.commit();
      return changes;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Drops the tables of a load that will not be published. */
  static void discard(Connection c, String suffix) throws SQLException {
    for (String table : RegistryWriters.TABLES) {
      execute(c, "DROP TABLE IF EXISTS " + table + suffix);
    }
    if (suffix.equals("_next")) {
      ProviderSearchIndex.discardNext(c);
    }
  }

  /**
   * One row per NPI that is new, removed (full loads only), deactivated, reactivated or updated,
   * with the groups of fields that changed.
   */
  private static void recordChanges(Connection c, long runId, String loaded, boolean full)
      throws SQLException {
    String join = full ? "FULL JOIN" : "LEFT JOIN";
    execute(
        c,
        """
        INSERT INTO provider_change (run_id, npi, change, groups)
        SELECT %1$d, coalesce(n.npi, o.npi),
               CASE WHEN o.npi IS NULL THEN 'NEW'
                    WHEN n.npi IS NULL THEN 'REMOVED'
                    WHEN o.active AND NOT n.active THEN 'DEACTIVATED'
                    WHEN NOT o.active AND n.active THEN 'REACTIVATED'
                    ELSE 'UPDATED' END,
               CASE WHEN o.npi IS NULL OR n.npi IS NULL THEN '{}'::text[] ELSE array_remove(ARRAY[
                    CASE WHEN n.hash_name <> o.hash_name THEN 'name' END,
                    CASE WHEN n.hash_addresses <> o.hash_addresses THEN 'addresses' END,
                    CASE WHEN n.hash_secondary <> o.hash_secondary THEN 'secondaryLocations' END,
                    CASE WHEN n.hash_taxonomies <> o.hash_taxonomies THEN 'taxonomies' END,
                    CASE WHEN n.hash_identifiers <> o.hash_identifiers THEN 'identifiers' END,
                    CASE WHEN n.hash_status <> o.hash_status THEN 'status' END,
                    CASE WHEN n.hash_other <> o.hash_other THEN 'organization' END], NULL) END
        FROM %2$s n %3$s provider o ON o.npi = n.npi
        WHERE o.npi IS NULL OR n.npi IS NULL OR (%4$s) IS DISTINCT FROM (%5$s)
        """
            .formatted(
                runId, loaded, join, prefixed("n.", HASH_COLUMNS), prefixed("o.", HASH_COLUMNS)));
    recordWatchedFields(c, runId, loaded.substring("provider".length()));
  }

  /**
   * For the NPIs whose name, addresses, taxonomies or status changed, the watched fields before
   * (the live tables) and after (the loaded ones): name, first practice location, primary taxonomy,
   * active. Notifications say from what to what; one set-based statement over the change set, so a
   * publish pays a join of its changed NPIs, not a look-up per row.
   */
  private static void recordWatchedFields(Connection c, long runId, String suffix)
      throws SQLException {
    execute(
        c,
        """
        WITH w AS (SELECT npi FROM provider_change WHERE run_id = %1$d
                   AND (change IN ('DEACTIVATED', 'REACTIVATED') OR groups && ARRAY['name', 'addresses', 'taxonomies', 'status'])),
        before AS (%2$s),
        after AS (%3$s)
        UPDATE provider_change pc SET before = b.j, after = a.j
        FROM w LEFT JOIN before b ON b.npi = w.npi LEFT JOIN after a ON a.npi = w.npi
        WHERE pc.run_id = %1$d AND pc.npi = w.npi
        """
            .formatted(runId, watchedFields(""), watchedFields(suffix)));
  }

  private static String watchedFields(String suffix) {
    return """
        SELECT p.npi, jsonb_build_object(
                   'name', coalesce(p.organization_name, concat_ws(' ', p.first_name, p.middle_name, p.last_name)),
                   'line1', a.line1, 'city', a.city, 'state', a.state, 'zip5', a.zip5, 'taxonomy', t.code,
                   'active', p.active) AS j
        FROM w JOIN provider%1$s p ON p.npi = w.npi
        LEFT JOIN (SELECT DISTINCT ON (npi) npi, line1, city, state, zip5 FROM provider_address%1$s
                   WHERE kind = 'PRACTICE' AND npi IN (SELECT npi FROM w) ORDER BY npi, seq) a ON a.npi = p.npi
        LEFT JOIN (SELECT DISTINCT ON (npi) npi, code FROM provider_taxonomy%1$s
                   WHERE is_primary AND npi IN (SELECT npi FROM w) ORDER BY npi, slot) t ON t.npi = p.npi
        """
        .formatted(suffix);
  }

  /** Counts of this run's changes by kind, every kind present (0 when none). */
  static Map<String, Long> changeCounts(Connection c, long runId) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String kind : List.of("new", "updated", "deactivated", "reactivated", "removed")) {
      counts.put(kind, 0L);
    }
    try (var s =
        c.prepareStatement(
            "SELECT change, count(*) FROM provider_change WHERE run_id = ? GROUP BY change")) {
      s.setLong(1, runId);
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  private static boolean exists(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static String prefixed(String prefix, String columns) {
    return String.join(
        ", ",
        java.util.Arrays.stream(columns.split(",")).map(col -> prefix + col.strip()).toList());
  }

  private static String excluded(String columns) {
    return prefixed("EXCLUDED.", columns);
  }
}
