package com.medsales.ingest.internal;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The ingestion worker's side of {@link Ingestion#enqueue}: runs the queued run. */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class IngestionJobHandler implements JobHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Ingestion ingestion;

  IngestionJobHandler(Ingestion ingestion) {
    this.ingestion = ingestion;
  }

  @Override
  public String queue() {
    return Ingestion.QUEUE;
  }

  @Override
  public String type() {
    return Ingestion.JOB_TYPE;
  }

  /**
   * A failed run is recorded and waits for an operator's retry (the seed: "alert ops, manual
   * retry"), so the job itself succeeds; only a busy dataset makes the job fail, to be tried again
   * after a backoff.
   */
  @Override
  public void handle(Job job) throws Exception {
    long runId = JSON.readTree(job.payload()).get("runId").asLong();
    try {
      ingestion.execute(runId, ProgressListener.NONE);
    } catch (Ingestion.IngestionFailed recorded) {
      // the run's record says why; nothing to retry automatically
    }
  }
}
