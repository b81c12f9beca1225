package com.medsales.provider;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a provider search. {@code total} is exact up to a threshold, a lower bound beyond it (and says so). */
public record ProviderSearchResult(
    List<Item> items, @Nullable String nextCursor, long total, boolean totalIsEstimate, Facets facets) {

  public record Item(
      String npi,
      String name,
      @Nullable String entityType,
      String status,
      @Nullable String credential,
      @Nullable Specialty primarySpecialty,
      @Nullable Address address,
      @Nullable Double distanceMiles,
      @Nullable BigDecimal services,
      @Nullable BigDecimal beneficiaries,
      @Nullable BigDecimal claims,
      @Nullable BigDecimal payments) {}

  public record Specialty(String code, @Nullable String name) implements Serializable {}

  public record Address(
      @Nullable String line1, @Nullable String city, @Nullable String state, @Nullable String zip5,
      @Nullable Double latitude, @Nullable Double longitude) {}

  public record Facets(List<Count> specialty, List<Count> state) implements Serializable {}

  public record Count(String value, @Nullable String label, long count) implements Serializable {}
}
