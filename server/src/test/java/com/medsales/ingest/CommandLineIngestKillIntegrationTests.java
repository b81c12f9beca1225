package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.platform.MedsalesSettings;
import com.medsales.platform.internal.EmbeddedDatabase;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 17's fault test: the command-line ingest, a real child process on this test's database,
 * killed with -9 in the middle of its load. Its run is failed (its lock's session is gone) and a
 * retry publishes.
 */
@SpringBootTest
class CommandLineIngestKillIntegrationTests {

  @Autowired EmbeddedDatabase database;
  @Autowired MedsalesSettings settings;
  @Autowired IngestionRuns runs;
  @Autowired Ingestion ingestion;

  Process child;

  @AfterEach
  void killChild() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A valid NPI: the Luhn check digit over the prefix 80840 and the first nine digits. */
  static long npi(long nine) {
    String digits = "80840" + nine;
    int sum = 0;
    for (int i = digits.length() - 1, pos = 0; i >= 0; i--, pos++) {
      int d = digits.charAt(i) - '0';
      if (pos % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return nine * 10 + (10 - sum % 10) % 10;
  }

  static void writeReport(Path file, int rows) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("\"NPI\",\"NPPES Deactivation Date\"\n");
      for (int i = 0; i < rows; i++) {
        out.write("\"" + npi(100_000_000L + i) + "\",\"01/15/2024\"\n");
      }
    }
  }

  @Test
  void aCommandLineIngestKilledMidLoadIsFailedAndItsRetryPublishes() throws Exception {
    Path incoming = Files.createDirectories(settings.home().resolve("incoming"));
    Path report = incoming.resolve("NPPES_Deactivated_NPI_Report_kill_test.csv");
    writeReport(report, 2_000_000);
    Path childHome = Files.createDirectories(settings.home().resolve("cli-child"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "com.medsales.MedsalesApplication",
                    "ingest",
                    "nppes-deactivations",
                    report.toString(),
                    "--medsales.home=" + childHome,
                    "--medsales.db.host=localhost",
                    "--medsales.db.port=" + database.port(),
                    "--medsales.db.user=" + database.user()))
            .redirectErrorStream(true)
            .redirectOutput(childHome.resolve("child.log").toFile())
            .start();

    // mid-load: the run is RUNNING (its lock held) and has read part of its file
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                runs.find(latestRun())
                    .filter(r -> r.status() == IngestionRun.Status.RUNNING && r.bytesRead() > 0)
                    .isPresent());
    long id = latestRun();
    assertThat(child.isAlive()).isTrue();
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs.current(id).orElseThrow().status() == IngestionRun.Status.FAILED);
    assertThat(runs.current(id).orElseThrow().error()).contains("process running it stopped");

    writeReport(
        report, 20); // the operator fixes the file; the worker of this process runs the retry
    IngestionRun retried = ingestion.retry(id);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> runs.find(retried.id()).orElseThrow().status() == IngestionRun.Status.PUBLISHED);
  }

  long latestRun() {
    return runs.recent(Dataset.NPPES, 1).stream()
        .filter(r -> r.kind().equals("nppes-deactivations"))
        .mapToLong(IngestionRun::id)
        .findFirst()
        .orElse(-1);
  }
}
