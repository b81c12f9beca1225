package com.medsales.provider;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetPublished;
import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The search tables: {@code provider_specialty_location} (V30, V31: one row per taxonomy code,
 * primary practice ZIP and NPI, with the active flag and the practice point: what a
 * specialty-within-a-radius search filters and sorts its page on), {@code provider_name_search}
 * (V60, V75: each distinct search name once, with its NPIs and its words) and {@code
 * provider_name_word} (V75: each distinct word of those names once, with its letters sorted): what
 * a name search matches its words and reads its names through. Each is built beside the live table
 * (the locations in (code, ZIP) order), indexed, vacuumed (so that the search reads the locations'
 * index alone) and renamed over it. A monthly file builds them from its own {@code _next} registry
 * tables in its index lanes and renames them with the registry, in the same transaction; after a
 * weekly file or a deactivation report, which change the live registry, they are rebuilt from it
 * (this listener, before the caches are cleared by {@link ProviderCaches}). While a rebuild runs a
 * specialty search's page still reads the previous publish's locations (its total and facets,
 * counted on the registry's own rows, do not), and a name search the previous publish's names, for
 * its page, total and facets alike.
 */
@Component
public class ProviderSearchIndex {

  private static final Logger log = LoggerFactory.getLogger(ProviderSearchIndex.class);

  /**
   * The search tables, each with the query that builds it from the registry tables ending in %1$s,
   * and its indexes.
   */
  private enum Table {
    SPECIALTY_LOCATION(
        "provider_specialty_location",
        """
        SELECT t.code, a.zip5, t.npi, p.active, a.latitude, a.longitude
        FROM provider_taxonomy%1$s t
        JOIN provider%1$s p ON p.npi = t.npi
        JOIN provider_address%1$s a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1
        WHERE a.zip5 IS NOT NULL
        ORDER BY t.code, a.zip5
        """,
        "CREATE INDEX provider_specialty_location_key_r%d ON provider_specialty_location_next (code, zip5)"
            + " INCLUDE (npi, active, latitude, longitude)"),
    NAME_SEARCH(
        "provider_name_search",
        """
        SELECT search_name, array_agg(npi ORDER BY npi) AS npis, string_to_array(search_name, ' ') AS words
        FROM provider%1$s
        WHERE search_name IS NOT NULL
        GROUP BY search_name
        """,
        "CREATE INDEX provider_name_search_words_r%d ON provider_name_search_next USING gin (words)"),
    /** Built from {@code provider_name_search_next}, so after it. */
    NAME_WORD(
        "provider_name_word",
        """
        SELECT w.word,
               (SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table(w.word, '') AS c) AS letters
        FROM (SELECT DISTINCT unnest(words) AS word FROM provider_name_search_next) w
        WHERE w.word <> ''
        """,
        "CREATE INDEX provider_name_word_trgm_r%d ON provider_name_word_next USING gin (word gin_trgm_ops)",
        "CREATE INDEX provider_name_word_letters_r%d ON provider_name_word_next (letters) INCLUDE (word)");

    final String name;
    final String query;
    final List<String> indexes;

    Table(String name, String query, String... indexes) {
      this.name = name;
      this.query = query;
      this.indexes = List.of(indexes);
    }
  }

  private final BulkConnections connections;

  ProviderSearchIndex(BulkConnections connections) {
    this.connections = connections;
  }

  /**
   * Once the publish commits, in the publishing thread (before the run is reported done), through
   * the event publication registry: a rebuild that fails leaves the publication outstanding and the
   * ingestion worker hands it over again ({@code platform.internal.OutstandingEvents}); a rebuild
   * the run's own publish made is not repeated.
   */
  @TransactionalEventListener(id = "provider.search-tables-rebuild")
  @Order(0)
  void on(DatasetPublished published) throws SQLException {
    if (published.dataset() != Dataset.NPPES) {
      return;
    }
    long start = System.nanoTime();
    try {
      if (rebuild(published.runId())) {
        log.info(
            "search tables rebuilt after run {} in {} ms",
            published.runId(),
            (System.nanoTime() - start) / 1_000_000);
      }
    } catch (SQLException e) {
      log.error(
          "Could not rebuild the search tables after run {}: specialty searches within a radius and name searches "
              + "miss the providers this run added, moved or renamed until the ingestion worker retries it: {}",
          published.runId(),
          e.getMessage());
      throw e;
    }
  }

  /**
   * Rebuilds the tables from the live registry, unless the run's own publish already brought them
   * (a monthly file), and renames them over the live ones at once, so that a search never pairs one
   * publish's names with another's words.
   */
  boolean rebuild(long runId) throws SQLException {
    try (Connection c = connections.open("search-index");
        Statement s = c.createStatement()) {
      if (builtFor(s, runId)) {
        return false;
      }
      for (Table table : Table.values()) {
        buildNext(c, table, "", runId);
      }
      swapIn(c, List.of(Table.values()));
      return true;
    }
  }

  /**
   * Builds the {@code provider_specialty_location} table's {@code _next} from the registry tables
   * ending in {@code registrySuffix}: a monthly load calls it on its own {@code _next} tables,
   * beside its index builds, and {@link #swapIn} renames it over the live one in the publishing
   * transaction.
   */
  public static void buildNextLocations(Connection c, String registrySuffix, long runId)
      throws SQLException {
    buildNext(c, Table.SPECIALTY_LOCATION, registrySuffix, runId);
  }

  /**
   * As {@link #buildNextLocations}, for {@code provider_name_search} and then {@code
   * provider_name_word}.
   */
  public static void buildNextNames(Connection c, String registrySuffix, long runId)
      throws SQLException {
    buildNext(c, Table.NAME_SEARCH, registrySuffix, runId);
    buildNext(c, Table.NAME_WORD, registrySuffix, runId);
  }

  /** Renames the {@code _next} tables over the live ones, in the caller's transaction. */
  public static void swapIn(Connection c) throws SQLException {
    swapIn(c, List.of(Table.values()));
  }

  /** Drops the {@code _next} tables of a load that will not be published. */
  public static void discardNext(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (Table table : Table.values()) {
        s.execute("DROP TABLE IF EXISTS " + table.name + "_next");
      }
    }
  }

  private static void buildNext(Connection c, Table table, String registrySuffix, long runId)
      throws SQLException {
    long start = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '512MB'");
      s.execute("DROP TABLE IF EXISTS " + table.name + "_next");
      s.execute("CREATE TABLE " + table.name + "_next AS " + table.query.formatted(registrySuffix));
      for (String index : table.indexes) {
        s.execute(index.formatted(runId));
      }
      // sets the visibility map (index-only scans) and the statistics, outside a transaction as
      // VACUUM must be
      s.execute("VACUUM (ANALYZE) " + table.name + "_next");
      // which run's registry the table holds: the listener skips the rebuild its own publish made
      // needless
      s.execute("COMMENT ON TABLE " + table.name + "_next IS 'run " + runId + "'");
    }
    log.info("{}_next built in {} ms", table.name, (System.nanoTime() - start) / 1_000_000);
  }

  private static void swapIn(Connection c, List<Table> tables) throws SQLException {
    boolean own = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL lock_timeout = '30s'");
      for (Table table : tables) {
        s.execute("DROP TABLE " + table.name);
        s.execute("ALTER TABLE " + table.name + "_next RENAME TO " + table.name);
      }
      if (own) {
        c.commit();
      }
    } catch (SQLException e) {
      if (own) {
        c.rollback();
      }
      throw e;
    } finally {
      if (own) {
        c.setAutoCommit(true);
      }
    }
  }

  private static boolean builtFor(Statement s, long runId) throws SQLException {
    try (var rs =
        s.executeQuery(
            "SELECT bool_and(obj_description(CAST(t AS regclass), 'pg_class') IS NOT DISTINCT FROM 'run "
                + runId
                + "')"
                + " FROM unnest(ARRAY['provider_specialty_location', 'provider_name_search', 'provider_name_word']) t")) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
