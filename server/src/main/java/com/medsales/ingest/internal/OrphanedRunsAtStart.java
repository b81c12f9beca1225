package com.medsales.ingest.internal;

import com.medsales.ingest.IngestionRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, in every role: runs left RUNNING by a process that died (a command-line ingest
 * killed with -9, a worker's lost machine) are failed, so that they show as such and can be retried
 * ({@link IngestionRuns#failOrphaned}).
 */
@Component
class OrphanedRunsAtStart {

  private static final Logger log = LoggerFactory.getLogger(OrphanedRunsAtStart.class);

  private final IngestionRuns runs;

  OrphanedRunsAtStart(IngestionRuns runs) {
    this.runs = runs;
  }

  @EventListener(ApplicationReadyEvent.class)
  void failOrphanedRuns() {
    try {
      int failed = runs.failOrphaned();
      if (failed > 0) {
        log.warn("Marked {} ingestion run(s) failed: the process running them is gone", failed);
      }
    } catch (RuntimeException e) {
      log.warn("Could not look for ingestion runs whose process is gone: {}", e.getMessage());
    }
  }
}
