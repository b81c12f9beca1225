package com.medsales.notification;

import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.BulkConnections;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises notifications, set-based: each recipient gets one row per event (the unique key user +
 * event makes a repeat a no-op), shaped by their settings (which channels, e-mail now or in the
 * daily digest), and one delivery job per user and batch goes to the {@value #QUEUE} queue for the
 * notification worker to send e-mail and push. Any module may call it.
 */
@Service
public class Notifications {

  /** The job queue the notification worker consumes. */
  public static final String QUEUE = "notification";

  public static final String DELIVER = "deliver";

  /** The job types that raise the notifications of other modules' events ({@link #queue}). */
  public static final String SEGMENT_MOVED_JOB = "segment-moved";

  public static final String LIST_CHANGED_JOB = "list-changed";
  public static final String EXPORT_READY_JOB = "export-ready";

  /**
   * The statement that turns recipient rows (ON CONFLICT names no arbiter: one would need SELECT on
   * the colleague's new row, which row-level security refuses; the only unique key that can clash
   * is user + event) {@code s(tenant_id, user_id, event_key, title, body, link, npi)} into
   * notifications; {@code %s} is the source query.
   */
  private static final String INSERT =
      """
      INSERT INTO notification (tenant_id, user_id, type, event_key, batch_key, title, body, link, npi, in_app,
                                email_state, push_state)
      SELECT s.tenant_id, s.user_id, :type, s.event_key, :batch, s.title, s.body, s.link, s.npi, coalesce(p.in_app, true),
             CASE WHEN NOT :mail OR NOT coalesce(p.email, true) OR u.email IS NULL OR NOT u.enabled THEN 'SKIPPED'
                  WHEN st.email_mode = 'DAILY_DIGEST' THEN 'DIGEST' ELSE 'PENDING' END,
             CASE WHEN :push AND coalesce(p.push, true) AND u.enabled THEN 'PENDING' ELSE 'SKIPPED' END
      FROM (%s) s
      JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
      LEFT JOIN notification_preference p ON p.user_id = s.user_id AND p.type = :type
      LEFT JOIN notification_setting st ON st.user_id = s.user_id
      ON CONFLICT DO NOTHING
      """;

  private final JdbcClient jdbc;
  private final BulkConnections bulk;
  private final JobQueue jobs;
  private final NotificationSettings settings;
  private final MeterRegistry meters;

  Notifications(
      JdbcClient jdbc,
      BulkConnections bulk,
      JobQueue jobs,
      NotificationSettings settings,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.jobs = jobs;
    this.settings = settings;
    this.meters = meters;
    // every series the alert rules read exists from the start, at 0, so that a rate over it is
    // defined before the first failure (and /actuator/prometheus names the metric at once)
    for (String channel : List.of("in_app", "email", "push")) {
      for (String outcome : List.of("sent", "skipped", "failed", "dead")) {
        meters.counter(SENT_METRIC, "channel", channel, "outcome", outcome);
      }
    }
  }

  /**
   * Raises {@code notice} for each of {@code userIds} of the caller's tenant (ids of no user of the
   * tenant are ignored), in the caller's transaction; delivery is queued once it commits. The event
   * key is also the batch: one delivery job per user.
   *
   * @return how many notifications are new
   */
  @Transactional
  public int raise(Notice notice, Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return 0;
    }
    String source =
        """
        SELECT medsales_tenant() AS tenant_id, u AS user_id, CAST(:event AS text) AS event_key,
               CAST(:title AS text) AS title, CAST(:body AS text) AS body, CAST(:link AS text) AS link,
               CAST(:npi AS bigint) AS npi
        FROM unnest(CAST(:users AS uuid[])) u
        """;
    int added =
        channels(jdbc.sql(INSERT.formatted(source)), notice.type(), notice.eventKey())
            .param("event", notice.eventKey())
            .param("title", notice.title())
            .param("body", notice.body())
            .param("link", notice.link())
            .param("npi", notice.npi())
            .param("users", userIds.stream().distinct().toArray(UUID[]::new))
            .update();
    counted(added);
    if (added > 0) {
      // the caller cannot read a colleague's notifications: each user's job finds what it has to
      // send
      var users = List.copyOf(new java.util.LinkedHashSet<>(userIds));
      UUID tenant = jdbc.sql("SELECT medsales_tenant()").query(UUID.class).single();
      afterCommit(
          () ->
              users.forEach(
                  u ->
                      jobs.enqueue(
                          JobRequest.of(
                              QUEUE, DELIVER, Delivery.payload(tenant, u, notice.eventKey())))));
    }
    return added;
  }

  /**
   * Raises notifications of {@code type} for every tenant at once: {@code recipientsSql} selects
   * {@code tenant_id, user_id, event_key, title, body, link, npi} (bind parameters by name from
   * {@code params}), one row per notification, typically the module's change set joined to {@code
   * notification_watcher}. Runs as the database owner, outside the caller's transaction, and queues
   * one delivery job per user of the batch. Idempotent: raising the same batch again adds nothing
   * and sends nothing twice.
   *
   * @return how many notifications are new
   */
  public int raiseAcrossTenants(
      NotificationType type,
      String batchKey,
      String recipientsSql,
      Map<String, ? extends @Nullable Object> params) {
    JdbcClient owner = JdbcClient.create(bulk.dataSource("notifications"));
    var statement = channels(owner.sql(INSERT.formatted(recipientsSql)), type, batchKey);
    params.forEach(statement::param);
    int added = statement.update();
    counted(added);
    queueDelivery(owner, batchKey);
    return added;
  }

  /**
   * Queues for the notification worker the notifications another module's event raises, so that
   * this module depends on none of theirs: {@code SEGMENT_MOVED} for a basket computation's id (its
   * providers' watchers, when one moved two deciles or more), {@code LIST_CHANGED} for a target
   * list change's id (the list's owner), {@code EXPORT_READY} for an export's id (who asked). The
   * worker joins the subject to its recipients in one statement, in {@code tenantId} only; queuing
   * the same subject again adds nothing.
   */
  public void queue(NotificationType type, UUID tenantId, String subject) {
    String job =
        switch (type) {
          case SEGMENT_MOVED -> SEGMENT_MOVED_JOB;
          case LIST_CHANGED -> LIST_CHANGED_JOB;
          case EXPORT_READY -> EXPORT_READY_JOB;
          default -> throw new IllegalArgumentException(type + " is not raised from an event");
        };
    jobs.enqueue(
        JobRequest.of(
            QUEUE,
            job,
            Delivery.JSON.writeValueAsString(
                Map.of("tenant", tenantId.toString(), "subject", subject))));
  }

  private JdbcClient.StatementSpec channels(
      JdbcClient.StatementSpec statement, NotificationType type, String batchKey) {
    return statement
        .param("type", type.name())
        .param("batch", batchKey)
        .param("mail", settings.smtp().enabled())
        .param("push", settings.fcm().enabled());
  }

  /** One delivery job for each user of the batch with e-mail or push still to send. */
  int queueDelivery(JdbcClient client, String batchKey) {
    List<Recipient> recipients =
        client
            .sql(
                """
                SELECT DISTINCT tenant_id, user_id FROM notification
                WHERE batch_key = ? AND (email_state = 'PENDING' OR push_state = 'PENDING')
                """)
            .param(batchKey)
            .query(Recipient.class)
            .list();
    for (Recipient r : recipients) {
      jobs.enqueue(
          JobRequest.of(QUEUE, DELIVER, Delivery.payload(r.tenantId(), r.userId(), batchKey)));
    }
    return recipients.size();
  }

  private record Recipient(UUID tenantId, UUID userId) {}

  private void counted(int added) {
    if (added > 0) {
      meters.counter(SENT_METRIC, "channel", "in_app", "outcome", "sent").increment(added);
    }
  }

  /** {@code medsales_notifications_sent_total{channel,outcome}}. */
  public static final String SENT_METRIC = "medsales.notifications.sent";

  private static void afterCommit(Runnable work) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              work.run();
            }
          });
    } else {
      work.run();
    }
  }

  /** A delivery job's input. */
  public record Delivery(UUID tenantId, UUID userId, String batchKey) {
    private static final tools.jackson.databind.json.JsonMapper JSON =
        tools.jackson.databind.json.JsonMapper.builder().build();

    static String payload(UUID tenantId, UUID userId, String batchKey) {
      return JSON.writeValueAsString(new Delivery(tenantId, userId, batchKey));
    }

    public static String payloadOf(Delivery delivery) {
      return JSON.writeValueAsString(delivery);
    }

    public static Delivery of(String payload) {
      return JSON.readValue(payload, Delivery.class);
    }
  }
}
