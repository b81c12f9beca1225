package com.medsales.provider;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organisation (HCO) as {@code GET /api/v1/organizations/{npi}} shows it: its NPPES facts and
 * own volumes ({@code organization}), the providers and organisations affiliated with it (at most
 * {@link #MAX_LISTED}, strongest first), and totals over all of them.
 */
public record OrganizationProfile(
    String npi, ProviderProfile organization, List<Affiliation> affiliatedProviders, Totals totals)
    implements Serializable {

  public static final int MAX_LISTED = 500;

  /**
   * Over every affiliate (also those beyond the list), each volume in its dataset's latest year.
   *
   * @param listedAll false when more affiliates exist than are listed
   */
  public record Totals(
      int affiliatedProviders,
      int affiliatedIndividuals,
      int affiliatedOrganizations,
      boolean listedAll,
      BigDecimal partBServices,
      BigDecimal partDClaims,
      BigDecimal payments,
      @Nullable Integer partBYear,
      @Nullable Integer partDYear,
      @Nullable Integer paymentsYear)
      implements Serializable {}
}
