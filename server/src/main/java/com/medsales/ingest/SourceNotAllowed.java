package com.medsales.ingest;

/**
 * A source that a run asked for through the API may not read ({@code MEDSALES_INGEST_DIRS},
 * {@code MEDSALES_INGEST_HOSTS}). Its message names the rule, never what is at the source.
 */
public final class SourceNotAllowed extends IllegalArgumentException {
  SourceNotAllowed(String rule) {
    super("The source " + rule + ".");
  }
}
