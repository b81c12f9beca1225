package com.medsales.platform;

import java.util.List;
import java.util.Map;

/** Fields of the request break their rules, each named with its problem (400). */
public class InvalidFields extends RequestRefused {

  public InvalidFields(Map<String, List<String>> fieldErrors) {
    this("The request has invalid fields: " + String.join(", ", fieldErrors.keySet()) + ".", fieldErrors);
  }

  public InvalidFields(String message, Map<String, List<String>> fieldErrors) {
    super(message, fieldErrors);
  }

  public static InvalidFields of(String field, String problem) {
    return new InvalidFields(field + ": " + problem, Map.of(field, List.of(problem)));
  }
}
