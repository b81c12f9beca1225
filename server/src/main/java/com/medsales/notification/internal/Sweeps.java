package com.medsales.notification.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.BulkConnections;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification worker's timed work: TASK_DUE when a task's reminder time or due date comes (a
 * set-based statement over every tenant's open tasks, each reminder once by its key), and the daily
 * digests. Several workers may sweep at once: the unique key makes the repeat a no-op.
 */
class Sweeps implements JobHandler {

  static final String DIGEST = "digest";
  private static final Logger log = LoggerFactory.getLogger(Sweeps.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A reminder or due date older than a day is not raised any more (a worker that was away). */
  static final String TASKS_DUE =
      """
      SELECT t.tenant_id, t.assignee_id AS user_id,
             'task-remind:' || t.id || ':' || floor(extract(epoch FROM t.remind_at))::bigint AS event_key,
             'Reminder: ' || t.title AS title,
             CASE WHEN t.due_date IS NULL THEN 'Task reminder' ELSE 'Due ' || to_char(t.due_date, 'YYYY-MM-DD') END AS body,
             '/tasks' AS link, NULL::bigint AS npi
      FROM task t
      WHERE t.remind_at <= now() AND t.remind_at > now() - interval '1 day'
        AND t.status = 'OPEN' AND t.deleted_at IS NULL
      UNION ALL
      SELECT t.tenant_id, t.assignee_id, 'task-due:' || t.id || ':' || t.due_date,
             'Due today: ' || t.title, 'Due ' || to_char(t.due_date, 'YYYY-MM-DD'), '/tasks', NULL::bigint
      FROM task t
      WHERE t.due_date = current_date AND t.remind_at IS NULL AND t.status = 'OPEN' AND t.deleted_at IS NULL
      """;

  private final Notifications notifications;
  private final Deliveries deliveries;
  private final BulkConnections bulk;
  private final JobQueue jobs;

  Sweeps(Notifications notifications, Deliveries deliveries, BulkConnections bulk, JobQueue jobs) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.bulk = bulk;
    this.jobs = jobs;
  }

  @Scheduled(
      fixedDelayString = "${medsales.notification.reminder-sweep:30s}",
      initialDelayString = "10s")
  void tasksDue() {
    try {
      remind(Instant.now());
    } catch (RuntimeException e) {
      log.warn("Task reminders not swept: {}", e.getMessage());
    }
  }

  int remind(Instant now) {
    return notifications.raiseAcrossTenants(
        NotificationType.TASK_DUE,
        "tasks:" + now.truncatedTo(ChronoUnit.SECONDS),
        TASKS_DUE,
        Map.of());
  }

  @Scheduled(
      fixedDelayString = "${medsales.notification.digest-sweep:15m}",
      initialDelayString = "1m")
  void digests() {
    try {
      queueDigests();
    } catch (RuntimeException e) {
      log.warn("Digests not swept: {}", e.getMessage());
    }
  }

  /** One digest job per user with digest rows waiting and no digest in the last day. */
  int queueDigests() {
    var due =
        JdbcClient.create(bulk.dataSource("notifications"))
            .sql(
                """
                SELECT DISTINCT n.tenant_id, n.user_id FROM notification n
                JOIN notification_setting s ON s.user_id = n.user_id
                WHERE n.email_state = 'DIGEST'
                  AND (s.last_digest_at IS NULL OR s.last_digest_at < now() - interval '1 day')
                """)
            .query(Recipient.class)
            .list();
    for (Recipient r : due) {
      jobs.enqueue(
          JobRequest.of(
              Notifications.QUEUE,
              DIGEST,
              JSON.writeValueAsString(Map.of("tenantId", r.tenantId(), "userId", r.userId()))));
    }
    return due.size();
  }

  private record Recipient(UUID tenantId, UUID userId) {}

  @Override
  public String queue() {
    return Notifications.QUEUE;
  }

  @Override
  public String type() {
    return DIGEST;
  }

  @Override
  public void handle(Job job) throws Exception {
    var payload = JSON.readTree(job.payload());
    deliveries.digest(
        UUID.fromString(payload.get("tenantId").asString()),
        UUID.fromString(payload.get("userId").asString()),
        job.attempts() >= job.maxAttempts());
  }
}
