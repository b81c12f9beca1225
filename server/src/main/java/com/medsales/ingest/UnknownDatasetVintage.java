package com.medsales.ingest;

/**
 * A file's header matches no known vintage of its dataset's layout: nothing is loaded. The message
 * names the dataset, the vintage it looks like and the columns that vintage has and the file lacks,
 * never the file's own columns: a file that was not recognised may not be what it claims to be
 * (issue 17: the API once echoed /etc/passwd this way).
 */
public final class UnknownDatasetVintage extends Exception {

  public UnknownDatasetVintage(String message) {
    super(message);
  }
}
