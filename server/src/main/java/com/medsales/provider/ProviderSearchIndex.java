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
 * active flag and the practice point: what a specialty-within-a-radius search filters and sorts its page on) after
 * every NPPES publish (monthly, weekly, deactivations), set-based: built beside the live table in (code, ZIP) order,
 * indexed, vacuumed (so that the search reads the index alone) and renamed over it in one short transaction, as the
 * registry itself is published. Runs before the caches are cleared ({@link ProviderCaches}). While it runs (about
 * half a minute on the national registry) such a search's page still reads the previous publish's locations; its total
 * and facets, counted on the registry's own rows, do not.
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
      log.info("provider_specialty_location rebuilt after run {} in {} ms", published.runId(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      log.error("Could not rebuild provider_specialty_location after run {}: specialty searches within a radius miss "
          + "the providers this run added or moved until the next NPPES publish", published.runId(), e);
    }
  }

  void rebuild(long runId) throws SQLException {
    try (Connection c = connections.open("specialty-location"); Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '512MB'");
      s.execute("DROP TABLE IF EXISTS provider_specialty_location_next");
      s.execute(
          """
          CREATE TABLE provider_specialty_location_next AS
          SELECT t.code, a.zip5, t.npi, p.active, a.latitude, a.longitude
          FROM provider_taxonomy t
          JOIN provider p ON p.npi = t.npi
          JOIN provider_address a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1
          WHERE a.zip5 IS NOT NULL
          ORDER BY t.code, a.zip5
          """);
      s.execute(
          ("CREATE INDEX provider_specialty_location_key_r%d ON provider_specialty_location_next (code, zip5)"
                  + " INCLUDE (npi, active, latitude, longitude)")
              .formatted(runId));
      // sets the visibility map (index-only scans) and the statistics, outside a transaction as VACUUM must be
      s.execute("VACUUM (ANALYZE) provider_specialty_location_next");
      c.setAutoCommit(false);
      try {
        s.execute("SET LOCAL lock_timeout = '30s'");
        s.execute("DROP TABLE provider_specialty_location");
        s.execute("ALTER TABLE provider_specialty_location_next RENAME TO provider_specialty_location");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
