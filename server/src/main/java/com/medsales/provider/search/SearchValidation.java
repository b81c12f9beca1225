package com.medsales.provider.search;

import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.provider.DrugPrescriberIndex;
import com.medsales.segment.Segments;
import com.medsales.shared.LikePatterns;
import com.medsales.shared.Npi;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a search's query and resolves it into {@link SearchCriteria}: every bad field is named at
 * once, together with those the binding refused, as {@link InvalidFields}. Looks up what the query
 * names (taxonomy codes, a ZIP's point).
 */
@Component
class SearchValidation {

  static final int MAX_SIZE = ProviderSearch.MAX_SIZE;
  static final double MAX_RADIUS_MILES = ProviderSearch.MAX_RADIUS_MILES;
  static final String INVALID = "The search has invalid parameters.";

  private final JdbcClient jdbc;
  private final DrugPrescriberIndex drugPrescribers;
  private final Segments segments;

  SearchValidation(JdbcClient jdbc, DrugPrescriberIndex drugPrescribers, Segments segments) {
    this.jdbc = jdbc;
    this.drugPrescribers = drugPrescribers;
    this.segments = segments;
  }

  /**
   * The criteria of a query, or {@link InvalidFields} naming every bad field.
   *
   * @param rejected the fields the binding refused (a word for a number, an unknown sort), each
   *     with its problem
   */
  SearchCriteria check(SearchQuery q, Map<String, String> rejected) {
    Map<String, String> errors = new LinkedHashMap<>(rejected);
    int size = q.size() == null ? SearchCriteria.DEFAULT_SIZE : q.size();
    if (size < 1 || size > MAX_SIZE) {
      errors.put("size", "must be between 1 and " + MAX_SIZE);
    }
    Long npi = null;
    if (q.npi() != null) {
      String problem = Npi.problem(q.npi());
      if (problem != null) {
        errors.put("npi", problem);
      } else {
        npi = Long.parseLong(q.npi());
      }
    }
    String name = SearchCriteria.normalize(q.name());
    if (q.name() != null && name == null) {
      errors.put("name", "must contain letters or digits");
    }
    // the specialty as the taxonomy codes it names (a code, or a NUCC display, classification or
    // specialization name)
    List<String> codes = List.of();
    if (q.specialty() != null) {
      codes =
          jdbc.sql(
                  """
                  SELECT code FROM taxonomy WHERE code = :code OR display_name ILIKE :s OR classification ILIKE :s
                                                  OR specialization ILIKE :s
                  """)
              .param("code", q.specialty().strip())
              .param("s", LikePatterns.literal(q.specialty().strip()))
              .query(String.class)
              .list();
      if (codes.isEmpty()) {
        errors.put("specialty", "not a taxonomy code or specialty name");
      }
    }
    String state = null;
    if (q.state() != null) {
      if (!q.state().matches("[A-Za-z]{2}")) {
        errors.put("state", "must be a 2-letter state code");
      } else {
        state = q.state().toUpperCase(Locale.ROOT);
      }
    }
    if (q.zip() != null && !q.zip().matches("[0-9]{5}")) {
      errors.put("zip", "must be a 5-digit ZIP");
    }
    SearchCriteria.Point center = null;
    Double radiusMiles =
        q.radiusMiles() != null
            ? q.radiusMiles()
            : q.radiusKm() != null ? q.radiusKm() / 1.609344 : null;
    if (q.near() != null) {
      center = center(q.near(), errors);
      if (radiusMiles == null) {
        radiusMiles = 25.0;
      }
    }
    if (radiusMiles != null) {
      String field = q.radiusMiles() != null ? "radiusMiles" : "radiusKm";
      if (q.near() == null) {
        errors.put(field, "needs near (a ZIP or lat,lon)");
      } else if (radiusMiles <= 0 || radiusMiles > MAX_RADIUS_MILES) {
        errors.put(field, "must be above 0 and at most " + (int) MAX_RADIUS_MILES + " miles");
      }
    }
    if (q.year() != null && (q.year() < 2010 || q.year() > 2100)) {
      errors.put("year", "must be a data year between 2010 and 2100");
    }
    atLeastZero(errors, "minServices", q.minServices());
    atLeastZero(errors, "minBeneficiaries", q.minBeneficiaries());
    atLeastZero(errors, "minClaims", q.minClaims());
    atLeastZero(errors, "minPayment", q.minPayment());
    atLeastZero(errors, "maxPayment", q.maxPayment());
    if (q.minPayment() != null
        && q.maxPayment() != null
        && q.maxPayment().compareTo(q.minPayment()) < 0) {
      errors.put("maxPayment", "must not be below minPayment");
    }
    if (q.hcpcs() != null
        && !q.hcpcs().isEmpty()
        && q.hcpcs().stream().anyMatch(code -> !code.matches("[A-Za-z0-9]{5}"))) {
      errors.put("hcpcs", "each must be a 5-character HCPCS code");
    }
    if (q.drug() != null && q.drug().isBlank()) {
      errors.put("drug", "must name a brand or generic drug");
    }
    if (q.nature() != null && (q.nature().isBlank() || q.nature().length() > 200)) {
      errors.put("nature", "must be a nature of payment, e.g. Food and Beverage");
    }
    SearchSort sort =
        q.sort() != null
            ? q.sort()
            : name != null
                ? SearchSort.RELEVANCE
                : center != null ? SearchSort.DISTANCE : SearchSort.NAME;
    if (!rejected.containsKey("sort")) {
      if (sort == SearchSort.RELEVANCE && name == null) {
        errors.put("sort", "relevance needs a name");
      } else if (sort == SearchSort.DISTANCE && center == null) {
        errors.put("sort", "distance needs near");
      } else if (sort == SearchSort.BASKETVOLUME && q.basket() == null) {
        errors.put("sort", "basketVolume needs basket");
      }
    }
    if (q.minDecile() != null) {
      if (q.minDecile() < 1 || q.minDecile() > 10) {
        errors.put("minDecile", "must be between 1 and 10");
      } else if (q.basket() == null) {
        errors.put("minDecile", "needs basket");
      }
    }
    // the basket's live results of the year (none yet: no provider has volume in it)
    Long basketComputation = null;
    if (q.basket() != null && !errors.containsKey("year")) {
      try {
        Segments.Computation computation = segments.computation(q.basket(), q.year());
        basketComputation = computation == null ? null : computation.id();
      } catch (RecordNotFound e) {
        errors.put("basket", "no such basket");
      }
    }
    SearchCriteria.Cursor cursor = null;
    if (q.cursor() != null) {
      cursor = SearchCriteria.Cursor.decode(q.cursor());
      if (cursor == null) {
        errors.put("cursor", "not a cursor this search returned");
      }
    }
    if (!errors.isEmpty()) {
      Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
      errors.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> fieldErrors.put(e.getKey(), List.of(e.getValue())));
      throw new InvalidFields(INVALID, fieldErrors);
    }
    // within a radius, a drug's claims come from its prescribers in the ZIPs within reach while
    // that table is fresh
    Integer drugPrescribersYear = null;
    BigDecimal minClaims = q.minClaims() != null ? q.minClaims() : BigDecimal.ONE;
    if (q.drug() != null && center != null && minClaims.signum() > 0) {
      drugPrescribersYear = drugPrescribers.freshYear(q.year());
    }
    return new SearchCriteria(
        q,
        size,
        q.status() == null ? Status.ACTIVE : q.status(),
        npi,
        name,
        name == null ? List.of() : SearchCriteria.requiredWords(name),
        codes,
        state,
        center,
        center == null ? null : radiusMiles,
        sort,
        cursor,
        drugPrescribersYear,
        basketComputation);
  }

  private static void atLeastZero(
      Map<String, String> errors, String field, @Nullable BigDecimal value) {
    if (value != null && value.signum() < 0) {
      errors.put(field, "must not be negative");
    }
  }

  private SearchCriteria.@Nullable Point center(String near, Map<String, String> errors) {
    String value = near.strip();
    if (value.matches("[0-9]{5}")) {
      var point =
          jdbc.sql("SELECT latitude, longitude FROM zip_centroid WHERE zip5 = :zip")
              .param("zip", value)
              .query((rs, i) -> new SearchCriteria.Point(rs.getDouble(1), rs.getDouble(2)))
              .optional();
      if (point.isEmpty()) {
        errors.put("near", "unknown ZIP " + value);
        return null;
      }
      return point.get();
    }
    String[] parts = value.split(",");
    try {
      if (parts.length == 2) {
        double lat = Double.parseDouble(parts[0].strip());
        double lon = Double.parseDouble(parts[1].strip());
        if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
          return new SearchCriteria.Point(lat, lon);
        }
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    errors.put("near", "must be a 5-digit ZIP or lat,lon");
    return null;
  }
}
