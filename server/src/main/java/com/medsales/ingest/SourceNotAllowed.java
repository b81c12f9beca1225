package com.medsales.ingest;

import com.medsales.platform.InvalidFields;
import java.util.List;
import java.util.Map;

/**
 * A source that a run asked for through the API may not read ({@code MEDSALES_INGEST_DIRS}, {@code
 * MEDSALES_INGEST_HOSTS}). Its message names the rule, never what is at the source.
 */
public final class SourceNotAllowed extends InvalidFields {
  SourceNotAllowed(String rule) {
    super(message(rule), Map.of("source", List.of(message(rule))));
  }

  private static String message(String rule) {
    return "The source " + rule + ".";
  }
}
