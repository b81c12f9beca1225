package com.medsales.ingest;

import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.ConflictingState;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Starts ingestion runs: now, in this process (the command line), or through the job queue for an
 * ingestion worker (the admin API, the schedule). Every run is recorded in {@link IngestionRuns}.
 */
@Service
public class Ingestion {

  public static final String QUEUE = "ingestion";
  public static final String JOB_TYPE = "ingest";

  private final Map<String, DatasetLoader> loaders = new TreeMap<>();
  private final IngestionRuns runs;
  private final RunExecutor executor;
  private final JobQueue queue;
  private final SourcePolicy policy;

  Ingestion(
      Collection<DatasetLoader> loaders, IngestionRuns runs, RunExecutor executor, JobQueue queue) {
    loaders.forEach(l -> this.loaders.put(l.kind(), l));
    this.runs = runs;
    this.executor = executor;
    this.queue = queue;
    this.policy = executor.policy();
  }

  /** The kinds that can be ingested, with their descriptions. */
  public Map<String, String> kinds() {
    Map<String, String> result = new TreeMap<>();
    loaders.forEach((kind, loader) -> result.put(kind, loader.description()));
    return result;
  }

  /**
   * Runs now, in this thread, and returns the finished run; a failure throws {@link
   * IngestionFailed}.
   */
  public IngestionRun runNow(String kind, String source, ProgressListener listener)
      throws IngestionFailed {
    return runNow(kind, source, null, listener);
  }

  /** As {@link #runNow(String, String, ProgressListener)}, for a given data year (CMS files). */
  public IngestionRun runNow(
      String kind, String source, @Nullable Integer year, ProgressListener listener)
      throws IngestionFailed {
    DatasetLoader loader = loader(kind);
    long runId =
        runs.create(
            loader.dataset(),
            kind,
            source,
            RunExecutor.sourceName(source),
            year,
            IngestionRun.Status.QUEUED);
    return executor.execute(runId, loader, listener, false);
  }

  /** Records a queued run and hands it to an ingestion worker. */
  public IngestionRun enqueue(String kind, String source) {
    return enqueue(kind, source, null);
  }

  /** As {@link #enqueue(String, String)}, for a given data year (CMS files). */
  public IngestionRun enqueue(String kind, String source, @Nullable Integer year) {
    return enqueue(loader(kind), source, year, false, null);
  }

  /**
   * A run asked for through the API: its source must be a file in the ingestion directories or an
   * https URL on an allowed host ({@link SourcePolicy}), else {@link SourceNotAllowed} and no run
   * exists; the worker checks it again when it reads it (the file's real path, every redirect hop).
   */
  public IngestionRun request(String kind, String source, @Nullable Integer year) {
    DatasetLoader loader = loader(kind);
    policy.check(source);
    return enqueue(loader, source, year, true, null);
  }

  private IngestionRun enqueue(
      DatasetLoader loader,
      String source,
      @Nullable Integer year,
      boolean confined,
      @Nullable Long retryOf) {
    String kind = loader.kind();
    long runId =
        runs.create(
            loader.dataset(),
            kind,
            source,
            RunExecutor.sourceName(source),
            year,
            IngestionRun.Status.QUEUED,
            confined,
            retryOf);
    // many attempts: a job whose dataset is busy with another run waits for it (with backoff)
    // instead of failing
    JobId job =
        queue.enqueue(
            JobRequest.of(QUEUE, JOB_TYPE, "{\"runId\": " + runId + "}").withMaxAttempts(30));
    runs.attachJob(runId, job.value());
    return runs.find(runId).orElseThrow();
  }

  /**
   * Queues a new run with the same kind and source as a failed one (the seed's "manual retry"),
   * asked for through the API: the source is confined as {@link #request}'s, whoever started the
   * failed run. A run whose process died is failed first ({@link IngestionRuns#failOrphaned}). The
   * new run keeps the failed one's place in the order of runs, so that it never publishes over a
   * newer file published meanwhile.
   */
  public IngestionRun retry(long runId) {
    runs.failOrphaned();
    IngestionRun failed = runs.find(runId).orElseThrow(() -> new UnknownIngestionRun(runId));
    if (failed.status() != IngestionRun.Status.FAILED) {
      throw new RunNotRetryable(runId, failed.status());
    }
    DatasetLoader loader = loader(failed.kind());
    policy.check(failed.source());
    return enqueue(loader, failed.source(), failed.dataYear(), true, runs.firstOfRetries(runId));
  }

  /**
   * Runs a queued run (the ingestion worker's job). Throws {@link DatasetBusy}, leaving the run
   * queued, while another run of the same dataset holds its lock.
   */
  public IngestionRun execute(long runId, ProgressListener listener) throws IngestionFailed {
    IngestionRun run = runs.find(runId).orElseThrow(() -> new UnknownIngestionRun(runId));
    return executor.execute(runId, loader(run.kind()), listener, true);
  }

  /** Another run of the dataset is in progress. */
  public static final class DatasetBusy extends IllegalStateException {
    DatasetBusy(Dataset dataset) {
      super("Another " + dataset.key() + " run is in progress");
    }
  }

  private DatasetLoader loader(String kind) {
    DatasetLoader loader = loaders.get(kind);
    if (loader == null) {
      throw new UnknownIngestionKind(kind, loaders.keySet());
    }
    return loader;
  }

  /** No loader for that kind: the request's {@code dataset} is refused. */
  public static final class UnknownIngestionKind extends InvalidFields {
    public UnknownIngestionKind(String kind, Collection<String> known) {
      this("Unknown dataset '" + kind + "'; known: " + String.join(", ", known));
    }

    private UnknownIngestionKind(String message) {
      super(message, Map.of("dataset", List.of(message)));
    }
  }

  /** No run with that id. */
  public static final class UnknownIngestionRun extends RecordNotFound {
    public UnknownIngestionRun(long id) {
      super("Ingestion run " + id);
    }
  }

  /** Only a failed run can be retried. */
  public static final class RunNotRetryable extends ConflictingState {
    RunNotRetryable(long id, IngestionRun.Status status) {
      super("Run " + id + " is " + status + "; only a FAILED run can be retried");
    }
  }

  /** A run failed; its record says why. */
  public static final class IngestionFailed extends Exception {
    private final long runId;

    public IngestionFailed(long runId, String message, Throwable cause) {
      super(message, cause);
      this.runId = runId;
    }

    public long runId() {
      return runId;
    }
  }
}
