package com.medsales.platform;

import java.util.Map;

/**
 * The record as it is now does not allow this (409): a run that has not failed cannot be retried, a
 * territory with territories under it cannot be deleted. The message says what to do first; {@link
 * #properties()} what stands in the way.
 */
public class ConflictingState extends RequestRefused {

  public ConflictingState(String message) {
    super(message);
  }

  public ConflictingState(String message, Map<String, Object> properties) {
    super(message, Map.of(), properties);
  }
}
