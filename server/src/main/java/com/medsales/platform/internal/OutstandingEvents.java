package com.medsales.platform.internal;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the events whose listeners have not completed (Spring Modulith's event publication
 * registry, V88) to those listeners again: every outstanding one when the ingestion worker starts
 * (a listener that failed, or whose process died, before this start), and the failed ones every few
 * minutes while it runs. Only the ingestion worker does it: it is where datasets are published, and
 * the API's processes, started and stopped on their own, would each hand the same publications out
 * again at their start. A resubmission is claimed in the table first, so two workers never resubmit
 * the same one at once; a listener may still see an event twice (a worker that died after the work,
 * before recording it), so every listener is idempotent, as job handlers are.
 */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class OutstandingEvents {

  /**
   * A failed publication waits this long before it is retried, so that a listener failing at once
   * is not hammered.
   */
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

  private final IncompleteEventPublications incomplete;
  private final FailedEventPublications failed;

  OutstandingEvents(IncompleteEventPublications incomplete, FailedEventPublications failed) {
    this.incomplete = incomplete;
    this.failed = failed;
  }

  /** What Spring Modulith's republish-outstanding-events-on-restart does, in this role only. */
  @EventListener(ApplicationReadyEvent.class)
  void resubmitAtStart() {
    try {
      incomplete.resubmitIncompletePublications(publication -> true);
    } catch (RuntimeException e) {
      log.warn("Could not resubmit the outstanding event publications: {}", e.getMessage());
    }
  }

  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
  void retryFailed() {
    try {
      failed.resubmit(ResubmissionOptions.defaults().withMinAge(RETRY_AFTER));
    } catch (RuntimeException e) {
      log.warn("Could not retry the failed event publications: {}", e.getMessage());
    }
  }
}
