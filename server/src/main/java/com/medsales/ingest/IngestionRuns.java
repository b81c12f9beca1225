package com.medsales.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of every ingestion run ({@code ingestion_run}) and its rejects. Each method is one
 * statement in its own transaction: a run's record must survive the failure of the load it
 * describes. Every finished run counts in {@code medsales_ingestion_runs_total{dataset,status}},
 * which the ingestion-failure alert watches.
 */
@Repository
public class IngestionRuns {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS =
      """
      id, dataset, kind, source, source_name, source_size, source_sha256, data_year, status, phase, bytes_read,
      rows_read, rows_loaded, rows_rejected, record_count, changes::text AS changes, error, job_id, created_at,
      started_at, finished_at
      """;

  private final JdbcClient jdbc;
  private final MeterRegistry meters;

  IngestionRuns(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
    // every series from the start, so that increase() sees the first failure
    for (Dataset dataset : Dataset.values()) {
      for (var status :
          List.of(
              IngestionRun.Status.PUBLISHED,
              IngestionRun.Status.SKIPPED,
              IngestionRun.Status.FAILED)) {
        finished(dataset.key(), status);
      }
    }
  }

  private Counter finished(String dataset, IngestionRun.Status status) {
    return Counter.builder("medsales.ingestion.runs")
        .description("Ingestion runs finished, by dataset and how they ended")
        .tag("dataset", dataset)
        .tag("status", status.name())
        .register(meters);
  }

  public long create(
      Dataset dataset,
      String kind,
      String source,
      String sourceName,
      @Nullable Integer dataYear,
      IngestionRun.Status status) {
    return create(dataset, kind, source, sourceName, dataYear, status, false, null);
  }

  /**
   * @param confined asked for through the API: the worker reads its source under {@link
   *     SourcePolicy}
   * @param retryOf the run this one retries (the first of a chain of retries), whose place in the
   *     order it keeps
   */
  long create(
      Dataset dataset,
      String kind,
      String source,
      String sourceName,
      @Nullable Integer dataYear,
      IngestionRun.Status status,
      boolean confined,
      @Nullable Long retryOf) {
    return jdbc.sql(
            """
            INSERT INTO ingestion_run (dataset, kind, source, source_name, data_year, status, started_at, confined, retry_of)
            VALUES (:dataset, :kind, :source, :name, :year, :status, CASE WHEN :status = 'RUNNING' THEN now() END,
                    :confined, :retryOf)
            RETURNING id
            """)
        .param("confined", confined)
        .param("retryOf", retryOf)
        .param("year", dataYear)
        .param("dataset", dataset.key())
        .param("kind", kind)
        .param("source", source)
        .param("name", sourceName)
        .param("status", status.name())
        .query(Long.class)
        .single();
  }

  public void attachJob(long runId, long jobId) {
    jdbc.sql("UPDATE ingestion_run SET job_id = :job WHERE id = :id")
        .param("job", jobId)
        .param("id", runId)
        .update();
  }

  /**
   * {@code lockPid}: the backend whose session holds the dataset's lock for this run (see {@link
   * #failOrphaned}).
   */
  void markRunning(long runId, int lockPid) {
    jdbc.sql(
            """
            UPDATE ingestion_run SET status = 'RUNNING', started_at = now(), updated_at = now(), error = NULL,
                   lock_pid = :pid,
                   phase = NULL, bytes_read = 0, rows_read = 0, rows_loaded = 0, rows_rejected = 0, finished_at = NULL
            WHERE id = :id
            """)
        .param("id", runId)
        .param("pid", lockPid)
        .update();
    jdbc.sql("DELETE FROM ingestion_reject WHERE run_id = :id").param("id", runId).update();
  }

  void source(long runId, String sourceName, @Nullable Long size) {
    jdbc.sql(
            "UPDATE ingestion_run SET source_name = :name, source_size = :size, updated_at = now() WHERE id = :id")
        .param("name", sourceName)
        .param("size", size)
        .param("id", runId)
        .update();
  }

  void digest(long runId, String sha256, long size) {
    jdbc.sql(
            "UPDATE ingestion_run SET source_sha256 = :sha, source_size = :size, updated_at = now() WHERE id = :id")
        .param("sha", sha256)
        .param("size", size)
        .param("id", runId)
        .update();
  }

  void kind(long runId, String kind) {
    jdbc.sql("UPDATE ingestion_run SET kind = :kind, updated_at = now() WHERE id = :id")
        .param("kind", kind)
        .param("id", runId)
        .update();
  }

