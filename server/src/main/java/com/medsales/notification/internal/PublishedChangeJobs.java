package com.medsales.notification.internal;

import com.medsales.ingest.Dataset;
import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification worker's side of {@link PublishedChanges}: one set-based statement joins the
 * publish's change set to the watchers and writes every inbox row, then one delivery job per user
 * is queued. Idempotent: a repeat adds nothing (the unique key user + event).
 */
@Component
@ConditionalOnRole(Role.NOTIFICATION_WORKER)
class PublishedChangeJobs implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(PublishedChangeJobs.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Notifications notifications;

  PublishedChangeJobs(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public String queue() {
    return Notifications.QUEUE;
  }

  @Override
  public String type() {
    return PublishedChanges.JOB_TYPE;
  }

  @Override
  public void handle(Job job) {
    var payload = JSON.readTree(job.payload());
    Dataset dataset = Dataset.ofKey(payload.get("dataset").asString());
    long runId = payload.get("runId").asLong();
    raise(dataset, runId);
  }

  int raise(Dataset dataset, long runId) {
    long start = System.nanoTime();
    int added =
        switch (dataset) {
          case NPPES ->
              notifications.raiseAcrossTenants(
                  NotificationType.PROVIDER_CHANGED,
                  "nppes:" + runId,
                  PublishedChanges.PROVIDER_CHANGED,
                  Map.of("run", runId));
          case OPEN_PAYMENTS ->
              notifications.raiseAcrossTenants(
                  NotificationType.NEW_PAYMENTS,
                  "open-payments:" + runId,
                  PublishedChanges.NEW_PAYMENTS,
                  Map.of("run", runId));
          default -> 0;
        };
    log.info(
        "run {} ({}): {} notifications raised in {} ms",
        runId,
        dataset.key(),
        added,
        (System.nanoTime() - start) / 1_000_000);
    return added;
  }
}
