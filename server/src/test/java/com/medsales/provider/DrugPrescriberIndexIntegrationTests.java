package com.medsales.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.OwnerJdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rebuilds that meet (the job a publish queued, run by this context's worker, and two more started
 * by hand at the same moment) take turns: none fails, one builds the year, the others find it
 * fresh, and the table holds the year's sums.
 */
@SpringBootTest
class DrugPrescriberIndexIntegrationTests {

  @Autowired DrugPrescriberIndex index;
  @Autowired Ingestion ingestion;
  @Autowired BulkConnections bulk;
  @TempDir Path dir;

  @Test
  void concurrentRebuildsTakeTurns() throws Exception {
    Path file = dir.resolve("PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab");
    try (var in =
        getClass()
            .getResourceAsStream("/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab")) {
      Files.copy(in, file);
    }
    JdbcClient owner = OwnerJdbc.of(bulk);
    // stale from now: the year's record (if any) names other runs than the one published next
    owner.sql("DELETE FROM partd_drug_prescriber_build").update();
    ingestion.runNow("partd", file.toString(), 2012, ProgressListener.NONE);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<List<Integer>> refresh = index::refresh;
      List<Future<List<Integer>>> rebuilds = threads.invokeAll(List.of(refresh, refresh));
      List<Integer> rebuilt = new ArrayList<>();
      for (Future<List<Integer>> f : rebuilds) {
        rebuilt.addAll(f.get());
      }
      assertThat(rebuilt)
          .as("built once at most: the worker's job may have been first")
          .hasSizeLessThanOrEqualTo(1);
    } finally {
      threads.shutdown();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                owner
                        .sql(
                            "SELECT count(*) FROM partd_drug_prescriber_fresh WHERE data_year = 2012")
                        .query(Long.class)
                        .single()
                    == 1);
    assertThat(index.freshYear(2012)).isEqualTo(2012);
    String sums =
        "SELECT drug, npi, claims FROM (" + DrugPrescriberIndex.PRESCRIBERS.formatted(2012) + ") s";
    String table = "SELECT drug, npi, claims FROM partd_drug_prescriber WHERE data_year = 2012";
    assertThat(
            owner
                .sql("SELECT count(*) FROM partd_drug_prescriber WHERE data_year = 2012")
                .query(Long.class)
                .single())
        .isGreaterThan(1000);
    assertThat(
            owner
                .sql("SELECT count(*) FROM ((" + sums + ") EXCEPT ALL (" + table + ")) d")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            owner
                .sql("SELECT count(*) FROM ((" + table + ") EXCEPT ALL (" + sums + ")) d")
                .query(Long.class)
                .single())
        .isZero();
  }
}
