package com.medsales.platform;

/** The record was deleted longer ago than can be restored, or has expired (410). */
public class RecordGone extends RequestRefused {

  public RecordGone(String message) {
    super(message);
  }
}
