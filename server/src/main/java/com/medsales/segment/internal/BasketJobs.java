package com.medsales.segment.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ingestion worker's side of {@link BasketComputations}: runs the queued recomputations
 * (idempotent: a job that finds everything fresh does nothing).
 */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class BasketJobs implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(BasketJobs.class);

  private final BasketComputations computations;

  BasketJobs(BasketComputations computations) {
    this.computations = computations;
  }

  @Override
  public String queue() {
    return BasketComputations.QUEUE;
  }

  @Override
  public String type() {
    return BasketComputations.JOB_TYPE;
  }

  @Override
  public void handle(Job job) throws Exception {
    long start = System.nanoTime();
    var made = computations.refresh();
    log.info(
        "baskets fresh after job {}: {} computations in {} ms",
        job.id(),
        made.size(),
        (System.nanoTime() - start) / 1_000_000);
  }
}
