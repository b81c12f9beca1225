package com.medsales.testing;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;

/**
 * Loads a file now, waiting while another run of the dataset holds its lock: test classes share a Spring context, and
 * a job another class queued (a failed run's retry, say) may be running when this one wants the dataset.
 */
public final class Ingestions {

  private Ingestions() {}

  public static IngestionRun runWhenFree(Ingestion ingestion, String kind, String file) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        return ingestion.runNow(kind, file, ProgressListener.NONE);
      } catch (Ingestion.IngestionFailed e) {
        if (!String.valueOf(e.getMessage()).contains("in progress") || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }
}
