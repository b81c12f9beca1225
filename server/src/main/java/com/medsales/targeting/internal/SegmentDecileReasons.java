package com.medsales.targeting.internal;

import com.medsales.platform.RecordNotFound;
import com.medsales.segment.Segments;
import com.medsales.targeting.DecileReasons;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A rule that names a market basket explains who joined by their national decile in the basket's
 * latest computed year: "decile 8 in 2024".
 */
@Component
class SegmentDecileReasons implements DecileReasons {

  private final Segments segments;

  SegmentDecileReasons(Segments segments) {
    this.segments = segments;
  }

  @Override
  public Map<Long, String> joined(String rule, Collection<Long> npis) {
    UUID basket = basketOf(rule);
    if (basket == null || npis.isEmpty()) {
      return Map.of();
    }
    try {
      Segments.Computation computation = segments.computation(basket, null);
      if (computation == null) {
        return Map.of();
      }
      Map<Long, String> reasons = new HashMap<>();
      for (Segments.NpiDecile d : segments.deciles(basket, computation.year(), npis)) {
        reasons.put(d.npi(), "decile " + d.decile() + " in " + computation.year());
      }
      return reasons;
    } catch (RecordNotFound gone) {
      // the basket was deleted since the rule was written
      return Map.of();
    }
  }

  /** The {@code basket} parameter of a rule (the query string of a provider search), if any. */
  static @Nullable UUID basketOf(String rule) {
    for (String pair : rule.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (name.equals("basket") && eq >= 0) {
        try {
          return UUID.fromString(
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim());
        } catch (IllegalArgumentException notAnId) {
          return null;
        }
      }
    }
    return null;
  }
}
