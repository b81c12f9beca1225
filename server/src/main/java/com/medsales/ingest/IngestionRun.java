package com.medsales.ingest;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One ingestion run as recorded. */
public record IngestionRun(
    long id,
    Dataset dataset,
    String kind,
    String source,
    String sourceName,
    @Nullable Long sourceSize,
    @Nullable String sourceSha256,
    @Nullable Integer dataYear,
    Status status,
    @Nullable String phase,
    long bytesRead,
    long rowsRead,
    long rowsLoaded,
    long rowsRejected,
    @Nullable Long recordCount,
    @Nullable Map<String, Long> changes,
    @Nullable String error,
    @Nullable Long jobId,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt) {

  public enum Status {
    QUEUED,
    RUNNING,
    PUBLISHED,
    FAILED,
    /** Nothing to do: the same file was already published. */
    SKIPPED
  }

  /** Percent of the source read, when its size is known. */
  public @Nullable Double progressPercent() {
    if (status == Status.PUBLISHED || status == Status.SKIPPED) {
      return 100.0;
    }
    if (sourceSize == null || sourceSize <= 0 || status == Status.QUEUED) {
      return null;
    }
    return Math.min(100.0, Math.round(bytesRead * 1000.0 / sourceSize) / 10.0);
  }
}
