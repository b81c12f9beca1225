package com.medsales.utilization;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's Medicare Part D year: claims, 30-day fills (not in the 2013 release), cost, the
 * brand and generic split of claims, the top drugs by claims, and percent ranks among providers of
 * the same type in the same state.
 *
 * @param suppressedRows rows whose beneficiary count or 65-and-over figures CMS suppressed
 */
public record PartDYear(
    int year,
    @Nullable String providerType,
    @Nullable String state,
    BigDecimal claims,
    @Nullable BigDecimal thirtyDayFills,
    BigDecimal drugCost,
    BigDecimal brandClaims,
    BigDecimal genericClaims,
    int rows,
    int suppressedRows,
    List<Drug> topDrugs,
    @Nullable BigDecimal claimsPercentile,
    @Nullable BigDecimal costPercentile)
    implements java.io.Serializable {

  public record Drug(
      String brandName,
      @Nullable String genericName,
      @Nullable BigDecimal claims,
      @Nullable BigDecimal drugCost)
      implements java.io.Serializable {}
}
