package com.medsales.notification.internal;

import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.notification.NotificationSettings;
import com.medsales.notification.Notifications;
import com.medsales.platform.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a user's pending e-mail and push of one batch. Each channel is its own transaction that
 * locks the rows it sends, sends, and marks them sent before it commits: a retry or a second
 * delivery job finds them sent (or waits for the lock and then finds them sent), so nothing goes
 * out twice. A failed channel records its error and is retried by the job queue's backoff; after
 * the job's last attempt its rows are marked {@code FAILED} and the job lies dead for operators.
 */
class Deliveries {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

  /** A channel failed; the job is retried. */
  static final class DeliveryFailed extends Exception {
    DeliveryFailed(String message) {
      super(message);
    }
  }

  record Row(UUID id, String type, String title, String body, @Nullable String link) {}

  private record Recipient(@Nullable String email, String displayName) {}

  private record Quiet(
      @Nullable LocalTime quietStart, @Nullable LocalTime quietEnd, String timeZone) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final NotificationSettings settings;
  private final @Nullable Mailer mailer;
  private final @Nullable FcmClient fcm;
  private final JobQueue jobs;
  private final MeterRegistry meters;

  Deliveries(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      NotificationSettings settings,
      @Nullable Mailer mailer,
      @Nullable FcmClient fcm,
      JobQueue jobs,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.settings = settings;
    this.mailer = mailer;
    this.fcm = fcm;
    this.jobs = jobs;
    this.meters = meters;
  }

  /** Delivers the batch's e-mail and push; throws when either failed (after trying both). */
  void deliver(Notifications.Delivery d, boolean lastAttempt)
      throws DeliveryFailed, InterruptedException {
    TenantScope scope = new TenantScope(d.tenantId(), d.userId(), false, false);
    List<String> failures = new ArrayList<>();
    String emailFailure = scope.call(() -> email(d.userId(), d.batchKey(), lastAttempt));
    if (emailFailure != null) {
      failures.add("e-mail: " + emailFailure);
    }
    String pushFailure = scope.call(() -> push(d, lastAttempt));
    if (pushFailure != null) {
      failures.add("push: " + pushFailure);
    }
    if (!failures.isEmpty()) {
      throw new DeliveryFailed(String.join("; ", failures));
    }
  }

  /** The user's daily digest: every notification waiting for it, in one e-mail. */
  void digest(UUID tenantId, UUID userId, boolean lastAttempt) throws DeliveryFailed {
    TenantScope scope = new TenantScope(tenantId, userId, false, false);
    String failure = scope.call(() -> email(userId, null, lastAttempt));
    if (failure != null) {
      throw new DeliveryFailed("digest: " + failure);
    }
    scope.run(
        () ->
            tx.executeWithoutResult(
                s ->
                    jdbc.sql(
                            "UPDATE notification_setting SET last_digest_at = now() WHERE user_id = ?")
                        .param(userId)
                        .update()));
  }

  /** E-mail of the batch's pending rows ({@code batchKey} null: the digest's rows). */
  private @Nullable String email(UUID userId, @Nullable String batchKey, boolean lastAttempt) {
    String state = batchKey == null ? "DIGEST" : "PENDING";
    // FAILED too: an operator's retry of a dead job sends what its last attempt could not
    String which =
        "user_id = :user AND email_state IN (:state, 'FAILED')"
            + " AND (CAST(:batch AS text) IS NULL OR batch_key = :batch)";
    try {
      tx.executeWithoutResult(
          s -> {
            List<Row> rows = pending(which, userId, batchKey, state, true);
            if (rows.isEmpty()) {
              return;
            }
            Recipient to =
                jdbc.sql("SELECT email, display_name FROM app_user WHERE id = ?")
                    .param(userId)
                    .query(Recipient.class)
                    .single();
            if (mailer == null || to.email() == null) {
              mark("email_state", "SKIPPED", rows);
              count("email", "skipped", rows.size());
              return;
            }
            try {
              Email email =
                  Email.of(rows, to.displayName(), settings.publicUrl(), batchKey == null);
              mailer.send(to.email(), email.subject(), email.text(), email.html());
            } catch (jakarta.mail.MessagingException | org.springframework.mail.MailException e) {
              throw new IllegalStateException(e.getMessage(), e);
            }
            mark("email_state", "SENT", rows);
            count("email", "sent", rows.size());
          });
      return null;
    } catch (RuntimeException e) {
      return failed("email_state", which, userId, batchKey, state, lastAttempt, e);
    }
  }

