package com.medsales.ingest.internal;

import com.medsales.ingest.IngestSettings;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRuns;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled ingestion ({@code medsales.ingest.schedule}, a cron; off by default and in the embedded
 * default) and the sweep that marks runs abandoned by a dead process as failed, so that they show
 * as such and can be retried.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.INGESTION_WORKER)
class IngestionSchedule {

  private static final Logger log = LoggerFactory.getLogger(IngestionSchedule.class);

  /**
   * A run writes its progress every two seconds while it reads; indexing a national file takes
   * minutes.
   */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

  @Bean
  AbandonedRuns abandonedRuns(IngestionRuns runs) {
    return new AbandonedRuns(runs);
  }

  @Bean
  @ConditionalOnExpression("!'${medsales.ingest.schedule:}'.isBlank()")
  ScheduledRuns scheduledRuns(Ingestion ingestion, IngestSettings settings) {
    if (settings.sources().isEmpty()) {
      throw new IllegalStateException(
          "medsales.ingest.schedule is set but medsales.ingest.sources names nothing to load");
    }
    return new ScheduledRuns(ingestion, settings);
  }

  static final class AbandonedRuns {
    private final IngestionRuns runs;

    AbandonedRuns(IngestionRuns runs) {
      this.runs = runs;
    }

    @Scheduled(fixedDelayString = "5m", initialDelayString = "30s")
    void sweep() {
      try {
        int orphaned = runs.failOrphaned();
        if (orphaned > 0) {
          log.warn("Marked {} ingestion run(s) failed: the process running them is gone", orphaned);
        }
        int failed = runs.failAbandoned(Instant.now().minus(ABANDONED_AFTER));
        if (failed > 0) {
          log.warn(
              "Marked {} ingestion run(s) failed: no progress for {}", failed, ABANDONED_AFTER);
        }
      } catch (RuntimeException e) {
        log.debug("Abandoned-run sweep skipped: {}", e.getMessage());
      }
    }
  }

  static final class ScheduledRuns {
    private final Ingestion ingestion;
    private final IngestSettings settings;

    ScheduledRuns(Ingestion ingestion, IngestSettings settings) {
      this.ingestion = ingestion;
      this.settings = settings;
    }

    @Scheduled(cron = "${medsales.ingest.schedule}")
    void run() {
      settings
          .sources()
          .forEach(
              (kind, source) -> {
                var run = ingestion.enqueue(kind, source);
                log.info("Scheduled ingestion queued: run {} ({}) from {}", run.id(), kind, source);
              });
    }
  }
}
