package com.medsales.notification.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetPublished;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.notification.Notifications;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An NPPES or Open Payments publish becomes one job on the notification queue, and nothing more in
 * the publishing process: the notification worker joins the publish's change set to the watchers
 * there ({@link PublishedChangeJobs}), so the publish itself is not slowed.
 */
@Component
class PublishedChanges {

  static final String JOB_TYPE = "publish";
  private static final Logger log = LoggerFactory.getLogger(PublishedChanges.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JobQueue jobs;

  PublishedChanges(JobQueue jobs) {
    this.jobs = jobs;
  }

  @ApplicationModuleListener(id = "notification.published-changes")
  void on(DatasetPublished published) {
    if (published.dataset() != Dataset.NPPES && published.dataset() != Dataset.OPEN_PAYMENTS) {
      return;
    }
    var job =
        jobs.enqueue(
            JobRequest.of(
                Notifications.QUEUE,
                JOB_TYPE,
                JSON.writeValueAsString(
                    Map.of("dataset", published.dataset().key(), "runId", published.runId()))));
    log.info(
        "run {} published {}: its notifications queued as job {}",
        published.runId(),
        published.dataset().key(),
        job);
  }

  /**
   * PROVIDER_CHANGED: each changed NPI whose watched fields (name, practice location, primary
   * taxonomy, status) changed, once per watcher, saying from what to what.
   */
  static final String PROVIDER_CHANGED =
      """
      WITH ch AS (
          SELECT pc.npi, pc.change, pc.before AS b, pc.after AS a
          FROM provider_change pc
          WHERE pc.run_id = :run AND pc.change IN ('UPDATED', 'DEACTIVATED', 'REACTIVATED')
            AND pc.npi IN (SELECT npi FROM notification_watcher)),
      described AS (
          SELECT ch.npi,
                 array_remove(ARRAY[
                   CASE WHEN ch.change = 'DEACTIVATED' THEN 'Status: active → deactivated' END,
                   CASE WHEN ch.change = 'REACTIVATED' THEN 'Status: deactivated → active' END,
                   CASE WHEN ch.b->>'name' IS DISTINCT FROM ch.a->>'name'
                        THEN format('Name: %s → %s', ch.b->>'name', ch.a->>'name') END,
                   CASE WHEN (ch.b->>'line1', ch.b->>'city', ch.b->>'state', ch.b->>'zip5')
                             IS DISTINCT FROM (ch.a->>'line1', ch.a->>'city', ch.a->>'state', ch.a->>'zip5')
                        THEN format('Practice location: %s → %s',
                                    concat_ws(', ', ch.b->>'line1', ch.b->>'city', ch.b->>'state', ch.b->>'zip5'),
                                    concat_ws(', ', ch.a->>'line1', ch.a->>'city', ch.a->>'state', ch.a->>'zip5')) END,
                   CASE WHEN ch.b->>'taxonomy' IS DISTINCT FROM ch.a->>'taxonomy'
                        THEN format('Primary taxonomy: %s → %s', coalesce(tb.display_name, ch.b->>'taxonomy', 'none'),
                                    coalesce(ta.display_name, ch.a->>'taxonomy', 'none')) END], NULL) AS lines,
                 coalesce(ch.a->>'name', ch.b->>'name',
                          p.organization_name, concat_ws(' ', p.first_name, p.last_name), ch.npi::text) AS name
          FROM ch
          LEFT JOIN provider p ON p.npi = ch.npi
          LEFT JOIN taxonomy tb ON tb.code = ch.b->>'taxonomy'
          LEFT JOIN taxonomy ta ON ta.code = ch.a->>'taxonomy')
      SELECT w.tenant_id, w.user_id, 'provider-changed:' || :run || ':' || d.npi AS event_key,
             d.name || ' changed' AS title, array_to_string(d.lines, E'\\n') AS body,
             '/providers/' || d.npi AS link, d.npi
      FROM described d
      JOIN (SELECT DISTINCT tenant_id, user_id, npi FROM notification_watcher) w ON w.npi = d.npi
      WHERE cardinality(d.lines) > 0
      """;

  /** NEW_PAYMENTS: each watched NPI the publish added payments to, with the total and top payer. */
  static final String NEW_PAYMENTS =
      """
      WITH c AS (
          SELECT npi, sum(payments_added) AS payments, sum(amount_added) AS amount,
                 string_agg(DISTINCT program_year::text, ', ') AS years,
                 (array_agg(top_payer ORDER BY amount_added DESC))[1] AS top_payer
          FROM op_rollup_change
          WHERE run_id = :run AND npi IN (SELECT npi FROM notification_watcher)
          GROUP BY npi)
      SELECT w.tenant_id, w.user_id, 'new-payments:' || :run || ':' || c.npi AS event_key,
             coalesce(p.organization_name, concat_ws(' ', p.first_name, p.last_name), c.npi::text)
               || ': new Open Payments' AS title,
             format('%s new payment%s totalling $%s (program year %s); top payer %s', c.payments,
                    CASE WHEN c.payments = 1 THEN '' ELSE 's' END, to_char(c.amount, 'FM999,999,999,990.00'),
                    c.years, coalesce(c.top_payer, 'not stated')) AS body,
             '/providers/' || c.npi AS link, c.npi
      FROM c
      LEFT JOIN provider p ON p.npi = c.npi
      JOIN (SELECT DISTINCT tenant_id, user_id, npi FROM notification_watcher) w ON w.npi = c.npi
      """;
}
