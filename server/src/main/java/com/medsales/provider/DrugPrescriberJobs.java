package com.medsales.provider;

import com.medsales.ingest.Ingestion;
import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ingestion worker's side of {@link DrugPrescriberIndex}: runs the queued rebuilds (idempotent:
 * a job that finds every year fresh does nothing). A publish queues them through the event
 * publication registry, which hands the event over again when queueing failed, so no start-up check
 * for stale years is needed.
 */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class DrugPrescriberJobs implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(DrugPrescriberJobs.class);

  private final DrugPrescriberIndex index;

  DrugPrescriberJobs(DrugPrescriberIndex index) {
    this.index = index;
  }

  @Override
  public String queue() {
    return Ingestion.QUEUE;
  }

  @Override
  public String type() {
    return DrugPrescriberIndex.JOB_TYPE;
  }

  @Override
  public void handle(Job job) throws Exception {
    long start = System.nanoTime();
    var years = index.refresh();
    log.info(
        "drug prescribers fresh after job {}: rebuilt {} in {} ms",
        job.id(),
        years,
        (System.nanoTime() - start) / 1_000_000);
  }
}
