package com.medsales.platform;

import org.jspecify.annotations.Nullable;

/** Someone else changed the record since the caller read it (409); {@link #current()} is the record as it is now. */
public class StaleVersion extends RequestRefused {

  private final @Nullable Object current;

  public StaleVersion(String message, @Nullable Object current) {
    super(message);
    this.current = current;
  }

  public @Nullable Object current() {
    return current;
  }
}
