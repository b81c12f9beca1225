package com.medsales.ingest;

/**
 * Loads one kind of file into one dataset ({@code nppes}, {@code nppes-weekly}, ...). Modules that
 * own a dataset implement it; the ingestion framework finds loaders as beans and gives each run its
 * source, its reject sink and its progress reporting. A loader must leave the published data
 * untouched unless it publishes, in one transaction, at the end.
 */
public interface DatasetLoader {

  /** What users ask for: the CLI's {@code ingest <kind>} and the admin API's {@code dataset}. */
  String kind();

  Dataset dataset();

  /** A line for {@code ingest --help}. */
  String description();

  Outcome load(LoadContext context) throws Exception;

  /**
   * What a load did.
   *
   * @param published false when nothing changed (the same file again)
   * @param recordCount the published size of the dataset afterwards
   * @param changes counts by kind of change (new, updated, deactivated, reactivated), or empty
   */
  record Outcome(
      boolean published,
      long rowsLoaded,
      @org.jspecify.annotations.Nullable Long recordCount,
      java.util.Map<String, Long> changes,
      @org.jspecify.annotations.Nullable Integer dataYear) {}
}