  void progress(
      long runId, String phase, long bytesRead, long rowsRead, long rowsLoaded, long rowsRejected) {
    jdbc.sql(
            """
            UPDATE ingestion_run SET phase = :phase, bytes_read = :bytes, rows_read = :read, rows_loaded = :loaded,
                   rows_rejected = :rejected, updated_at = now()
            WHERE id = :id
            """)
        .param("phase", phase)
        .param("bytes", bytesRead)
        .param("read", rowsRead)
        .param("loaded", rowsLoaded)
        .param("rejected", rowsRejected)
        .param("id", runId)
        .update();
  }

  void finish(
      long runId, IngestionRun.Status status, DatasetLoader.Outcome outcome, long rowsRejected) {
    jdbc.sql(
            """
            UPDATE ingestion_run SET status = :status, phase = NULL, rows_loaded = :loaded, rows_rejected = :rejected,
                   record_count = :count, changes = CAST(:changes AS jsonb), data_year = coalesce(:year, data_year),
                   finished_at = now(),
                   updated_at = now()
            WHERE id = :id
            RETURNING dataset
            """)
        .param("status", status.name())
        .param("loaded", outcome.rowsLoaded())
        .param("rejected", rowsRejected)
        .param("count", outcome.recordCount())
        .param(
            "changes",
            outcome.changes().isEmpty() ? null : JSON.writeValueAsString(outcome.changes()))
        .param("year", outcome.dataYear())
        .param("id", runId)
        .query(String.class)
        .optional()
        .ifPresent(dataset -> finished(dataset, status).increment());
  }

  void fail(long runId, String error, long rowsRejected) {
    jdbc.sql(
            """
            UPDATE ingestion_run SET status = 'FAILED', error = :error, rows_rejected = :rejected, finished_at = now(),
                   updated_at = now()
            WHERE id = :id
            RETURNING dataset
            """)
        .param("error", error)
        .param("rejected", rowsRejected)
        .param("id", runId)
        .query(String.class)
        .optional()
        .ifPresent(dataset -> finished(dataset, IngestionRun.Status.FAILED).increment());
  }

  void addRejects(long runId, List<Reject> rejects) {
    if (rejects.isEmpty()) {
      return;
    }
    var sql =
        new StringBuilder(
            "INSERT INTO ingestion_reject (run_id, file_name, line_number, column_name, reason, value) VALUES ");
    Map<String, Object> params = new java.util.HashMap<>();
    for (int i = 0; i < rejects.size(); i++) {
      Reject r = rejects.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append("(:run, :f")
          .append(i)
          .append(", :l")
          .append(i)
          .append(", :c")
          .append(i)
          .append(", :r")
          .append(i)
          .append(", :v")
          .append(i)
          .append(')');
      params.put("f" + i, r.fileName());
      params.put("l" + i, r.lineNumber());
      params.put("c" + i, r.column());
      params.put("r" + i, r.reason());
      params.put("v" + i, r.value() == null ? null : truncate(r.value(), 500));
    }
    params.put("run", runId);
    jdbc.sql(sql.toString()).params(params).update();
  }

  /** As {@link #find}, with a run whose process died shown as FAILED ({@link #failOrphaned}). */
  public Optional<IngestionRun> current(long runId) {
    failOrphaned();
    return find(runId);
  }

  public Optional<IngestionRun> find(long runId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ingestion_run WHERE id = :id")
        .param("id", runId)
        .query(IngestionRuns::run)
        .optional();
  }

  /** Newest first; a run whose process died shows as FAILED ({@link #failOrphaned}). */
  public List<IngestionRun> recent(@Nullable Dataset dataset, int limit) {
    failOrphaned();
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ingestion_run WHERE (CAST(:dataset AS text) IS NULL OR dataset = :dataset)"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
        .param("dataset", dataset == null ? null : dataset.key())
        .param("limit", limit)
        .query(IngestionRuns::run)
        .list();
  }

