package com.medsales.utilization;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's Medicare Part B year: totals over the services CMS published for them, the top
 * procedures, and where they stand among providers of the same type in the same state.
 *
 * @param beneficiariesSummedOverServices the sum of each service's beneficiary count: a beneficiary
 *     seen for two services counts twice; null parts (fewer than 11, suppressed by CMS) are left
 *     out and counted in {@code suppressedRows}
 * @param suppressedRows how many of {@code rows} had their beneficiary count suppressed
 */
public record PartBYear(
    int year,
    @Nullable String providerType,
    @Nullable String state,
    BigDecimal services,
    @Nullable Long beneficiariesSummedOverServices,
    int rows,
    int suppressedRows,
    BigDecimal allowedAmount,
    BigDecimal paymentAmount,
    List<Procedure> topProcedures,
    @Nullable BigDecimal servicesPercentile,
    @Nullable BigDecimal paymentPercentile)
    implements java.io.Serializable {

  public record Procedure(String hcpcs, @Nullable String description, BigDecimal services)
      implements java.io.Serializable {}
}
