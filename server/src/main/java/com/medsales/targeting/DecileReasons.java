package com.medsales.targeting;

import java.util.Collection;
import java.util.Map;

/**
 * Why providers joined a dynamic list, in the words of market-basket segments ("decile 8 in 2024"),
 * for rules that name a basket. The seam for the segments module: until it provides one, {@code
 * internal.NoDecileReasons} answers nothing and a joining provider "matches the rule".
 */
public interface DecileReasons {

  /**
   * The reason text (without "joined: ") of each of {@code npis} that the rule's basket explains;
   * the others absent.
   */
  Map<Long, String> joined(String rule, Collection<Long> npis);
}
