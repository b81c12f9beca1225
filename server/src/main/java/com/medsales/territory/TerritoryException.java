package com.medsales.territory;

import java.util.List;
import java.util.Map;

/**
 * A refused territory operation; the web layer turns each kind into its ProblemDetail. {@code properties} travel with
 * it (the current version on a conflict, the rejected lines of an alignment file).
 */
public class TerritoryException extends RuntimeException {

  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final Map<String, List<String>> fieldErrors;
  private final Map<String, Object> properties;

  public TerritoryException(Kind kind, String message, Map<String, List<String>> fieldErrors, Map<String, Object> properties) {
    super(message);
    this.kind = kind;
    this.fieldErrors = fieldErrors;
    this.properties = properties;
  }

  public static TerritoryException invalid(String field, String problem) {
    return new TerritoryException(Kind.INVALID, "The request has invalid fields.", Map.of(field, List.of(problem)), Map.of());
  }

  public static TerritoryException notFound(String what) {
    return new TerritoryException(Kind.NOT_FOUND, what + " was not found.", Map.of(), Map.of());
  }

  public static TerritoryException conflict(String message, Map<String, Object> properties) {
    return new TerritoryException(Kind.CONFLICT, message, Map.of(), properties);
  }

  public Kind kind() {
    return kind;
  }

  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