  private @Nullable String push(Notifications.Delivery d, boolean lastAttempt) {
    String which = "user_id = :user AND push_state IN (:state, 'FAILED') AND batch_key = :batch";
    Instant quietUntil = quietUntil(d.userId(), Instant.now());
    if (quietUntil != null) {
      boolean waiting =
          tx.execute(s -> !pending(which, d.userId(), d.batchKey(), "PENDING", false).isEmpty());
      if (Boolean.TRUE.equals(waiting)) {
        jobs.enqueue(
            new JobRequest(
                Notifications.QUEUE,
                Notifications.DELIVER,
                Notifications.Delivery.payloadOf(d),
                quietUntil,
                null,
                null));
      }
      return null;
    }
    try {
      tx.executeWithoutResult(
          s -> {
            List<Row> rows = pending(which, d.userId(), d.batchKey(), "PENDING", true);
            if (rows.isEmpty()) {
              return;
            }
            List<Device> devices =
                jdbc.sql(
                        "SELECT id, token FROM notification_device WHERE user_id = ? ORDER BY created_at")
                    .param(d.userId())
                    .query(Device.class)
                    .list();
            if (fcm == null || devices.isEmpty()) {
              mark("push_state", "SKIPPED", rows);
              count("push", "skipped", rows.size());
              return;
            }
            String title =
                rows.size() == 1 ? rows.getFirst().title() : rows.size() + " updates in MedSales";
            String body =
                rows.size() == 1
                    ? rows.getFirst().body()
                    : String.join(", ", rows.stream().limit(3).map(Row::title).toList())
                        + (rows.size() > 3 ? " and " + (rows.size() - 3) + " more" : "");
            String link =
                settings.publicUrl()
                    + (rows.size() == 1 && rows.getFirst().link() != null
                        ? rows.getFirst().link()
                        : "/notifications");
            int sent = 0;
            for (Device device : devices) {
              FcmClient.Outcome outcome;
              try {
                outcome = fcm.send(device.token(), title, body, link);
              } catch (FcmClient.PushFailed e) {
                throw new IllegalStateException(e.getMessage(), e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
              }
              if (outcome == FcmClient.Outcome.UNREGISTERED) {
                jdbc.sql("DELETE FROM notification_device WHERE id = ?")
                    .param(device.id())
                    .update();
                log.info("Removed a device FCM reports as unregistered");
              } else {
                sent++;
              }
            }
            mark("push_state", sent > 0 ? "SENT" : "SKIPPED", rows);
            count("push", sent > 0 ? "sent" : "skipped", rows.size());
          });
      return null;
    } catch (RuntimeException e) {
      return failed("push_state", which, d.userId(), d.batchKey(), "PENDING", lastAttempt, e);
    }
  }

  private record Device(UUID id, String token) {}

  private List<Row> pending(
      String which, UUID userId, @Nullable String batchKey, String state, boolean lock) {
    return jdbc.sql(
            "SELECT id, type, title, body, link FROM notification WHERE "
                + which
                + " ORDER BY created_at, id"
                + (lock ? " FOR UPDATE" : ""))
        .param("user", userId)
        .param("state", state)
        .param("batch", batchKey)
        .query(Row.class)
        .list();
  }

  private void mark(String column, String state, List<Row> rows) {
    jdbc.sql("UPDATE notification SET " + column + " = :state WHERE id = ANY(:ids)")
        .param("state", state)
        .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
        .update();
  }

  private String failed(
      String column,
      String which,
      UUID userId,
      @Nullable String batchKey,
      String state,
      boolean lastAttempt,
      RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Integer rows =
        tx.execute(
            s ->
                jdbc.sql(
                        "UPDATE notification SET attempts = attempts + 1, last_error = :error"
                            + (lastAttempt ? ", " + column + " = 'FAILED'" : "")
                            + " WHERE "
                            + which)
                    .param("user", userId)
                    .param("state", state)
                    .param("batch", batchKey)
                    .param("error", message)
                    .update());
    count(
        column.startsWith("email") ? "email" : "push",
        lastAttempt ? "dead" : "failed",
        rows == null ? 0 : rows);
    return message;
  }

  private void count(String channel, String outcome, int n) {
    if (n > 0) {
      meters
          .counter(Notifications.SENT_METRIC, "channel", channel, "outcome", outcome)
          .increment(n);
    }
  }

  /** When the user's push quiet hours end, if {@code now} falls in them; null otherwise. */
  private @Nullable Instant quietUntil(UUID userId, Instant now) {
    Quiet quiet =
        tx.execute(
            s ->
                jdbc.sql(
                        "SELECT quiet_start, quiet_end, time_zone FROM notification_setting WHERE user_id = ?")
                    .param(userId)
                    .query(Quiet.class)
                    .optional()
                    .orElse(null));
    if (quiet == null || quiet.quietStart() == null || quiet.quietEnd() == null) {
      return null;
    }
    return QuietHours.until(quiet.quietStart(), quiet.quietEnd(), ZoneId.of(quiet.timeZone()), now);
  }

  /** Quiet hours, which may span midnight (22:00 to 07:00). */
  static final class QuietHours {
    private QuietHours() {}

    static @Nullable Instant until(LocalTime start, LocalTime end, ZoneId zone, Instant now) {
      ZonedDateTime local = now.atZone(zone);
      LocalTime time = local.toLocalTime();
      boolean quiet =
          start.isBefore(end)
              ? !time.isBefore(start) && time.isBefore(end)
              : !time.isBefore(start) || time.isBefore(end);
      if (!quiet) {
        return null;
      }
      ZonedDateTime until = local.with(end);
      if (!until.isAfter(local)) {
        until = until.plusDays(1);
      }
      return until.toInstant();
    }
  }
}
