package com.medsales.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a loader sees of its run: rejects are buffered and written in batches; progress is
 * throttled.
 */
final class RunContext implements LoadContext {

  private static final int REJECT_BATCH = 500;

  /**
   * Stop early, rather than read a 10 GB file that is plainly wrong: this many rejects at more than
   * the share.
   */
  private static final long EARLY_FAILURE_REJECTS = 10_000;

  private final long runId;
  private final String sourceName;
  private final IngestionRuns runs;
  private final double maxRejectShare;
  private final ProgressListener listener;
  private String kind;
  private final long startNanos = System.nanoTime();
  private final List<Reject> pending = new ArrayList<>();
  private @Nullable Path file;
  private long totalBytes = -1;
  private long rejects;
  private long lastListenerNanos;
  private long lastRecordNanos;
  private long rowsReadSoFar;
  private String lastPhase = "starting";
  private long lastBytes;
  private long lastRowsLoaded;

  private final @Nullable Integer requestedYear;

  RunContext(
      long runId,
      String sourceName,
      @Nullable Integer requestedYear,
      IngestionRuns runs,
      double maxRejectShare,
      ProgressListener listener,
      String kind) {
    this.runId = runId;
    this.requestedYear = requestedYear;
    this.sourceName = sourceName;
    this.runs = runs;
    this.maxRejectShare = maxRejectShare;
    this.listener = listener;
    this.kind = kind;
  }

  void useFile(Path file) throws java.io.IOException {
    this.file = file;
    this.totalBytes = java.nio.file.Files.size(file);
  }

  @Override
  public long runId() {
    return runId;
  }

  @Override
  public Path file() {
    if (file == null) {
      throw new IllegalStateException("source not resolved yet");
    }
    return file;
  }

  @Override
  public @Nullable Integer requestedYear() {
    return requestedYear;
  }

  @Override
  public String sourceName() {
    return sourceName;
  }

  @Override
  public void reject(Reject reject) {
    rejects++;
    pending.add(reject);
    if (pending.size() >= REJECT_BATCH) {
      flush();
    }
    if (rejects >= EARLY_FAILURE_REJECTS && rejects > rowsReadSoFar * maxRejectShare) {
      throw new EarlyFailure(new TooManyRejects(rejects, rowsReadSoFar, maxRejectShare));
    }
  }

  @Override
  public long rejectCount() {
    return rejects;
  }

  @Override
  public void checkRejectThreshold(long rowsRead) throws TooManyRejects {
    if (rejects > rowsRead * maxRejectShare) {
      throw new TooManyRejects(rejects, rowsRead, maxRejectShare);
    }
  }

  @Override
  public void progress(String phase, long bytesRead, long rowsRead, long rowsLoaded) {
    rowsReadSoFar = rowsRead;
    lastPhase = phase;
    lastBytes = bytesRead;
    lastRowsLoaded = rowsLoaded;
    long now = System.nanoTime();
    if (now - lastListenerNanos >= 1_000_000_000L || bytesRead == totalBytes) {
      lastListenerNanos = now;
      listener.onProgress(
          new ProgressListener.Progress(
              phase, bytesRead, totalBytes, rowsRead, rejects, now - startNanos));
    }
    if (now - lastRecordNanos >= 2_000_000_000L) {
      lastRecordNanos = now;
      runs.progress(runId, phase, bytesRead, rowsRead, rowsLoaded, rejects);
    }
  }

  @Override
  public void sourceDigest(String sha256, long size) {
    runs.digest(runId, sha256, size);
  }

  @Override
  public void recognisedAs(String kind) {
    if (!kind.equals(this.kind)) {
      runs.kind(runId, kind);
      this.kind = kind;
    }
  }

  @Override
  public Optional<String> lastPublishedSha256() {
    return runs.lastPublishedSha256(kind);
  }

  /**
   * Writes the latest counts to the run's record (they are otherwise written every two seconds).
   */
  void recordProgress() {
    runs.progress(runId, lastPhase, lastBytes, rowsReadSoFar, lastRowsLoaded, rejects);
  }

  void flush() {
    runs.addRejects(runId, List.copyOf(pending));
    pending.clear();
  }

  void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException ignored) {
      // the database may be the reason the run failed
    }
  }

  /** Thrown from {@link #reject} to end a hopeless run at once. */
  static final class EarlyFailure extends RuntimeException {
    EarlyFailure(TooManyRejects cause) {
      super(cause.getMessage(), cause);
    }
  }
}
