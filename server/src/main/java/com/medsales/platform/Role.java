package com.medsales.platform;

/**
 * What a MedSales process does. The embedded default plays every role in one process; production
 * runs {@link #API} and the workers as separate services from the same jar ({@code
 * MEDSALES_ROLES}).
 */
public enum Role {
  /** The REST API and the web app. */
  API,
  /** Runs ingestion jobs from the job queue. */
  INGESTION_WORKER,
  /** Runs notification jobs from the job queue. */
  NOTIFICATION_WORKER;

  /** The spelling used in configuration, e.g. {@code ingestion-worker}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
