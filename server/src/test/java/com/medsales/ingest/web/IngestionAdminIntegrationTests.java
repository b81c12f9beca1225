package com.medsales.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.testing.SignedIn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API hands runs to the ingestion worker through the job queue, and shows how they went.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class IngestionAdminIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  @Autowired com.medsales.platform.MedsalesSettings settings;
  @Autowired com.medsales.ingest.IngestionRuns runs;

  /**
   * The default ingestion directory, MEDSALES_HOME/incoming: what a run asked for through the API
   * may read.
   */
  Path incoming() throws IOException {
    return Files.createDirectories(settings.home().resolve("incoming"));
  }

  @Test
  void queuesARunThatTheWorkerPublishesThenShowsItWithItsRejects() throws IOException {
    Path file = incoming().resolve("npidata_pfile_2020_head_19.csv");
    try (InputStream in =
        getClass().getResourceAsStream("/demo/nppes/npidata_pfile_2020_head_19.csv")) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    var started =
        mvc.post()
            .uri("/api/v1/admin/ingestion/runs")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"dataset\": \"nppes-weekly\", \"source\": \"" + file + "\"}")
            .exchange();

    assertThat(started).hasStatus(202);
    assertThat(started).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
    long id =
        JsonMapper.builder()
            .build()
            .readTree(started.getResponse().getContentAsString())
            .get("id")
            .asLong();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mvc.get()
                    .uri("/api/v1/admin/ingestion/runs/" + id)
                    .exchange()
                    .getResponse()
                    .getContentAsString()
                    .contains("\"PUBLISHED\""));

    var run = mvc.get().uri("/api/v1/admin/ingestion/runs/" + id).exchange();
    assertThat(run).bodyJson().extractingPath("$.kind").isEqualTo("nppes-weekly");
    assertThat(run).bodyJson().extractingPath("$.dataset").isEqualTo("nppes");
    assertThat(run).bodyJson().extractingPath("$.rowsRead").isEqualTo(19);
    assertThat(run).bodyJson().extractingPath("$.progressPercent").isEqualTo(100.0);
    assertThat(run).bodyJson().extractingPath("$.rejects").asArray().isEmpty();
    assertThat(mvc.get().uri("/api/v1/admin/ingestion/runs?dataset=nppes").exchange())
        .bodyJson()
        .extractingPath("$.items[0].id")
        .isEqualTo((int) id);

    // a published run is not retried
    assertThat(mvc.post().uri("/api/v1/admin/ingestion/runs/" + id + "/retry").exchange())
        .hasStatus(409);
  }

  /**
   * A file that is not what it claims (a copy of /etc/passwd): the run fails without quoting a line
   * of it.
   */
  @Test
  void aFailedRunCanBeRetriedAndItsErrorQuotesNothingOfTheFile() throws Exception {
    var failures =
        meters
            .get("medsales.ingestion.runs")
            .tag("dataset", "nppes")
            .tag("status", "FAILED")
            .counter();
    double failuresBefore = failures.count();
    Path passwd =
        Files.writeString(
            incoming().resolve("npidata.csv"), "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1::/:\n");
    var started =
        mvc.post()
            .uri("/api/v1/admin/ingestion/runs")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"dataset\": \"nppes-weekly\", \"source\": \"" + passwd + "\"}")
            .exchange();
    long id =
        JsonMapper.builder()
            .build()
            .readTree(started.getResponse().getContentAsString())
            .get("id")
            .asLong();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mvc.get()
                    .uri("/api/v1/admin/ingestion/runs/" + id)
                    .exchange()
                    .getResponse()
                    .getContentAsString()
                    .contains("\"FAILED\""));
    assertThat(
            mvc.get()
                .uri("/api/v1/admin/ingestion/runs/" + id)
                .exchange()
                .getResponse()
                .getContentAsString())
        .contains("\"error\"")
        .doesNotContain("root:x")
        .doesNotContain("/bin/bash");
    // what the ingestion-failure alert watches (at least this run: the listing may also fail
    // another test's orphaned run)
    assertThat(failures.count()).isGreaterThanOrEqualTo(failuresBefore + 1);

    var retried = mvc.post().uri("/api/v1/admin/ingestion/runs/" + id + "/retry").exchange();

    assertThat(retried).hasStatus(202);
    assertThat(retried).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
    assertThat(retried).bodyJson().extractingPath("$.sourceName").isEqualTo("npidata.csv");
  }

  /** The attack of issue 17: a server file and a loopback URL. Refused before a run exists. */
  @Test
  void refusesAServerFileOrALoopbackUrlBeforeARunExists() throws Exception {
    long before = runs.recent(null, 500).size();
    for (String source :
        List.of(
            "/etc/passwd",
            "http://127.0.0.1:8282/actuator/prometheus",
            "https://127.0.0.1:8282/actuator/prometheus",
            "https://169.254.169.254/latest/meta-data/",
            "https://example.com/npidata.csv",
            settings.home().resolve("incoming") + "/../pgdata/postgresql.conf")) {
      var refused =
          mvc.post()
              .uri("/api/v1/admin/ingestion/runs")
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"dataset\": \"nppes-weekly\", \"source\": \"" + source + "\"}")
              .exchange();
      assertThat(refused).as(source).hasStatus(400);
      assertThat(refused).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");
      assertThat(refused.getResponse().getContentAsString()).doesNotContain("root:x");
    }
    assertThat(runs.recent(null, 500)).hasSize((int) before);
  }

  /**
   * A run that the command line started on any path cannot be retried through the API on that path.
   */
  @Test
  void aRetryThroughTheApiIsConfinedAsARequestIs() {
    long id =
        runs.create(
            com.medsales.ingest.Dataset.NPPES,
            "nppes-weekly",
            "/etc/passwd",
            "passwd",
            null,
            com.medsales.ingest.IngestionRun.Status.FAILED);

    var refused = mvc.post().uri("/api/v1/admin/ingestion/runs/" + id + "/retry").exchange();

    assertThat(refused).hasStatus(400);
    assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");
  }

  @Test
  void refusesAnUnknownDatasetOrABlankSourceWithAProblemDetail() {
    var unknown =
        mvc.post()
            .uri("/api/v1/admin/ingestion/runs")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"dataset\": \"nppes-daily\", \"source\": \"/tmp/x.csv\"}")
            .exchange();
    assertThat(unknown).hasStatus(400);
    assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dataset");

    var blank =
        mvc.post()
            .uri("/api/v1/admin/ingestion/runs")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"dataset\": \"nppes\", \"source\": \" \"}")
            .exchange();
    assertThat(blank).hasStatus(400);
    assertThat(blank).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(blank).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");

    assertThat(mvc.get().uri("/api/v1/admin/ingestion/runs/999999").exchange()).hasStatus(404);
  }
}
