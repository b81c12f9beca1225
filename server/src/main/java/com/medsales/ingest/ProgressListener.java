package com.medsales.ingest;

/**
 * Watches a run: the command line draws a progress bar with it. Called about once a second, and at
 * the end.
 */
public interface ProgressListener {

  ProgressListener NONE = progress -> {};

  void onProgress(Progress progress);

  /**
   * @param totalBytes the source's size, or -1 when unknown
   * @param elapsedNanos since the run started
   */
  record Progress(
      String phase,
      long bytesRead,
      long totalBytes,
      long rowsRead,
      long rowsRejected,
      long elapsedNanos) {}
}
