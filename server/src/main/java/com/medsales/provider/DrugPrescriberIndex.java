package com.medsales.provider;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetPublished;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.YearlyTables;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * {@code partd_drug_prescriber} (V76): per drug name as a search matches it, data year and practice
 * ZIP, each prescriber with the claims the search sums; what a drug search within a radius reads
 * its candidates and claims from.
 *
 * <p><b>Never inside a publish.</b> A Part D or NPPES publish only queues a job ({@link #on}: one
 * insert into the job queue, after the run is recorded as published); the ingestion worker runs it
 * ({@link DrugPrescriberJobs}) in the background. The job queue rather than a thread of the
 * publishing process: the command line's {@code ingest} returns as soon as its publish is done (its
 * process has no worker, so the job waits for one), and a job that a worker's shutdown cuts short
 * is taken again (released, or delivered again after its visibility timeout), so a rebuild is never
 * lost. A worker's start queues one when a year is stale (the migration's empty table, or a process
 * that died between its publish and the queueing).
 *
 * <p><b>Only what changed.</b> A job brings every stale year up to date ({@link #refresh}): a year
 * whose row of {@code partd_drug_prescriber_build} does not name the latest published Part D run of
 * the year and the latest published NPPES run. So a Part D publish of year Y rebuilds year Y only;
 * an NPPES monthly file rebuilds every year; weekly files move the rows of the NPIs they changed
 * ({@code provider_change}) to their practice ZIP now, set-based in one UPDATE and transaction per
 * year (one scan of the year's rows, for want of an index by NPI, against minutes for a build); a
 * deactivation report, which changes no address, only moves the years' records on. A year is built
 * beside the live one ({@link YearlyTables}: a standalone table with the year's CHECK, indexed and
 * vacuumed) and attached in its place in one transaction that also writes its record: readers see
 * the old year or the new one, never half of one. The build's read of the published tables gives
 * way to a publish that would wait for it ({@link GivingWay}): the job fails and is tried again
 * after its backoff.
 *
 * <p><b>Two publishes close together.</b> Jobs take one advisory lock, so builds never overlap;
 * each reads the latest published runs only once it holds the lock, so the later job builds from
 * the later data, or finds the years fresh and does nothing. A year's record names the runs read
 * before its build, so a publish during the build leaves it stale (never fresh with older data),
 * and that publish's own job rebuilds it.
 *
 * <p><b>Correct while stale.</b> The search reads the table only for a fresh year ({@link
 * #freshYear}, from the view {@code partd_drug_prescriber_fresh}, cached for a second and dropped
 * on a publish in this process); otherwise it sums the drug rows as it did before the table.
 * Another process's publish can reach a search here one second late.
 */
@Component
public class DrugPrescriberIndex {

  static final String JOB_TYPE = "drug-prescribers";
  static final String TABLE = "partd_drug_prescriber";

  /**
   * A year's rows: per drug name (the brand's and, where it differs, the generic's, upper case) and
   * prescriber, the claims of the prescriber's rows of the year whose brand or generic name is the
   * drug, each row counted once.
   */
  static final String PRESCRIBERS =
      """
      SELECT k.drug, d.data_year, a.zip5, d.npi, coalesce(sum(d.total_claims), 0) AS claims
      FROM partd_drug d
      CROSS JOIN LATERAL (VALUES (upper(d.brand_name)),
                                 (CASE WHEN upper(d.generic_name) IS DISTINCT FROM upper(d.brand_name)
                                       THEN upper(d.generic_name) END)) k (drug)
      LEFT JOIN provider_address a ON a.npi = d.npi AND a.kind = 'PRACTICE' AND a.seq = 1
      WHERE k.drug IS NOT NULL AND d.data_year = %d
      GROUP BY k.drug, d.data_year, a.zip5, d.npi
      """;

  private static final String LATEST_NPPES_RUN =
      """
      SELECT (SELECT r.id FROM ingestion_run r WHERE r.dataset = 'nppes' AND r.status = 'PUBLISHED'
              ORDER BY r.finished_at DESC, r.id DESC LIMIT 1)""";
  private static final String LATEST_PART_D_RUNS =
      """
      SELECT DISTINCT ON (data_year) data_year, id FROM ingestion_run
      WHERE dataset = 'partD' AND status = 'PUBLISHED' AND data_year IS NOT NULL
      ORDER BY data_year, finished_at DESC, id DESC""";

  /** The kinds of the NPPES runs published after run ? (none when run ? is not found). */
  private static final String NPPES_KINDS_SINCE =
      """
      SELECT DISTINCT r.kind FROM ingestion_run o JOIN ingestion_run r ON (r.finished_at, r.id) > (o.finished_at, o.id)
      WHERE o.id = ? AND r.dataset = 'nppes' AND r.status = 'PUBLISHED'""";

  /**
   * Moves a year's rows of the NPIs that the NPPES runs published after run %1$d changed
   * (provider_change: new ones, and every update, an address among them) to their practice ZIP now;
   * a row whose ZIP is right stays as it is.
   */
  private static final String MOVE_CHANGED =
      """
      UPDATE partd_drug_prescriber x SET zip5 = a.zip5
      FROM (SELECT DISTINCT c.npi FROM ingestion_run o
            JOIN ingestion_run r ON (r.finished_at, r.id) > (o.finished_at, o.id)
            JOIN provider_change c ON c.run_id = r.id
            WHERE o.id = %1$d AND r.dataset = 'nppes' AND r.status = 'PUBLISHED') m
      LEFT JOIN provider_address a ON a.npi = m.npi AND a.kind = 'PRACTICE' AND a.seq = 1
      WHERE x.data_year = %2$d AND x.npi = m.npi AND x.zip5 IS DISTINCT FROM a.zip5""";

  private static final String DEACTIVATIONS = "nppes-deactivations";
  private static final String WEEKLY = "nppes-weekly";
  private static final String RECORD =
      """
      INSERT INTO partd_drug_prescriber_build (data_year, partd_run, nppes_run) VALUES (%d, %d, %s)
      ON CONFLICT (data_year) DO UPDATE SET partd_run = excluded.partd_run, nppes_run = excluded.nppes_run, built_at = now()""";
  private static final long FRESHNESS_NANOS = 1_000_000_000L;

  private static final Logger log = LoggerFactory.getLogger(DrugPrescriberIndex.class);

  private final BulkConnections connections;
  private final JobQueue jobs;
  private final JdbcClient jdbc;
  private volatile Freshness freshness = new Freshness(0, Set.of(), null);

  /**
   * The fresh years and the latest Part D year (the search's default), as read at {@code readAt}.
   */
  private record Freshness(long readAt, Set<Integer> years, @Nullable Integer latest) {}

  private record Built(@Nullable Long partDRun, @Nullable Long nppesRun) {}

  DrugPrescriberIndex(BulkConnections connections, JobQueue jobs, JdbcClient jdbc) {
    this.connections = connections;
    this.jobs = jobs;
    this.jdbc = jdbc;
  }

  /**
   * Queues the rebuild, after the publish commits and in a transaction of its own. Through the
   * event publication registry: when queueing fails (or the process dies first) the publication
   * stays outstanding and the ingestion worker hands it over again ({@code
   * platform.internal.OutstandingEvents}), so a publish's rebuild is never lost.
   */
  @ApplicationModuleListener(id = "provider.drug-prescribers-rebuild")
  void on(DatasetPublished published) {
    if (published.dataset() != Dataset.PART_D && published.dataset() != Dataset.NPPES) {
      return;
    }
    freshness = new Freshness(0, Set.of(), null);
    JobId job = jobs.enqueue(JobRequest.of(Ingestion.QUEUE, JOB_TYPE, "{}"));
    log.info(
        "run {} published {}: drug prescribers' rebuild queued as job {}",
        published.runId(),
        published.dataset(),
        job);
  }

  /**
   * The year a drug search of {@code year} (null: the latest) may read from the table, or null when
   * that year's rows are not built from the data published now. Cached for a second: at most one
   * look a second at two small tables.
   */
  public @Nullable Integer freshYear(@Nullable Integer year) {
    Freshness f = freshness;
    if (System.nanoTime() - f.readAt() > FRESHNESS_NANOS || f.readAt() == 0) {
      f =
          new Freshness(
              System.nanoTime(),
              Set.copyOf(
                  jdbc.sql("SELECT data_year::int FROM partd_drug_prescriber_fresh")
                      .query(Integer.class)
                      .list()),
              jdbc.sql("SELECT max(data_year)::int FROM partd_rollup")
                  .query(Integer.class)
                  .optional()
                  .orElse(null));
      freshness = f;
    }
    Integer wanted = year != null ? year : f.latest();
    return wanted != null && f.years().contains(wanted) ? wanted : null;
  }

  /** Rebuilds every stale year (see the class comment); returns the years rebuilt. */
  List<Integer> refresh() throws SQLException, InterruptedException {
    List<Integer> rebuilt = new ArrayList<>();
    try (Connection c = connections.open("drug-prescribers")) {
      // released when the connection closes; the runs are read only once it is held
      execute(c, "SELECT pg_advisory_lock(hashtext('medsales-drug-prescribers'))");
      Long nppesRun = query(c, LATEST_NPPES_RUN, null, rs -> (Long) rs.getObject(1)).getFirst();
      Map<Integer, Long> partDRuns = new HashMap<>();
      query(c, LATEST_PART_D_RUNS, null, rs -> partDRuns.put(rs.getInt(1), rs.getLong(2)));
      Map<Integer, Built> built = new HashMap<>();
      query(
          c,
          "SELECT data_year, partd_run, nppes_run FROM partd_drug_prescriber_build",
          null,
          rs -> built.put(rs.getInt(1), new Built((Long) rs.getObject(2), (Long) rs.getObject(3))));
      for (var year : partDRuns.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        if (Thread.interrupted()) {
          throw new InterruptedException("stopped before year " + year.getKey());
        }
        Built was = built.get(year.getKey());
        String record = RECORD.formatted(year.getKey(), year.getValue(), nppesRun);
        if (was != null && year.getValue().equals(was.partDRun())) {
          if (Objects.equals(was.nppesRun(), nppesRun)) {
            continue;
          }
          Set<String> since =
              was.nppesRun() == null
                  ? Set.of()
                  : Set.copyOf(query(c, NPPES_KINDS_SINCE, was.nppesRun(), rs -> rs.getString(1)));
          if (!since.isEmpty() && Set.of(DEACTIVATIONS).containsAll(since)) {
            // no address changed
            execute(c, record);
            continue;
          }
          if (!since.isEmpty() && Set.of(WEEKLY, DEACTIVATIONS).containsAll(since)) {
            moveChanged(c, year.getKey(), was.nppesRun(), record);
            continue;
          }
        }
        build(c, year.getKey(), record);
        rebuilt.add(year.getKey());
      }
    } finally {
      freshness = new Freshness(0, Set.of(), null);
    }
    return rebuilt;
  }

  /**
   * The rows of the NPIs that weekly files changed, moved to their ZIPs now, with the year's
   * record, in one transaction.
   */
  private void moveChanged(Connection c, int year, long builtFrom, String record)
      throws SQLException {
    long start = System.nanoTime();
    BulkConnections.inOneTransaction(
        c,
        t -> {
          // it reads the registry as the build does: it gives way to a publish too
          GivingWay.execute(connections, t, MOVE_CHANGED.formatted(builtFrom, year));
          execute(t, record);
        });
    log.info(
        "drug prescribers of {} moved after weekly NPPES files in {} ms",
        year,
        (System.nanoTime() - start) / 1_000_000);
  }

  private void build(Connection c, int year, String record) throws SQLException {
    long start = System.nanoTime();
    YearlyTables tables = new YearlyTables(List.of(TABLE), year);
    String next = tables.next(TABLE);
    try {
      execute(c, "SET maintenance_work_mem = '512MB'");
      execute(c, "SET work_mem = '256MB'");
      tables.create(c, TABLE);
      // the one step that reads the published tables: it gives way to a publish that would wait for
      // it
      GivingWay.execute(connections, c, "INSERT INTO " + next + " " + PRESCRIBERS.formatted(year));
      // (these read only the new table: through GivingWay so that a worker's shutdown cuts them
      // short)
      GivingWay.execute(
          connections, c, "CREATE INDEX ON " + next + " (drug, zip5, npi) INCLUDE (claims)");
      // sets the visibility map (index-only scans) and the statistics, outside a transaction as
      // VACUUM must be
      GivingWay.execute(connections, c, "VACUUM (ANALYZE) " + next);
      tables.publish(c, record);
    } catch (SQLException | RuntimeException e) {
      tables.discard(c);
      throw e;
    }
    log.info(
        "drug prescribers of {} rebuilt in {} ms", year, (System.nanoTime() - start) / 1_000_000);
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> List<T> query(Connection c, String sql, @Nullable Long parameter, Row<T> row)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setLong(1, parameter);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    YearlyTables.execute(c, sql);
  }
}
