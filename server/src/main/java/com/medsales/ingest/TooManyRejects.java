package com.medsales.ingest;

/** A run refused more rows than the configured share: it fails and publishes nothing. */
public final class TooManyRejects extends Exception {
  public TooManyRejects(long rejects, long rows, double maxShare) {
    super(
        "%d of %d rows rejected (%.3f%%), more than the allowed %.3f%%; nothing was published. See the run's rejects."
            .formatted(rejects, rows, rows == 0 ? 100.0 : rejects * 100.0 / rows, maxShare * 100));
  }
}
