package com.medsales.targeting.internal;

import com.medsales.targeting.DecileReasons;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** No market-basket segments yet: no decile reasons (replaced once segments exist). */
@Component
class NoDecileReasons implements DecileReasons {

  @Override
  public Map<Long, String> joined(String rule, Collection<Long> npis) {
    return Map.of();
  }
}
