package com.medsales.targeting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The manager home's panel "coverage of deciles 8-10 of each basket by called providers": for each
 * market basket, how many of its top-decile providers {@code callers} called. The seam for the
 * segments module: until it provides one, {@code internal.NoDecileCoverage} answers empty and the
 * panel is not shown.
 */
public interface DecileCoverage {

  record BasketCoverage(String basket, long topDecileProviders, long called, double percent) {}

  /** Empty when no segment API exists: the home page then leaves the panel out. */
  Optional<List<BasketCoverage>> coverage(Collection<UUID> callers);
}
