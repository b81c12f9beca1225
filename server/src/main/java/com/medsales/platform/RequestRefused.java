package com.medsales.platform;

import java.util.List;
import java.util.Map;

/**
 * A request refused for a fact of the domain: the record is not there, a field breaks a rule, the
 * version is stale, the record exists already or is gone, its state stands in the way, the caller
 * may not do it, or a sign-in failed or is paused. Each subclass names its fact and carries no HTTP
 * type; the platform's one advice ({@code platform.web.ProblemDetailsAdvice}) turns each into its
 * ProblemDetail. Modules throw these, or their own subclasses of them named for a narrower fact
 * (which answer as the fact they extend).
 */
public abstract class RequestRefused extends RuntimeException {

  private final Map<String, List<String>> fieldErrors;
  private final Map<String, Object> properties;

  protected RequestRefused(String message) {
    this(message, Map.of(), Map.of());
  }

  protected RequestRefused(String message, Map<String, List<String>> fieldErrors) {
    this(message, fieldErrors, Map.of());
  }

  protected RequestRefused(
      String message, Map<String, List<String>> fieldErrors, Map<String, Object> properties) {
    super(message);
    // in the order given (field by field as the request has them, or sorted), which the
    // ProblemDetail's errors keep
    this.fieldErrors =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fieldErrors));
    this.properties =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  /**
   * One entry per field and problem (the ProblemDetail's {@code errors}); empty when no field is at
   * fault.
   */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /**
   * What else the caller needs to recover, each a member of the ProblemDetail beside {@code errors}
   * (the record as it is now, the rejected lines of a file, who owns what exists already); empty
   * when nothing.
   */
  public Map<String, Object> properties() {
    return properties;
  }
}
