package com.medsales.provider.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The filters a search reads, each absent unless given: {@link ProviderQuery} has them all, {@link
 * OrganizationQuery} the organisation endpoint's few (the others absent by default here, not by
 * position).
 */
public interface SearchQuery {

  default @Nullable String name() {
    return null;
  }

  default @Nullable String npi() {
    return null;
  }

  default @Nullable EntityType entityType() {
    return null;
  }

  default @Nullable String specialty() {
    return null;
  }

  default @Nullable String credential() {
    return null;
  }

  default @Nullable String state() {
    return null;
  }

  default @Nullable String city() {
    return null;
  }

  default @Nullable String zip() {
    return null;
  }

  default @Nullable String near() {
    return null;
  }

  default @Nullable Double radiusMiles() {
    return null;
  }

  default @Nullable Double radiusKm() {
    return null;
  }

  default @Nullable Status status() {
    return null;
  }

  default @Nullable List<String> hcpcs() {
    return null;
  }

  default @Nullable BigDecimal minServices() {
    return null;
  }

  default @Nullable BigDecimal minBeneficiaries() {
    return null;
  }

  default @Nullable String drug() {
    return null;
  }

  default @Nullable BigDecimal minClaims() {
    return null;
  }

  default @Nullable String manufacturer() {
    return null;
  }

  default @Nullable String nature() {
    return null;
  }

  default @Nullable BigDecimal minPayment() {
    return null;
  }

  default @Nullable BigDecimal maxPayment() {
    return null;
  }

  default @Nullable UUID basket() {
    return null;
  }

  default @Nullable Integer minDecile() {
    return null;
  }

  default @Nullable Integer year() {
    return null;
  }

  default @Nullable SearchSort sort() {
    return null;
  }

  default @Nullable String cursor() {
    return null;
  }

  default @Nullable Integer size() {
    return null;
  }
}
