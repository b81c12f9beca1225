package com.medsales.segment.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetPublished;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a Part B, Part D or NPPES publish, queues the baskets' recomputation for the ingestion
 * worker. In the publishing thread after the commit, and after {@code provider.CmsProviders} has
 * rebuilt the CMS-only providers (their state places a provider that the registry lacks), so that
 * the job never reads the providers of the publish before. Through the event publication registry:
 * when queueing fails the publication stays outstanding and is handed over again, so a publish's
 * recomputation is never lost.
 */
@Component
class PublishedData {

  private static final Logger log = LoggerFactory.getLogger(PublishedData.class);

  private final JobQueue jobs;
  private final TransactionTemplate ownTransaction;

  PublishedData(JobQueue jobs, PlatformTransactionManager transactions) {
    this.jobs = jobs;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @TransactionalEventListener(id = "segment.basket-recompute")
  @Order(10)
  void on(DatasetPublished published) {
    // a registry publish too: it places providers in their states
    if (published.dataset() == Dataset.OPEN_PAYMENTS) {
      return;
    }
    JobId job =
        ownTransaction.execute(
            tx ->
                jobs.enqueue(
                    JobRequest.of(BasketComputations.QUEUE, BasketComputations.JOB_TYPE, "{}")));
    log.info(
        "run {} published {}: baskets' recomputation queued as job {}",
        published.runId(),
        published.dataset(),
        job);
  }
}
