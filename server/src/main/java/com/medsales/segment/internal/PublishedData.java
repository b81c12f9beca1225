package com.medsales.segment.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetPublished;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a Part B or Part D publish, queues the baskets' recomputation for the ingestion worker.
 * Through the event publication registry: when queueing fails the publication stays outstanding and
 * is handed over again, so a publish's recomputation is never lost. An NPPES publish moves
 * providers between states, but the deciles keep the state of their computation until the next Part
 * B or Part D publish or basket edit.
 */
@Component
class PublishedData {

  private static final Logger log = LoggerFactory.getLogger(PublishedData.class);

  private final JobQueue jobs;

  PublishedData(JobQueue jobs) {
    this.jobs = jobs;
  }

  @ApplicationModuleListener(id = "segment.basket-recompute")
  void on(DatasetPublished published) {
    if (published.dataset() != Dataset.PART_D && published.dataset() != Dataset.PART_B) {
      return;
    }
    var job =
        jobs.enqueue(JobRequest.of(BasketComputations.QUEUE, BasketComputations.JOB_TYPE, "{}"));
    log.info(
        "run {} published {}: baskets' recomputation queued as job {}",
        published.runId(),
        published.dataset(),
        job);
  }
}
