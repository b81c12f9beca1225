package com.medsales.targeting;

import com.medsales.platform.InvalidFields;
import java.util.List;
import java.util.Map;

/**
 * A search (or a rule) matches more providers than a list takes at once: refused with the count, so
 * the user can narrow it.
 */
public class TooManyMatches extends InvalidFields {

  public TooManyMatches(long count, boolean atLeast, int limit) {
    super(
        "The search matches "
            + (atLeast ? "more than " : "")
            + String.format("%,d", count)
            + " providers; a list takes at most "
            + String.format("%,d", limit)
            + " at once. Narrow the search.",
        Map.of(
            "search",
            List.of(
                "matches "
                    + (atLeast ? "more than " : "")
                    + count
                    + " providers, more than "
                    + limit)),
        Map.of("count", count, "countIsAtLeast", atLeast, "limit", limit));
  }
}