  /** The first rejects of a run, in file order. */
  public List<Reject> rejects(long runId, int limit) {
    return jdbc.sql(
            """
            SELECT file_name, line_number, column_name, reason, value FROM ingestion_reject
            WHERE run_id = :id ORDER BY line_number, file_name LIMIT :limit
            """)
        .param("id", runId)
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Reject(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  Optional<String> lastPublishedSha256(String kind) {
    return jdbc.sql(
            """
            SELECT source_sha256 FROM ingestion_run
            WHERE kind = :kind AND status IN ('PUBLISHED', 'SKIPPED') AND source_sha256 IS NOT NULL
            ORDER BY finished_at DESC LIMIT 1
            """)
        .param("kind", kind)
        .query(String.class)
        .optional();
  }

  /**
   * Ends a run without publishing anything, saying why (an older file than one already published).
   */
  void skip(long runId, String reason) {
    jdbc.sql(
            """
            UPDATE ingestion_run SET status = 'SKIPPED', error = :reason, phase = NULL, finished_at = now(), updated_at = now()
            WHERE id = :id
            RETURNING dataset
            """)
        .param("reason", reason)
        .param("id", runId)
        .query(String.class)
        .optional()
        .ifPresent(dataset -> finished(dataset, IngestionRun.Status.SKIPPED).increment());
  }

  boolean confined(long runId) {
    return jdbc.sql("SELECT confined FROM ingestion_run WHERE id = :id")
        .param("id", runId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * The first run of the chain of retries that {@code runId} belongs to (itself when it retries
   * nothing).
   */
  long firstOfRetries(long runId) {
    return jdbc.sql("SELECT coalesce(retry_of, id) FROM ingestion_run WHERE id = :id")
        .param("id", runId)
        .query(Long.class)
        .single();
  }

  /**
   * A published run of a kind, with its place in the order runs were queued (a retry keeps its
   * original's place).
   */
  record Published(long id, long position, String sourceName, @Nullable Integer dataYear) {}

  List<Published> published(String kind) {
    return jdbc.sql(
            """
            SELECT id, coalesce(retry_of, id) AS position, source_name, data_year FROM ingestion_run
            WHERE kind = :kind AND status = 'PUBLISHED'
            """)
        .param("kind", kind)
        .query(
            (rs, i) ->
                new Published(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Integer.class)))
        .list();
  }

  /**
   * Runs left RUNNING by a process that died (kill -9, a lost machine): the database session that
   * held the run's dataset lock ({@code lock_pid}) no longer holds it, or a later run of the
   * dataset got the same backend pid. Failed, so that they show as such and can be retried. Called
   * when runs are listed or retried, and at start-up.
   */
  public int failOrphaned() {
    List<String> datasets =
        jdbc.sql(
                """
                UPDATE ingestion_run r SET status = 'FAILED', finished_at = now(), updated_at = now(),
                       error = 'The process running it stopped before it finished (its database session is gone)'
                WHERE r.status = 'RUNNING' AND r.lock_pid IS NOT NULL
                  AND (NOT EXISTS (SELECT 1 FROM pg_locks l
                                   WHERE l.locktype = 'advisory' AND l.granted AND l.pid = r.lock_pid
                                     AND l.objsubid = 1
                                     AND l.classid::text::bigint = (hashtext('medsales-ingest:' || r.dataset)::bigint >> 32) & 4294967295
                                     AND l.objid::text::bigint = hashtext('medsales-ingest:' || r.dataset)::bigint & 4294967295)
                       OR EXISTS (SELECT 1 FROM ingestion_run n
                                  WHERE n.dataset = r.dataset AND n.status = 'RUNNING' AND n.lock_pid = r.lock_pid
                                    AND n.started_at > r.started_at))
                RETURNING r.dataset
                """)
            .query(String.class)
            .list();
    datasets.forEach(dataset -> finished(dataset, IngestionRun.Status.FAILED).increment());
    return datasets.size();
  }

  /** Runs left RUNNING by a process that died: failed, so that they can be retried. */
  public int failAbandoned(Instant before) {
    List<String> datasets =
        jdbc.sql(
                """
                UPDATE ingestion_run SET status = 'FAILED', error = 'The process running it stopped before it finished',
                       finished_at = now(), updated_at = now()
                WHERE status = 'RUNNING' AND updated_at < :before
                RETURNING dataset
                """)
            .param("before", Timestamp.from(before))
            .query(String.class)
            .list();
    datasets.forEach(dataset -> finished(dataset, IngestionRun.Status.FAILED).increment());
    return datasets.size();
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max) + "…";
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static IngestionRun run(ResultSet rs, int row) throws SQLException {
    String changes = rs.getString("changes");
    return new IngestionRun(
        rs.getLong("id"),
        Dataset.ofKey(rs.getString("dataset")),
        rs.getString("kind"),
        rs.getString("source"),
        rs.getString("source_name"),
        rs.getObject("source_size", Long.class),
        rs.getString("source_sha256"),
        rs.getObject("data_year", Integer.class),
        IngestionRun.Status.valueOf(rs.getString("status")),
        rs.getString("phase"),
        rs.getLong("bytes_read"),
        rs.getLong("rows_read"),
        rs.getLong("rows_loaded"),
        rs.getLong("rows_rejected"),
        rs.getObject("record_count", Long.class),
        changes == null ? null : JSON.readValue(changes, new TypeReference<Map<String, Long>>() {}),
        rs.getString("error"),
        rs.getObject("job_id", Long.class),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }
}
