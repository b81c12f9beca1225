package com.medsales.platform;

import java.util.List;
import java.util.Map;

/**
 * Fields of the request break their rules, each named with its problem (400); a file that cannot be
 * taken as a whole may say why in {@link #properties()} instead (its rejected lines).
 */
public class InvalidFields extends RequestRefused {

  public InvalidFields(Map<String, List<String>> fieldErrors) {
    this(
        "The request has invalid fields: " + String.join(", ", fieldErrors.keySet()) + ".",
        fieldErrors);
  }

  public InvalidFields(String message, Map<String, List<String>> fieldErrors) {
    super(message, fieldErrors);
  }

  protected InvalidFields(
      String message, Map<String, List<String>> fieldErrors, Map<String, Object> properties) {
    super(message, fieldErrors, properties);
  }

  public static InvalidFields of(String field, String problem) {
    return new InvalidFields(field + ": " + problem, Map.of(field, List.of(problem)));
  }

  /**
   * One field's problems, with a message that is a sentence naming it ({@code "slug must be 2 to 63
   * lower-case letters."}), for callers that show only the message, such as the command line.
   */
  public static InvalidFields named(String field, List<String> problems) {
    return new InvalidFields(
        field + " " + String.join("; ", problems) + ".", Map.of(field, problems));
  }
}
