package com.medsales.ingest;

import java.nio.file.Path;

/** What a {@link DatasetLoader} is given for one run. */
public interface LoadContext {

  long runId();

  /** The source, resolved to a local file (a download is already in the raw-file store). */
  Path file();

  /** The data year asked for ({@code --year}), or null to read it from the file or its name. */
  @org.jspecify.annotations.Nullable
  Integer requestedYear();

  /** The name people know the source by (the file name of a path or URL). */
  String sourceName();

  /** Records a refused row; never throws for a bad row. */
  void reject(Reject reject);

  long rejectCount();

  /**
   * Fails the run (nothing published) when rejects exceed the configured share of {@code rowsRead}.
   * Loaders call it before publishing.
   */
  void checkRejectThreshold(long rowsRead) throws TooManyRejects;

  /**
   * Reports progress: the phase and how far through the source. Cheap to call per row; throttled
   * inside.
   */
  void progress(String phase, long bytesRead, long rowsRead, long rowsLoaded);

  /** The source's SHA-256, once it has been read through. */
  void sourceDigest(String sha256, long size);

  /**
   * The file is of another kind than the run was asked for (a loader that recognises its dataset's
   * files from their header, as Open Payments' general, research and ownership files): the run is
   * recorded as that kind from now on.
   */
  void recognisedAs(String kind);

  /**
   * The SHA-256 of the source of the last published run of the same kind, to detect a re-run of the
   * same file.
   */
  java.util.Optional<String> lastPublishedSha256();
}
