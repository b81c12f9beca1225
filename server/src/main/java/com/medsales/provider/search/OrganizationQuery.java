package com.medsales.provider.search;

import org.jspecify.annotations.Nullable;

/**
 * An organisation search, as {@code GET /api/v1/organizations} takes it: the provider search over
 * organisation NPIs, with the filters that endpoint has (the others absent, see {@link
 * SearchQuery}).
 */
public record OrganizationQuery(
    @Nullable String name,
    @Nullable String specialty,
    @Nullable String state,
    @Nullable String city,
    @Nullable String zip,
    @Nullable String near,
    @Nullable Double radiusMiles,
    @Nullable Double radiusKm,
    @Nullable Status status,
    @Nullable Integer year,
    @Nullable SearchSort sort,
    @Nullable String cursor,
    @Nullable Integer size)
    implements SearchQuery {

  @Override
  public EntityType entityType() {
    return EntityType.ORGANIZATION;
  }
}
