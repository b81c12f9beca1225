package com.medsales.platform;

import java.util.List;
import java.util.Map;

/**
 * A request refused for a fact of the domain: the record is not there, a field breaks a rule, the version is stale, the
 * record is gone, or the caller may not do it. Each subclass names its fact and carries no HTTP type; the platform's one
 * advice ({@code platform.web.ProblemDetailsAdvice}) turns each into its ProblemDetail. Modules throw these, or their
 * own subclasses of them named for a narrower fact.
 */
public abstract class RequestRefused extends RuntimeException {

  private final Map<String, List<String>> fieldErrors;

  protected RequestRefused(String message) {
    this(message, Map.of());
  }

  protected RequestRefused(String message, Map<String, List<String>> fieldErrors) {
    super(message);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  /** One entry per field and problem (the ProblemDetail's {@code errors}); empty when no field is at fault. */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }
}
