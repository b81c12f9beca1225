package com.medsales.provider.search;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a provider search. {@code total} is exact up to a threshold, a lower bound beyond it
 * (and says so). {@code center} is the point a {@code near} search measures from (a ZIP's centroid,
 * or the lat,lon given), null without {@code near}: a map draws the radius around it. An item with
 * {@code inRegistry} false (status {@code NOT_IN_REGISTRY}) is a provider only CMS files name,
 * shown with the names and address of the latest of them.
 */
public record ProviderSearchResult(
    List<Item> items,
    @Nullable String nextCursor,
    long total,
    boolean totalIsEstimate,
    Facets facets,
    @Nullable Center center) {

  public record Center(double lat, double lon) {}

  public record Item(
      String npi,
      String name,
      @Nullable String entityType,
      String status,
      boolean inRegistry,
      @Nullable String credential,
      @Nullable Specialty primarySpecialty,
      @Nullable Address address,
      @Nullable Double distanceMiles,
      @Nullable BigDecimal services,
      @Nullable BigDecimal beneficiaries,
      @Nullable BigDecimal claims,
      @Nullable BigDecimal payments,
      @Nullable BigDecimal basketVolume,
      @Nullable Integer decile) {}

  public record Specialty(String code, @Nullable String name) implements Serializable {}

  public record Address(
      @Nullable String line1,
      @Nullable String city,
      @Nullable String state,
      @Nullable String zip5,
      @Nullable Double latitude,
      @Nullable Double longitude) {}

  public record Facets(List<Count> specialty, List<Count> state) implements Serializable {}

  public record Count(String value, @Nullable String label, long count) implements Serializable {}
}
