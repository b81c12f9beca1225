package com.medsales.provider.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider search, as {@code GET /api/v1/providers} takes it and as the controller binds it from
 * the query parameters: every filter optional, all combined. A value of the wrong type (a word for
 * a number, an unknown status, entity type or sort) is refused by the binding, naming its field;
 * the rest is checked by {@link ProviderSearch}. Values reach SQL only as bind parameters. A new
 * filter is a component here and its condition in {@link SearchStatement} (see docs/search.md).
 *
 * @param near a 5-digit ZIP or "lat,lon"; with {@code radiusMiles} (or {@code radiusKm})
 * @param entityType INDIVIDUAL or ORGANIZATION (or NPPES's 1 or 2)
 * @param status ACTIVE (the default), DEACTIVATED or ANY
 * @param minBeneficiaries Part B beneficiaries (summed over the hcpcs codes given, else over all
 *     the provider's services)
 * @param nature an Open Payments nature of payment ("Food and Beverage", "Consulting Fee"...),
 *     case-insensitive
 * @param basket a market basket of the caller's tenant (its id): results carry basketVolume and
 *     decile (national) in its year ({@code year}, else its latest computed year)
 * @param minDecile with basket: only providers in this decile of the basket or above (1 to 10)
 * @param sort relevance (the default with a name), name (the default otherwise), distance (with
 *     near), or a volume measure, highest first: services (Part B), claims (Part D), payments (Open
 *     Payments)
 */
public record ProviderQuery(
    @Nullable String name,
    @Nullable String npi,
    @Nullable EntityType entityType,
    @Nullable String specialty,
    @Nullable String credential,
    @Nullable String state,
    @Nullable String city,
    @Nullable String zip,
    @Nullable String near,
    @Nullable Double radiusMiles,
    @Nullable Double radiusKm,
    @Nullable Status status,
    @Nullable List<String> hcpcs,
    @Nullable BigDecimal minServices,
    @Nullable BigDecimal minBeneficiaries,
    @Nullable String drug,
    @Nullable BigDecimal minClaims,
    @Nullable String manufacturer,
    @Nullable String nature,
    @Nullable BigDecimal minPayment,
    @Nullable BigDecimal maxPayment,
    @Nullable UUID basket,
    @Nullable Integer minDecile,
    @Nullable Integer year,
    @Nullable SearchSort sort,
    @Nullable String cursor,
    @Nullable Integer size)
    implements SearchQuery {}
