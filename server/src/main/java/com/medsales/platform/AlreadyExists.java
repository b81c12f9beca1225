package com.medsales.platform;

import java.util.Map;

/** What the request would create exists already (409); {@link #properties()} say what the caller may know of it. */
public class AlreadyExists extends RequestRefused {

  private final Map<String, Object> properties;

  public AlreadyExists(String message) {
    this(message, Map.of());
  }

  public AlreadyExists(String message, Map<String, Object> properties) {
    super(message);
    this.properties = Map.copyOf(properties);
  }

  /** Extra members of the ProblemDetail (for example {@code current} naming the owner). */
  public Map<String, Object> properties() {
    return properties;
  }
}
