package com.medsales.notification.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications other modules' events raise: SEGMENT_MOVED after a basket recomputation,
 * LIST_CHANGED after a dynamic list's re-evaluation, EXPORT_READY when an export ends. The module
 * whose event it is queues one job through {@link Notifications#queue} (so this module depends on
 * none of them); the notification worker then joins it to its recipients in one set-based statement
 * ({@link Jobs}), so the process that published the event does no notification work.
 */
final class FeatureAlerts {

  static final String SEGMENT_MOVED = Notifications.SEGMENT_MOVED_JOB;
  static final String LIST_CHANGED = Notifications.LIST_CHANGED_JOB;
  static final String EXPORT_READY = Notifications.EXPORT_READY_JOB;

  private static final Logger log = LoggerFactory.getLogger(FeatureAlerts.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FeatureAlerts() {}

  /**
   * SEGMENT_MOVED: each watched provider whose national decile in the recomputed basket year moved
   * by two or more from the computation it replaced (decile 0: no volume). Nothing on a basket's
   * first computation of a year, which replaced none.
   */
  static final String SEGMENT_MOVED_SQL =
      """
      WITH c AS (
          SELECT c.id, c.previous_id, c.data_year, b.name AS basket
          FROM basket_computation c JOIN basket b ON b.id = c.basket_id AND b.tenant_id = c.tenant_id
          WHERE c.id = CAST(:subject AS bigint) AND c.tenant_id = CAST(:tenant AS uuid)
            AND c.previous_id IS NOT NULL),
      w AS (SELECT DISTINCT user_id, npi FROM notification_watcher WHERE tenant_id = CAST(:tenant AS uuid)),
      m AS (
          SELECT n0.npi, coalesce(o.decile, 0) AS previous, coalesce(n.decile, 0) AS decile
          FROM (SELECT DISTINCT npi FROM w) n0
          CROSS JOIN c
          LEFT JOIN basket_result n ON n.computation_id = c.id AND n.npi = n0.npi
          LEFT JOIN basket_result o ON o.computation_id = c.previous_id AND o.npi = n0.npi
          WHERE abs(coalesce(n.decile, 0) - coalesce(o.decile, 0)) >= 2),
      named AS (
          SELECT m.*,
                 coalesce(p.organization_name, nullif(concat_ws(' ', p.first_name, p.last_name), ''),
                          cp.organization_name, nullif(concat_ws(' ', cp.first_name, cp.last_name), ''),
                          'NPI ' || m.npi) AS name
          FROM m
          LEFT JOIN provider p ON p.npi = m.npi
          LEFT JOIN cms_provider cp ON cp.npi = m.npi)
      SELECT CAST(:tenant AS uuid) AS tenant_id, w.user_id,
             'segment-moved:' || c.id || ':' || d.npi AS event_key,
             format('%s: decile %s → %s in %s', d.name, d.previous, d.decile, c.basket) AS title,
             format('In the market basket %s (%s data), %s moved from %s to %s.', c.basket, c.data_year, d.name,
                    CASE WHEN d.previous = 0 THEN 'no volume' ELSE 'decile ' || d.previous END,
                    CASE WHEN d.decile = 0 THEN 'no volume' ELSE 'decile ' || d.decile END) AS body,
             '/providers/' || d.npi AS link, d.npi
      FROM named d CROSS JOIN c JOIN w ON w.npi = d.npi
      """;

  /** LIST_CHANGED: to the list's owner, the counts and the first few members who joined or left. */
  static final String LIST_CHANGED_SQL =
      """
      SELECT l.tenant_id, l.owner_id AS user_id, 'list-changed:' || ch.id AS event_key,
             format('%s: %s joined, %s left', l.name, ch.joined_count, ch.left_count) AS title,
             coalesce((SELECT string_agg(format('%s %s (NPI %s)', x.reason,
                                                coalesce(p.organization_name,
                                                         nullif(concat_ws(' ', p.first_name, p.last_name), ''),
                                                         cp.organization_name,
                                                         nullif(concat_ws(' ', cp.first_name, cp.last_name), ''),
                                                         'provider'), x.npi), E'\\n' ORDER BY x.joined DESC, x.npi)
                       FROM (SELECT * FROM target_list_change_member
                             WHERE change_id = ch.id ORDER BY joined DESC, npi LIMIT 10) x
                       LEFT JOIN provider p ON p.npi = x.npi
                       LEFT JOIN cms_provider cp ON cp.npi = x.npi), '')
               || CASE WHEN ch.joined_count + ch.left_count > 10
                       THEN format(E'\\nand %s more', ch.joined_count + ch.left_count - 10) ELSE '' END AS body,
             '/target-lists/' || l.id AS link, CAST(NULL AS bigint) AS npi
      FROM target_list_change ch
      JOIN target_list l ON l.id = ch.list_id AND l.tenant_id = ch.tenant_id
      WHERE ch.id = CAST(:subject AS bigint) AND ch.tenant_id = CAST(:tenant AS uuid)
      """;

  /**
   * EXPORT_READY: to whoever asked, ready (with its size and expiry) or failed (with the reason).
   */
  static final String EXPORT_READY_SQL =
      """
      SELECT e.tenant_id, e.user_id, 'export-ready:' || e.id AS event_key,
             CASE WHEN e.status = 'DONE' THEN format('Your %s export is ready', replace(e.kind, '-', ' '))
                  ELSE format('Your %s export failed', replace(e.kind, '-', ' ')) END AS title,
             CASE WHEN e.status = 'DONE'
                  THEN format('%s rows as %s, to download until %s UTC.', e.rows_written,
                              CASE e.format WHEN 'XLSX' THEN 'Excel' ELSE 'CSV' END,
                              to_char(e.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'))
                  ELSE coalesce(e.error, 'The export could not be written.') END AS body,
             '/exports' AS link, CAST(NULL AS bigint) AS npi
      FROM export e
      WHERE e.id = CAST(:subject AS uuid) AND e.tenant_id = CAST(:tenant AS uuid)
        AND e.status IN ('DONE', 'FAILED')
      """;

  /** The notification worker's side: one statement per event, idempotent by the event key. */
  @Component
  @ConditionalOnRole(Role.NOTIFICATION_WORKER)
  static class Jobs {

    private final Notifications notifications;

    Jobs(Notifications notifications) {
      this.notifications = notifications;
    }

    int raise(String type, UUID tenant, String subject) {
      var params = Map.<String, Object>of("tenant", tenant.toString(), "subject", subject);
      String batch = type + ":" + subject;
      return switch (type) {
        case SEGMENT_MOVED ->
            notifications.raiseAcrossTenants(
                NotificationType.SEGMENT_MOVED, batch, SEGMENT_MOVED_SQL, params);
        case LIST_CHANGED ->
            notifications.raiseAcrossTenants(
                NotificationType.LIST_CHANGED, batch, LIST_CHANGED_SQL, params);
        case EXPORT_READY ->
            notifications.raiseAcrossTenants(
                NotificationType.EXPORT_READY, batch, EXPORT_READY_SQL, params);
        default -> throw new IllegalArgumentException("no notification for " + type);
      };
    }

    void handle(String type, Job job) {
      var payload = JSON.readTree(job.payload());
      int added =
          raise(
              type,
              UUID.fromString(payload.get("tenant").asString()),
              payload.get("subject").asString());
      log.info("{} {}: {} notifications raised", type, payload.get("subject").asString(), added);
    }
  }

  private abstract static class Handler implements JobHandler {

    private final Jobs jobs;
    private final String type;

    Handler(Jobs jobs, String type) {
      this.jobs = jobs;
      this.type = type;
    }

    @Override
    public String queue() {
      return Notifications.QUEUE;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public void handle(Job job) {
      jobs.handle(type, job);
    }
  }

  @Component
  @ConditionalOnRole(Role.NOTIFICATION_WORKER)
  static class SegmentMovedJobs extends Handler {
    SegmentMovedJobs(Jobs jobs) {
      super(jobs, SEGMENT_MOVED);
    }
  }

  @Component
  @ConditionalOnRole(Role.NOTIFICATION_WORKER)
  static class ListChangedJobs extends Handler {
    ListChangedJobs(Jobs jobs) {
      super(jobs, LIST_CHANGED);
    }
  }

  @Component
  @ConditionalOnRole(Role.NOTIFICATION_WORKER)
  static class ExportReadyJobs extends Handler {
    ExportReadyJobs(Jobs jobs) {
      super(jobs, EXPORT_READY);
    }
  }
}
