package com.medsales.platform;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Someone else changed the record since the caller read it (409). The ProblemDetail carries what
 * the caller needs to merge or reload: {@code current}, the record as it is now, or {@code
 * currentVersion}, the version it is at.
 */
public class StaleVersion extends RequestRefused {

  public StaleVersion(String message, @Nullable Object current) {
    super(message, Map.of(), current == null ? Map.of() : Map.of("current", current));
  }

  private StaleVersion(String message, Map<String, Object> properties) {
    super(message, Map.of(), properties);
  }

  /**
   * A refusal that carries only the record's version as it is now ({@code currentVersion}), not the
   * record.
   */
  public static StaleVersion atVersion(String message, long currentVersion) {
    return new StaleVersion(message, Map.<String, Object>of("currentVersion", currentVersion));
  }

  /** The record as it is now, when the refusal carries it. */
  public @Nullable Object current() {
    return properties().get("current");
  }
}
