package com.medsales.provider.search;

import java.util.Locale;

/** Which registry status a search keeps: ACTIVE (the default), DEACTIVATED or ANY; any case. */
public enum Status {
  ACTIVE,
  DEACTIVATED,
  ANY;

  /**
   * The status a parameter names, or an {@link IllegalArgumentException} whose message is the
   * 400's.
   */
  public static Status parse(String text) {
    for (Status status : values()) {
      if (status.name().equals(text.toUpperCase(Locale.ROOT))) {
        return status;
      }
    }
    throw new IllegalArgumentException("must be ACTIVE, DEACTIVATED or ANY");
  }
}
