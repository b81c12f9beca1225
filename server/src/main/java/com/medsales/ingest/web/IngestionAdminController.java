package com.medsales.ingest.web;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.IngestionRuns;
import com.medsales.ingest.Reject;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of ingestion: runs with their progress, rejects and outcome; start a run;
 * retry a failed one. Runs started here go through the job queue to an ingestion worker.
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/admin/ingestion/runs")
@Tag(name = "Ingestion administration")
class IngestionAdminController {

  private final Ingestion ingestion;
  private final IngestionRuns runs;
  private final AuditTrail audit;

  IngestionAdminController(Ingestion ingestion, IngestionRuns runs, AuditTrail audit) {
    this.ingestion = ingestion;
    this.runs = runs;
    this.audit = audit;
  }

  record RunView(
      long id,
      String dataset,
      String kind,
      String sourceName,
      @Nullable Long sourceSize,
      @Nullable String sourceSha256,
      @Nullable Integer dataYear,
      String status,
      @Nullable String phase,
      @Nullable Double progressPercent,
      long bytesRead,
      long rowsRead,
      long rowsLoaded,
      long rowsRejected,
      @Nullable Long recordCount,
      @Nullable Map<String, Long> changes,
      @Nullable String error,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable List<Reject> rejects) {

    static RunView of(IngestionRun r, @Nullable List<Reject> rejects) {
      return new RunView(
          r.id(),
          r.dataset().key(),
          r.kind(),
          r.sourceName(),
          r.sourceSize(),
          r.sourceSha256(),
          r.dataYear(),
          r.status().name(),
          r.phase(),
          r.progressPercent(),
          r.bytesRead(),
          r.rowsRead(),
          r.rowsLoaded(),
          r.rowsRejected(),
          r.recordCount(),
          r.changes(),
          r.error(),
          r.createdAt(),
          r.startedAt(),
          r.finishedAt(),
          rejects);
    }
  }

  record RunList(List<RunView> items) {}

  record StartRun(
      @NotBlank(message = "must name a dataset") String dataset,
      @NotBlank(message = "must not be blank") String source,
      @Nullable
          @Min(value = 2000, message = "must be a data year")
          @Max(value = 2100, message = "must be a data year")
          Integer year) {}

  @GetMapping
  @Operation(summary = "Recent ingestion runs, newest first")
  RunList runs(
      @RequestParam(required = false) @Nullable String dataset,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    Dataset filter = dataset == null || dataset.isBlank() ? null : datasetOf(dataset);
    return new RunList(runs.recent(filter, limit).stream().map(r -> RunView.of(r, null)).toList());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One run with its first 100 rejected rows")
  RunView run(@PathVariable long id) {
    IngestionRun run = runs.current(id).orElseThrow(() -> new Ingestion.UnknownIngestionRun(id));
    return RunView.of(run, runs.rejects(id, 100));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Queue a run",
      description =
          "dataset: nppes, nppes-weekly, nppes-deactivations, partb, partd, openpayments[-research|-ownership]; source: a file in the worker's ingestion directories (MEDSALES_INGEST_DIRS) or an https URL on an allowed host (MEDSALES_INGEST_HOSTS); year: the data year of a CMS file, when its name does not tell it")
  RunView start(@Valid @RequestBody StartRun request) {
    IngestionRun run =
        ingestion.request(request.dataset(), request.source().strip(), request.year());
    audit.record(
        "ingestion.run-request",
        run.kind() + " #" + run.id(),
        AuditOutcome.SUCCESS,
        Map.of("source", run.sourceName()));
    return RunView.of(run, null);
  }

  @PostMapping("/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Queue a new run with the same dataset and source as a failed one")
  RunView retry(@PathVariable long id) {
    IngestionRun run = ingestion.retry(id);
    audit.record(
        "ingestion.run-retry",
        run.kind() + " #" + run.id(),
        AuditOutcome.SUCCESS,
        Map.of("retryOf", id));
    return RunView.of(run, null);
  }

  private static Dataset datasetOf(String key) {
    try {
      return Dataset.ofKey(key);
    } catch (IllegalArgumentException e) {
      throw new Ingestion.UnknownIngestionKind(
          key, List.of("nppes", "partB", "partD", "openPayments"));
    }
  }
}
