package com.medsales.platform.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for numbers a request carries, in query parameters and JSON bodies alike: finite (no
 * NaN, no infinity, no {@code 1e309} that overflows to one), below 10^15 in magnitude, and for
 * exact decimals at most 10 places. No count, distance, amount or coordinate of this application
 * comes near; PostgreSQL's numeric types would overflow on much larger ones.
 */
final class FiniteNumbers {

  static final double LIMIT = 1e15;
  static final int MAX_DECIMALS = 10;
  private static final BigDecimal BIG_LIMIT = BigDecimal.valueOf(LIMIT);

  private FiniteNumbers() {}

  static @Nullable String problem(double value) {
    if (!Double.isFinite(value)) {
      return "must be a finite number";
    }
    if (Math.abs(value) >= LIMIT) {
      return "must be below 1e15 in magnitude";
    }
    return null;
  }

  static @Nullable String problem(BigDecimal value) {
    if (value.abs().compareTo(BIG_LIMIT) >= 0) {
      return "must be below 1e15 in magnitude";
    }
    if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
      return "must have at most " + MAX_DECIMALS + " decimal places";
    }
    return null;
  }
}
