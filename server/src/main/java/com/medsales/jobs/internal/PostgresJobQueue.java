package com.medsales.jobs.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.jobs.JobSettings;
import com.medsales.jobs.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job queue in PostgreSQL. Each operation is one statement: claiming is an {@code UPDATE} of
 * the row chosen by {@code FOR UPDATE SKIP LOCKED}, so any number of workers on any number of
 * machines share a queue without blocking each other or taking a job twice while its lock holds.
 */
@Repository
@ConditionalOnProperty(
    name = "medsales.jobs.backend",
    havingValue = "postgres",
    matchIfMissing = true)
class PostgresJobQueue implements JobQueue {

  private static final String COLUMNS =
      "id, queue, type, payload::text AS payload, status, attempts, max_attempts, run_at, locked_until, locked_by,"
          + " last_error, created_at, finished_at";

  private final JdbcClient jdbc;
  private final JobSettings settings;

  PostgresJobQueue(JdbcClient jdbc, JobSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  @Transactional
  public JobId enqueue(JobRequest request) {
    var inserted =
        jdbc.sql(
                """
                INSERT INTO job (queue, type, payload, max_attempts, run_at, dedupe_key)
                VALUES (:queue, :type, CAST(:payload AS jsonb), :maxAttempts, coalesce(:runAt, now()), :dedupeKey)
                ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('READY', 'RUNNING') DO NOTHING
                RETURNING id
                """)
            .param("queue", request.queue())
            .param("type", request.type())
            .param("payload", request.payload())
            .param(
                "maxAttempts",
                request.maxAttempts() != null ? request.maxAttempts() : settings.maxAttempts())
            .param("runAt", timestamp(request.runAt()))
            .param("dedupeKey", request.dedupeKey())
            .query(Long.class)
            .optional();
    if (inserted.isPresent()) {
      return new JobId(inserted.get());
    }
    return jdbc.sql("SELECT id FROM job WHERE dedupe_key = :key AND status IN ('READY', 'RUNNING')")
        .param("key", request.dedupeKey())
        .query(Long.class)
        .optional()
        .map(JobId::new)
        // the other job finished between the two statements: enqueue again
        .orElseGet(() -> enqueue(request));
  }

  @Override
  @Transactional
  public Optional<Job> claim(Collection<String> queues, String worker, Duration visibility) {
    if (queues.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            UPDATE job SET status = 'RUNNING', attempts = attempts + 1, locked_by = :worker,
                           locked_until = now() + make_interval(secs => :visibility)
            WHERE id = (
                SELECT id FROM job
                WHERE queue IN (:queues)
                  AND ((status = 'READY' AND run_at <= now()) OR (status = 'RUNNING' AND locked_until < now()))
                ORDER BY run_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING %s
            """
                .formatted(COLUMNS))
        .param("worker", worker)
        .param("visibility", seconds(visibility))
        .param("queues", queues)
        .query(PostgresJobQueue::job)
        .optional();
  }

  @Override
  @Transactional
  public void complete(JobId id, String worker) {
    updateHeldJob(
        "status = 'SUCCEEDED', finished_at = now(), locked_until = NULL, last_error = NULL",
        id,
        worker,
        Map.of());
  }

  @Override
  @Transactional
  public void fail(JobId id, String worker, String error) {
    // attempts already counts this delivery: the n-th failure waits backoffBase * 2^(n-1), at most
    // backoffMax
    updateHeldJob(
        """
        status = CASE WHEN attempts >= max_attempts THEN 'DEAD' ELSE 'READY' END,
        finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
        run_at = now() + make_interval(secs => least(:backoffBase * power(2, greatest(attempts - 1, 0)), :backoffMax)),
        locked_until = NULL, locked_by = NULL, last_error = :error
        """,
        id,
        worker,
        Map.of(
            "error", error,
            "backoffBase", seconds(settings.backoffBase()),
            "backoffMax", seconds(settings.backoffMax())));
  }

  @Override
  @Transactional
  public void release(JobId id, String worker) {
    updateHeldJob(
        "status = 'READY', attempts = greatest(attempts - 1, 0), run_at = now(), locked_until = NULL, locked_by = NULL",
        id,
        worker,
        Map.of());
  }

  @Override
  @Transactional
  public boolean extend(JobId id, String worker, Duration visibility) {
    return updateHeldJob(
            "locked_until = now() + make_interval(secs => :visibility)",
            id,
            worker,
            Map.of("visibility", seconds(visibility)))
        == 1;
  }

  /**
   * Updates a job only while {@code worker} still holds it: a worker whose lock ran out changes
   * nothing.
   */
  private int updateHeldJob(
      String assignments, JobId id, String worker, Map<String, Object> params) {
    return jdbc.sql(
            "UPDATE job SET "
                + assignments
                + " WHERE id = :id AND status = 'RUNNING' AND locked_by = :worker")
        .params(params)
        .param("id", id.value())
        .param("worker", worker)
        .update();
  }

  @Override
  @Transactional
  public boolean retry(JobId id) {
    return jdbc.sql(
                """
                UPDATE job SET status = 'READY', attempts = 0, run_at = now(), finished_at = NULL
                WHERE id = :id AND status = 'DEAD'
                """)
            .param("id", id.value())
            .update()
        == 1;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Job> find(JobId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE id = :id")
        .param("id", id.value())
        .query(PostgresJobQueue::job)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<QueueDepth> depth() {
    return jdbc.sql(
            "SELECT queue, status, count(*) AS n FROM job WHERE status <> 'SUCCEEDED' GROUP BY queue, status")
        .query(
            (rs, i) ->
                new QueueDepth(
                    rs.getString("queue"),
                    JobStatus.valueOf(rs.getString("status")),
                    rs.getLong("n")))
        .list();
  }

  /**
   * Deletes finished jobs older than the retention; dead jobs stay until retried or older than it
   * too.
   */
  @Transactional
  int purgeFinished(Duration retention) {
    return jdbc.sql(
            "DELETE FROM job WHERE status IN ('SUCCEEDED', 'DEAD') AND finished_at < now() - make_interval(secs => :age)")
        .param("age", seconds(retention))
        .update();
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static Job job(ResultSet rs, int row) throws SQLException {
    return new Job(
        new JobId(rs.getLong("id")),
        rs.getString("queue"),
        rs.getString("type"),
        rs.getString("payload"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getInt("max_attempts"),
        rs.getTimestamp("run_at").toInstant(),
        instant(rs, "locked_until"),
        rs.getString("locked_by"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "finished_at"));
  }
}
