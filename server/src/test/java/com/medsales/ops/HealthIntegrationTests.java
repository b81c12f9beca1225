package com.medsales.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.DataFreshness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
class HealthIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired DataFreshness freshness;

  @AfterEach
  void clearRuns() {
    jdbc.sql("DELETE FROM ingestion_run").update();
    freshness.evict();
  }

  @Test
  void reportsTheSeedShapeWithDatabaseUpAndRedisDisabled() {
    var result = mvc.get().uri("/health").exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
    assertThat(result).bodyJson().extractingPath("$.components.database.status").isEqualTo("UP");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.components.database.responseTimeMs")
        .asNumber()
        .isNotNull();
    assertThat(result).bodyJson().extractingPath("$.components.redis.status").isEqualTo("DISABLED");
    assertThat(result).bodyJson().extractingPath("$.components.diskSpace.status").isEqualTo("UP");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.components.diskSpace.freeBytes")
        .asNumber()
        .isNotNull();
    for (String dataset : new String[] {"nppes", "partB", "partD", "openPayments"}) {
      assertThat(result)
          .bodyJson()
          .hasPathSatisfying("$.dataFreshness." + dataset, v -> v.assertThat().isNull());
    }
  }

  @Test
  void showsTheLatestPublishedRunOfEachDataset() {
    insertRun("nppes", "PUBLISHED", "2026-01-15T02:00:00Z", 5_000_000L, null);
    insertRun("nppes", "PUBLISHED", "2026-02-15T02:00:00Z", 5_234_567L, null);
    insertRun("nppes", "FAILED", "2026-03-15T02:00:00Z", null, null);
    insertRun("partD", "PUBLISHED", "2026-01-10T02:00:00Z", 26_000_000L, 2024);
    freshness.evict();

    var result = mvc.get().uri("/health").exchange();

    assertThat(result)
        .bodyJson()
        .extractingPath("$.dataFreshness.nppes.lastIngested")
        .isEqualTo("2026-02-15T02:00:00Z");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.dataFreshness.nppes.recordCount")
        .isEqualTo(5234567);
    assertThat(result).bodyJson().extractingPath("$.dataFreshness.partD.dataYear").isEqualTo(2024);
    assertThat(result)
        .bodyJson()
        .hasPathSatisfying("$.dataFreshness.partB", v -> v.assertThat().isNull());
  }

  @Test
  void anOlderYearLoadedLastDoesNotMakeTheDataYearOlder() {
    insertRun("partB", "PUBLISHED", "2026-01-10T02:00:00Z", 10_000_000L, 2023);
    insertRun("partB", "PUBLISHED", "2026-01-12T02:00:00Z", 9_000_000L, 2019);
    freshness.evict();

    var result = mvc.get().uri("/health").exchange();

    assertThat(result)
        .bodyJson()
        .extractingPath("$.dataFreshness.partB.lastIngested")
        .isEqualTo("2026-01-12T02:00:00Z");
    assertThat(result).bodyJson().extractingPath("$.dataFreshness.partB.dataYear").isEqualTo(2023);
  }

  @Test
  void countsOpenPaymentsGeneralPaymentsNotTheResearchOrOwnershipFileLoadedAfterThem() {
    insertRun("openPayments", "openpayments", "PUBLISHED", "2026-01-10T02:00:00Z", 130L, 2024);
    insertRun(
        "openPayments", "openpayments-research", "PUBLISHED", "2026-01-11T02:00:00Z", 3840L, 2014);
    insertRun(
        "openPayments", "openpayments-ownership", "PUBLISHED", "2026-01-12T02:00:00Z", 5L, 2016);
    freshness.evict();

    var result = mvc.get().uri("/health").exchange();

    assertThat(result)
        .bodyJson()
        .extractingPath("$.dataFreshness.openPayments.recordCount")
        .isEqualTo(130);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.dataFreshness.openPayments.lastIngested")
        .isEqualTo("2026-01-12T02:00:00Z");
  }

  @Test
  void neverShowsSecretsOrStackTraces() {
    var body = mvc.get().uri("/health").exchange().getResponse();
    assertThat(new String(body.getContentAsByteArray()))
        .doesNotContainIgnoringCase("password")
        .doesNotContain("jdbc:")
        .doesNotContain("Exception");
  }

  private void insertRun(
      String dataset, String status, String finishedAt, Long count, Integer year) {
    insertRun(dataset, dataset, status, finishedAt, count, year);
  }

  private void insertRun(
      String dataset, String kind, String status, String finishedAt, Long count, Integer year) {
    jdbc.sql(
            """
            INSERT INTO ingestion_run (dataset, kind, source, source_name, status, record_count, data_year, started_at, finished_at)
            VALUES (:dataset, :kind, 'test', 'test', :status, :count, :year, CAST(:finished AS timestamptz) - interval '1 hour',
                    CAST(:finished AS timestamptz))
            """)
        .param("dataset", dataset)
        .param("kind", kind)
        .param("status", status)
        .param("count", count)
        .param("year", year)
        .param("finished", finishedAt)
        .update();
  }
}
