package com.medsales.targeting.internal;

import com.medsales.targeting.DecileCoverage;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** No market-basket segments yet: no coverage panel (replaced once segments exist). */
@Component
class NoDecileCoverage implements DecileCoverage {

  @Override
  public Optional<List<BasketCoverage>> coverage(Collection<UUID> callers) {
    return Optional.empty();
  }
}
