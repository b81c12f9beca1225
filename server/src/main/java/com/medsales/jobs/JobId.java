package com.medsales.jobs;

public record JobId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
