package com.medsales.provider;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetPublished;
import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds {@code provider_specialty_location} (V30, V31: one row per taxonomy code, primary practice ZIP and NPI, with the
 * active flag and the practice point: what a specialty-within-a-radius search filters and sorts its page on) and
 * {@code provider_name_search} (V60: each distinct search name once, with its NPIs: what a name search reads its page
 * through) after every NPPES publish (monthly, weekly, deactivations), set-based, each table in turn: built beside the
 * live table (the locations in (code, ZIP) order), indexed, vacuumed (so that the search reads the locations' index
 * alone) and renamed over it in one short transaction, as the registry itself is published. Runs before the caches are cleared ({@link ProviderCaches}). While it runs such a
 * search's page still reads the previous publish's locations and names; its total and facets, counted on the
 * registry's own rows, do not.
 */
@Component
class ProviderSearchIndex {

  private static final Logger log = LoggerFactory.getLogger(ProviderSearchIndex.class);

  private final BulkConnections connections;

  ProviderSearchIndex(BulkConnections connections) {
    this.connections = connections;
  }

  @EventListener
  @Order(0)
  void on(DatasetPublished published) {
    if (published.dataset() != Dataset.NPPES) {
      return;
    }
    long start = System.nanoTime();
    try {
      rebuild(published.runId());
      log.info("search tables rebuilt after run {} in {} ms", published.runId(), (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      log.error("Could not rebuild the search tables after run {}: specialty searches within a radius and name searches "
          + "miss the providers this run added, moved or renamed until the next NPPES publish", published.runId(), e);
    }
  }

  void rebuild(long runId) throws SQLException {
    try (Connection c = connections.open("search-index"); Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '512MB'");
      replace(c, s, "provider_specialty_location",
          """
          SELECT t.code, a.zip5, t.npi, p.active, a.latitude, a.longitude
          FROM provider_taxonomy t
          JOIN provider p ON p.npi = t.npi
          JOIN provider_address a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1
          WHERE a.zip5 IS NOT NULL
          ORDER BY t.code, a.zip5
          """,
          "CREATE INDEX provider_specialty_location_key_r%d ON provider_specialty_location_next (code, zip5)"
              + " INCLUDE (npi, active, latitude, longitude)",
          runId);
      replace(c, s, "provider_name_search",
          """
          SELECT search_name, array_agg(npi ORDER BY npi) AS npis
          FROM provider
          WHERE search_name IS NOT NULL
          GROUP BY search_name
          """,
          "CREATE INDEX provider_name_search_trgm_r%d ON provider_name_search_next USING gin (search_name gin_trgm_ops)",
          runId);
    }
  }

  /** Builds TABLE_next from the query, indexes and vacuums it, and renames it over TABLE in one short transaction. */
  private static void replace(Connection c, Statement s, String table, String query, String index, long runId)
      throws SQLException {
    long start = System.nanoTime();
    s.execute("DROP TABLE IF EXISTS " + table + "_next");
    s.execute("CREATE TABLE " + table + "_next AS " + query);
    s.execute(index.formatted(runId));
    // sets the visibility map (index-only scans) and the statistics, outside a transaction as VACUUM must be
    s.execute("VACUUM (ANALYZE) " + table + "_next");
    c.setAutoCommit(false);
    try {
      s.execute("SET LOCAL lock_timeout = '30s'");
      s.execute("DROP TABLE " + table);
      s.execute("ALTER TABLE " + table + "_next RENAME TO " + table);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    log.info("{} rebuilt in {} ms", table, (System.nanoTime() - start) / 1_000_000);
  }
}
