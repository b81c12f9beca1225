package com.medsales.payments;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's Open Payments program year: general payments received, in total and by manufacturer, nature of payment
 * and product (largest first), how much of it the provider disputes; research payments naming them as recipient or
 * principal investigator; ownership and investment interests they report.
 */
public record OpenPaymentsYear(
    int year,
    int payments,
    BigDecimal totalAmount,
    BigDecimal disputedAmount,
    List<Share> byManufacturer,
    List<Share> byNature,
    List<Share> byProduct,
    int researchPayments,
    BigDecimal researchAmount,
    int ownershipInterests,
    BigDecimal ownershipValue,
    @Nullable String specialty,
    @Nullable String state,
    @Nullable BigDecimal amountPercentile)
    implements java.io.Serializable {

  public record Share(String name, BigDecimal amount, int payments) implements java.io.Serializable {}
}
