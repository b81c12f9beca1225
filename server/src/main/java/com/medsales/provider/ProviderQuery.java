package com.medsales.provider;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider search, as {@code GET /api/v1/providers} takes it: every filter optional, all combined. Validated by
 * {@link ProviderSearch}; values reach SQL only as bind parameters.
 *
 * @param near a 5-digit ZIP or "lat,lon"; with {@code radiusMiles} (or {@code radiusKm})
 * @param status ACTIVE (the default), DEACTIVATED or ANY
 * @param minBeneficiaries Part B beneficiaries (summed over the hcpcs codes given, else over all the provider's services)
 * @param nature an Open Payments nature of payment ("Food and Beverage", "Consulting Fee"...), case-insensitive
 * @param sort relevance (the default with a name), name (the default otherwise), distance (with near), or a volume
 *     measure, highest first: services (Part B), claims (Part D), payments (Open Payments)
 */
public record ProviderQuery(
    @Nullable String name,
    @Nullable String npi,
    @Nullable String entityType,
    @Nullable String specialty,
    @Nullable String credential,
    @Nullable String state,
    @Nullable String city,
    @Nullable String zip,
    @Nullable String near,
    @Nullable Double radiusMiles,
    @Nullable Double radiusKm,
    @Nullable String status,
    @Nullable List<String> hcpcs,
    @Nullable BigDecimal minServices,
    @Nullable BigDecimal minBeneficiaries,
    @Nullable String drug,
    @Nullable BigDecimal minClaims,
    @Nullable String manufacturer,
    @Nullable String nature,
    @Nullable BigDecimal minPayment,
    @Nullable BigDecimal maxPayment,
    @Nullable Integer year,
    @Nullable String sort,
    @Nullable String cursor,
    @Nullable Integer size) {

  /** The same search restricted to one entity type (the organisation search). */
  public ProviderQuery withEntityType(String type) {
    return new ProviderQuery(name, npi, type, specialty, credential, state, city, zip, near, radiusMiles, radiusKm, status,
        hcpcs, minServices, minBeneficiaries, drug, minClaims, manufacturer, nature, minPayment, maxPayment, year, sort,
        cursor, size);
  }
}
