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

  @Override
  public void handle(Job job) throws Exception {
    long runId = JSON.readTree(job.payload()).get("runId").asLong();
    ingestion.execute(runId, ProgressListener.NONE);
  }
}
