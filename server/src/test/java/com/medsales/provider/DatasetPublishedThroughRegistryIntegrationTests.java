package com.medsales.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.DatasetPublished;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.OwnerJdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * A publish's drug-prescriber rebuild goes through Spring Modulith's event publication registry:
 * when queueing the job fails, the publication stays outstanding, and handing it over again (what
 * the ingestion worker does at its start, {@code platform.internal.OutstandingEvents}) queues the
 * job exactly once.
 */
@SpringBootTest
class DatasetPublishedThroughRegistryIntegrationTests {

  @Autowired Ingestion ingestion;
  @Autowired BulkConnections bulk;
  @Autowired IncompleteEventPublications outstanding;

  @Value("${medsales.db.app-user}")
  String appRole;

  @TempDir Path dir;

  @Test
  void aRebuildWhoseQueueingFailedIsQueuedOnceWhenItsPublicationIsHandedOverAgain()
      throws Exception {
    Path file = dir.resolve("PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab");
    try (var in =
        getClass()
            .getResourceAsStream("/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab")) {
      Files.copy(in, file);
    }
    JdbcClient owner = OwnerJdbc.of(bulk);
    long before = owner.sql("SELECT coalesce(max(id), 0) FROM job").query(Long.class).single();

    // the queue refuses the application's role its insert: the listener fails after the publish
    // committed
    owner.sql("REVOKE INSERT ON job FROM " + appRole).update();
    IngestionRun run;
    try {
      run = ingestion.runNow("partd", file.toString(), 2012, ProgressListener.NONE);
      long runId = run.id();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> publicationStatus(owner, runId).equals("FAILED"));
    } finally {
      owner.sql("GRANT INSERT ON job TO " + appRole).update();
    }
    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(rebuildJobsSince(owner, before)).isZero();

    Predicate<EventPublication> thisRun =
        publication ->
            publication.getEvent() instanceof DatasetPublished published
                && published.runId() == run.id();
    outstanding.resubmitIncompletePublications(thisRun);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> publicationStatus(owner, run.id()).equals("completed"));
    assertThat(rebuildJobsSince(owner, before)).isOne();

    // nothing outstanding is left to hand over: a second start queues nothing more
    outstanding.resubmitIncompletePublications(thisRun);
    assertThat(rebuildJobsSince(owner, before)).isOne();
  }

  /**
   * The status of the run's publication to the drug-prescriber listener; "completed" once deleted
   * (completion mode).
   */
  private static String publicationStatus(JdbcClient owner, long runId) {
    return owner
        .sql(
            """
            SELECT coalesce(status, 'PUBLISHED') FROM event_publication
            WHERE listener_id = 'provider.drug-prescribers-rebuild' AND (serialized_event::jsonb ->> 'runId')::bigint = :run
            """)
        .param("run", runId)
        .query(String.class)
        .optional()
        .orElse("completed");
  }

  private static long rebuildJobsSince(JdbcClient owner, long before) {
    return owner
        .sql("SELECT count(*) FROM job WHERE type = :type AND id > :before")
        .param("type", DrugPrescriberIndex.JOB_TYPE)
        .param("before", before)
        .query(Long.class)
        .single();
  }
}
