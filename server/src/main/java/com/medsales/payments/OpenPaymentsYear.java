package com.medsales.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's Open Payments program year: general payments received, in total and by manufacturer,
 * nature of payment and product (largest first), how much of it the provider disputes; research
 * payments naming them as recipient or principal investigator; ownership and investment interests
 * they report; and the year's most recent general payments (newest first, at most {@link #RECENT}).
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
    @Nullable BigDecimal amountPercentile,
    List<Payment> recentPayments)
    implements java.io.Serializable {

  /** How many of a year's general payments a profile lists. */
  public static final int RECENT = 10;

  public record Share(String name, BigDecimal amount, int payments)
      implements java.io.Serializable {}

  /**
   * One general payment as the file reports it: the paying manufacturer or GPO under its own name,
   * the products it names, and whether the recipient disputes it. Records the file marks deleted
   * are not listed.
   */
  public record Payment(
      long recordId,
      LocalDate date,
      String payer,
      BigDecimal amount,
      @Nullable Integer numberOfPayments,
      @Nullable String form,
      @Nullable String nature,
      List<String> products,
      boolean disputed)
      implements java.io.Serializable {}
}
