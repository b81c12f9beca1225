package com.medsales.provider.search;

import java.util.Arrays;
import java.util.Locale;

/**
 * The order of a search's page: relevance (by name), name, distance (from near), or a volume,
 * highest first: services (Part B), claims (Part D), payments (Open Payments), basketVolume (the
 * volume in the search's basket). Any case.
 */
public enum SearchSort {
  RELEVANCE,
  NAME,
  DISTANCE,
  SERVICES,
  CLAIMS,
  PAYMENTS,
  BASKETVOLUME;

  /**
   * The sort a parameter names, or an {@link IllegalArgumentException} whose message is the 400's.
   */
  public static SearchSort parse(String text) {
    for (SearchSort sort : values()) {
      if (sort.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return sort;
      }
    }
    throw new IllegalArgumentException(
        "must be one of " + Arrays.stream(values()).map(SearchSort::parameter).toList());
  }

  /** As the sort parameter spells it: {@code basketVolume}, the others in lower case. */
  String parameter() {
    return this == BASKETVOLUME ? "basketVolume" : name().toLowerCase(Locale.ROOT);
  }

  /** Whether the page's key is a volume, highest first (its cursor's key is a number). */
  boolean byVolume() {
    return this == SERVICES || this == CLAIMS || this == PAYMENTS || this == BASKETVOLUME;
  }
}
