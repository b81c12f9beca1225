package com.medsales.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import com.medsales.testing.SignedIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/** The admin API hands runs to the ingestion worker through the job queue, and shows how they went. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class IngestionAdminIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  @TempDir Path dir;

  @Test
  void queuesARunThatTheWorkerPublishesThenShowsItWithItsRejects() throws IOException {
    Path file = dir.resolve("npidata_pfile_2020_head_19.csv");
    try (InputStream in = getClass().getResourceAsStream("/demo/nppes/npidata_pfile_2020_head_19.csv")) {
      Files.copy(in, file);
    }

    var started = mvc.post().uri("/api/v1/admin/ingestion/runs").contentType(MediaType.APPLICATION_JSON)
        .content("{\"dataset\": \"nppes-weekly\", \"source\": \"" + file + "\"}").exchange();

    assertThat(started).hasStatus(202);
    assertThat(started).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
    long id = JsonMapper.builder().build().readTree(started.getResponse().getContentAsString()).get("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        mvc.get().uri("/api/v1/admin/ingestion/runs/" + id).exchange().getResponse().getContentAsString().contains("\"PUBLISHED\""));

    var run = mvc.get().uri("/api/v1/admin/ingestion/runs/" + id).exchange();
    assertThat(run).bodyJson().extractingPath("$.kind").isEqualTo("nppes-weekly");
    assertThat(run).bodyJson().extractingPath("$.dataset").isEqualTo("nppes");
    assertThat(run).bodyJson().extractingPath("$.rowsRead").isEqualTo(19);
    assertThat(run).bodyJson().extractingPath("$.progressPercent").isEqualTo(100.0);
    assertThat(run).bodyJson().extractingPath("$.rejects").asArray().isEmpty();
    assertThat(mvc.get().uri("/api/v1/admin/ingestion/runs?dataset=nppes").exchange())
        .bodyJson().extractingPath("$.items[0].id").isEqualTo((int) id);

    // a published run is not retried
    assertThat(mvc.post().uri("/api/v1/admin/ingestion/runs/" + id + "/retry").exchange()).hasStatus(409);
  }

  @Test
  void aFailedRunCanBeRetried() throws Exception {
    var failures = meters.get("medsales.ingestion.runs").tag("dataset", "nppes").tag("status", "FAILED").counter();
    double failuresBefore = failures.count();
    var started = mvc.post().uri("/api/v1/admin/ingestion/runs").contentType(MediaType.APPLICATION_JSON)
        .content("{\"dataset\": \"nppes-weekly\", \"source\": \"/no/such/npidata.csv\"}").exchange();
    long id = JsonMapper.builder().build().readTree(started.getResponse().getContentAsString()).get("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        mvc.get().uri("/api/v1/admin/ingestion/runs/" + id).exchange().getResponse().getContentAsString().contains("\"FAILED\""));
    assertThat(mvc.get().uri("/api/v1/admin/ingestion/runs/" + id).exchange())
        .bodyJson().extractingPath("$.error").asString().contains("No such file");
    assertThat(failures.count()).isEqualTo(failuresBefore + 1); // what the ingestion-failure alert watches

    var retried = mvc.post().uri("/api/v1/admin/ingestion/runs/" + id + "/retry").exchange();

    assertThat(retried).hasStatus(202);
    assertThat(retried).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
    assertThat(retried).bodyJson().extractingPath("$.sourceName").isEqualTo("npidata.csv");
  }

  @Test
  void refusesAnUnknownDatasetOrABlankSourceWithAProblemDetail() {
    var unknown = mvc.post().uri("/api/v1/admin/ingestion/runs").contentType(MediaType.APPLICATION_JSON)
        .content("{\"dataset\": \"nppes-daily\", \"source\": \"/tmp/x.csv\"}").exchange();
    assertThat(unknown).hasStatus(400);
    assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dataset");

    var blank = mvc.post().uri("/api/v1/admin/ingestion/runs").contentType(MediaType.APPLICATION_JSON)
        .content("{\"dataset\": \"nppes\", \"source\": \" \"}").exchange();
    assertThat(blank).hasStatus(400);
    assertThat(blank).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(blank).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");

    assertThat(mvc.get().uri("/api/v1/admin/ingestion/runs/999999").exchange()).hasStatus(404);
  }
}
