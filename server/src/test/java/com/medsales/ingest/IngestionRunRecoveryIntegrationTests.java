package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.platform.BulkConnections;
import com.medsales.platform.MedsalesSettings;
import com.medsales.testing.Ingestions;
import com.medsales.testing.OwnerJdbc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A run whose process died is failed and can be retried (issue 17, item 5); a run never publishes
 * over a newer one of its kind (item 6).
 */
@SpringBootTest
class IngestionRunRecoveryIntegrationTests {

  @Autowired Ingestion ingestion;
  @Autowired IngestionRuns runs;
  @Autowired BulkConnections bulk;
  @Autowired MedsalesSettings settings;

  Path incoming(String name, String resource, int rows) throws IOException {
    Path dir = Files.createDirectories(settings.home().resolve("incoming"));
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(rows + 1L).toList();
      return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
  }

  static int pid(Connection c) throws Exception {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static boolean tryLock(Connection c, String key) throws Exception {
    try (var s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      s.setString(1, key);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** As a command-line ingest killed with -9 leaves it: RUNNING, its lock's session gone. */
  @Test
  void aRunningRunWhoseLockSessionIsGoneIsFailedAndCanBeRetried() throws Exception {
    Path file =
        incoming(
            "npidata_pfile_2020_recovery.csv", "/demo/nppes/npidata_pfile_2020_head_19.csv", 17);
    long id =
        runs.create(
            Dataset.NPPES,
            "nppes-weekly",
            file.toString(),
            file.getFileName().toString(),
            null,
            IngestionRun.Status.QUEUED);
    int lockPid;
    try (Connection lock = bulk.open("test-ingest-lock")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> tryLock(lock, "medsales-ingest:nppes"));
      lockPid = pid(lock);
      runs.markRunning(id, lockPid);

      // while its session holds the lock the run is alive, whatever the clock says
      assertThat(runs.current(id).orElseThrow().status()).isEqualTo(IngestionRun.Status.RUNNING);
      assertThat(runs.recent(Dataset.NPPES, 50)).anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
    }
    // the session ends a moment after its connection closes
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                OwnerJdbc.of(bulk)
                        .sql("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")
                        .param(lockPid)
                        .query(Long.class)
                        .single()
                    == 0);

    IngestionRun listed =
        runs.recent(Dataset.NPPES, 50).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    assertThat(listed.status()).isEqualTo(IngestionRun.Status.FAILED);
    assertThat(listed.error()).contains("process running it stopped");

    IngestionRun retried = ingestion.retry(id);
    assertThat(retried.status()).isEqualTo(IngestionRun.Status.QUEUED);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> runs.find(retried.id()).orElseThrow().status() == IngestionRun.Status.PUBLISHED);
  }

  /**
   * Issue 17's case: a run queued first (killed, then delivered again after its job's lease ran
   * out) runs after a newer file of its kind was published. It is skipped, saying why, and
   * publishes nothing.
   */
  @Test
  void aRunQueuedBeforeAPublishedOneDoesNotReplaceIt() throws Exception {
    Path older =
        incoming(
            "npidata_pfile_2018_order.csv", "/demo/nppes/npidata_pfile_2018_sample_99.csv", 60);
    Path newer =
        incoming("npidata_pfile_2020_order.csv", "/demo/nppes/npidata_pfile_2020_head_19.csv", 18);
    long oldId =
        runs.create(
            Dataset.NPPES,
            "nppes-weekly",
            older.toString(),
            older.getFileName().toString(),
            null,
            IngestionRun.Status.QUEUED);
    IngestionRun published = Ingestions.runWhenFree(ingestion, "nppes-weekly", newer.toString());
    assertThat(published.status()).isEqualTo(IngestionRun.Status.PUBLISHED);

    IngestionRun replayed = null;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (replayed == null) {
      try {
        replayed = ingestion.execute(oldId, ProgressListener.NONE);
      } catch (Ingestion.DatasetBusy busy) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(200);
      }
    }

    assertThat(replayed.status()).isEqualTo(IngestionRun.Status.SKIPPED);
    assertThat(replayed.error())
        .contains("run " + published.id())
        .contains("older file never replaces a newer one");
    assertThat(
            OwnerJdbc.of(bulk)
                .sql("SELECT count(*) FROM provider_change WHERE run_id = ?")
                .param(oldId)
                .query(Long.class)
                .single())
        .isZero();
  }
}
