package com.medsales.platform;

/**
 * The record is not there for this caller: unknown, deleted, or another tenant's, which answer
 * alike (404).
 */
public class RecordNotFound extends RequestRefused {

  public RecordNotFound(String what) {
    super(what + " was not found.");
  }
}
