package com.medsales.platform;

import java.util.List;
import java.util.Map;

/**
 * What the request would create exists already (409): a name or number taken. {@link
 * #fieldErrors()} name the field that collides; {@link #properties()} say what the caller may know
 * of what exists.
 */
public class AlreadyExists extends RequestRefused {

  public AlreadyExists(String message) {
    super(message);
  }

  public AlreadyExists(String message, Map<String, Object> properties) {
    super(message, Map.of(), properties);
  }

  public AlreadyExists(
      String message, Map<String, List<String>> fieldErrors, Map<String, Object> properties) {
    super(message, fieldErrors, properties);
  }
}
