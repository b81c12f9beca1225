package com.medsales.testing;

import static org.awaitility.Awaitility.await;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;
import java.time.Duration;
import java.util.Objects;

/**
 * Loads a file now, waiting while another run of the dataset holds its lock: test classes share a
 * Spring context, and a job another class queued (a failed run's retry, say) may be running when
 * this one wants the dataset.
 */
public final class Ingestions {

  private Ingestions() {}

  /**
   * Runs the load in the calling thread (so that its transaction and security context are the
   * test's), again every 250 ms for up to 60 s while it fails because the dataset is "in progress";
   * any other failure is thrown at once.
   */
  public static IngestionRun runWhenFree(Ingestion ingestion, String kind, String file) {
    return await("a " + kind + " run of " + file + " while the dataset is busy")
        .atMost(Duration.ofSeconds(60))
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsMatching(
            e ->
                e instanceof Ingestion.IngestionFailed
                    && String.valueOf(e.getMessage()).contains("in progress"))
        .until(() -> ingestion.runNow(kind, file, ProgressListener.NONE), Objects::nonNull);
  }
}
