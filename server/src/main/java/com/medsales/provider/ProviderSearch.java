package com.medsales.provider;

import com.medsales.payments.Manufacturers;
import com.medsales.shared.LikePatterns;
import com.medsales.shared.Npi;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider search over the published registry and the CMS datasets. The SQL is assembled from fixed fragments chosen
 * by which filters are present; every value is a bind parameter and sort keys come from a fixed list, so no input text
 * reaches the SQL. Pages are keyset-paginated on (sort key, NPI), stable while other providers come and go.
 */
@Service
public class ProviderSearch {

  public static final int MAX_SIZE = 100;
  public static final double MAX_RADIUS_MILES = 250;
  static final long EXACT_TOTAL_LIMIT = 10_000;
  /**
   * The trigram similarity at which a word of the query matches a word of a name: "jonh" matches "john" (0.25), "smyth"
   * "smith" (0.33). A word also matches the same letters in another order ("jai", "jia"), which trigrams miss.
   */
  static final double WORD_SIMILARITY = 0.25;
  /** The query words a name must match at most (the first ones); any further words only rank the names. */
  static final int MAX_NAME_WORDS = 8;
  private static final double METERS_PER_MILE = 1609.344;
  /**
   * The providers a search reads: the registry's, and those only CMS files name ({@code cms_provider}, V83, kept by
   * {@link CmsProviders}), which never overlap. A CMS-only provider counts as active, practises at the address its
   * latest file gives (the PRACTICE address, seq 1) and has the taxonomy its Medicare specialty crosswalks to as its
   * primary one. {@code in_registry} tells them apart.
   */
  static final String PROVIDERS =
      """
      (SELECT npi, entity_type, active, organization_name, first_name, middle_name, last_name, name_suffix, credential,
              search_name, true AS in_registry FROM provider
       UNION ALL
       SELECT npi, entity_type, true, organization_name, first_name, middle_name, last_name, NULL, credential,
              search_name, false FROM cms_provider)""";
  static final String ADDRESSES =
      """
      (SELECT npi, kind, seq, line1, city, state, zip5, latitude, longitude FROM provider_address
       UNION ALL
       SELECT npi, 'PRACTICE', 1, line1, city, state, zip5, latitude, longitude FROM cms_provider)""";
  static final String TAXONOMIES =
      """
      (SELECT npi, slot, code, is_primary FROM provider_taxonomy
       UNION ALL
       SELECT npi, 1, taxonomy_code, true FROM cms_provider WHERE taxonomy_code IS NOT NULL)""";
  /** provider_specialty_location (V31) and the CMS-only providers' (code, ZIP) rows, as candidates. */
  static final String SPECIALTY_LOCATIONS =
      """
      (SELECT code, zip5, npi, active, latitude, longitude FROM provider_specialty_location
       UNION ALL
       SELECT taxonomy_code, zip5, npi, true, latitude, longitude FROM cms_provider
       WHERE taxonomy_code IS NOT NULL AND zip5 IS NOT NULL)""";
  private static final String SPECIALTY =
      "EXISTS (SELECT 1 FROM " + TAXONOMIES + " st WHERE st.npi = p.npi AND st.code IN (:codes))";
  private static final Set<String> SORTS = Set.of("relevance", "name", "distance", "services", "claims", "payments");

  /** Totals and facet counts by search filter; evicted when an ingestion publishes (see {@link ProviderCaches}). */
  public static final String FACETS_CACHE = "providerFacets";

  private static final Logger log = LoggerFactory.getLogger(ProviderSearch.class);

  private final JdbcClient jdbc;
  private final CacheManager caches;
  private final DrugPrescriberIndex drugPrescribers;

  ProviderSearch(JdbcClient jdbc, CacheManager caches, DrugPrescriberIndex drugPrescribers) {
    this.jdbc = jdbc;
    this.caches = caches;
    this.drugPrescribers = drugPrescribers;
  }

  /** Bad search parameters, one entry per field. */
  public static final class InvalidSearch extends IllegalArgumentException {
    private final Map<String, String> errors;

    InvalidSearch(Map<String, String> errors) {
      super("Invalid search: " + errors);
      this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
      return errors;
    }
  }

  @Transactional(readOnly = true)
  public ProviderSearchResult search(ProviderQuery q) {
    Map<String, String> errors = new HashMap<>();
    Map<String, Object> params = new HashMap<>();
    List<String> where = new ArrayList<>();
    int size = q.size() == null ? 25 : q.size();
    if (size < 1 || size > MAX_SIZE) {
      errors.put("size", "must be between 1 and " + MAX_SIZE);
    }
    String status = q.status() == null ? "ACTIVE" : q.status().toUpperCase(Locale.ROOT);
    switch (status) {
      case "ACTIVE" -> where.add("p.active");
      case "DEACTIVATED" -> where.add("NOT p.active");
      case "ANY" -> {}
      default -> errors.put("status", "must be ACTIVE, DEACTIVATED or ANY");
    }
    if (q.npi() != null) {
      String problem = Npi.problem(q.npi());
      if (problem != null) {
        errors.put("npi", problem);
      } else {
        where.add("p.npi = :npi");
        params.put("npi", Long.parseLong(q.npi()));
      }
    }
    if (q.entityType() != null) {
      switch (q.entityType().strip().toUpperCase(Locale.ROOT)) {
        // NPPES's Entity Type Code too: 1 an individual, 2 an organisation
        case "INDIVIDUAL", "1" -> where.add("p.entity_type = 1");
        case "ORGANIZATION", "2" -> where.add("p.entity_type = 2");
        default -> errors.put("entityType", "must be INDIVIDUAL or ORGANIZATION (or NPPES's 1 or 2)");
      }
    }
    String name = normalize(q.name());
    if (q.name() != null && name == null) {
      errors.put("name", "must contain letters or digits");
    }
    // the names whose words match the query's, each word of the query (initials aside) by one of the name's words: from
    // the name words (V75), a small table, to the names carrying them through one index scan of their words
    String nameMatch = null;
    String nameFilter = null;
    if (name != null) {
      jdbc.sql("SET LOCAL pg_trgm.similarity_threshold = " + WORD_SIMILARITY).update();
      List<String> required = requiredWords(name);
      List<String> conditions = new ArrayList<>();
      for (int i = 0; i < required.size(); i++) {
        conditions.add(
            """
            n.words && ARRAY(SELECT w.word FROM provider_name_word w WHERE w.word %% :nameWord%1$d
                             UNION SELECT w.word FROM provider_name_word w WHERE w.letters = :nameLetters%1$d
                             UNION SELECT w.word FROM cms_name_word w WHERE w.word %% :nameWord%1$d
                             UNION SELECT w.word FROM cms_name_word w WHERE w.letters = :nameLetters%1$d)"""
                .formatted(i));
        params.put("nameWord" + i, required.get(i));
        params.put("nameLetters" + i, letters(required.get(i)));
      }
      nameMatch = String.join("\n  AND ", conditions);
      nameFilter =
          "p.npi IN (SELECT u.npi FROM provider_name_search n CROSS JOIN LATERAL unnest(n.npis) AS u(npi) WHERE "
              + nameMatch + "\n  UNION ALL SELECT n.npi FROM cms_provider n WHERE " + nameMatch + ")";
      where.add(nameFilter);
      params.put("name", name);
    }
    // the specialty as the taxonomy codes it names (a code, or a NUCC display, classification or specialization name)
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
      } else {
        where.add(SPECIALTY);
        params.put("codes", codes);
      }
    }
    if (q.credential() != null) {
      where.add("regexp_replace(upper(p.credential), '[^A-Z]', '', 'g') = regexp_replace(upper(:credential), '[^A-Z]', '', 'g')");
      params.put("credential", q.credential());
    }
    if (q.state() != null) {
      if (!q.state().matches("[A-Za-z]{2}")) {
        errors.put("state", "must be a 2-letter state code");
      } else {
        where.add("a.state = :state");
        params.put("state", q.state().toUpperCase(Locale.ROOT));
      }
    }
    if (q.city() != null) {
      where.add("upper(a.city) = upper(:city)");
      params.put("city", q.city().strip());
    }
    if (q.zip() != null) {
      if (!q.zip().matches("[0-9]{5}")) {
        errors.put("zip", "must be a 5-digit ZIP");
      } else {
        where.add("a.zip5 = :zip");
        params.put("zip", q.zip());
      }
    }
    double[] center = null;
    String candidates = null;
    String zipsInReach = null;
    String zipFilter = null;
    Double radiusMiles = q.radiusMiles() != null ? q.radiusMiles() : q.radiusKm() != null ? q.radiusKm() / 1.609344 : null;
    if (q.near() != null) {
      center = center(q.near(), errors);
      if (radiusMiles == null) {
        radiusMiles = 25.0;
      }
    }
    if (radiusMiles != null) {
      if (q.near() == null) {
        errors.put(q.radiusMiles() != null ? "radiusMiles" : "radiusKm", "needs near (a ZIP or lat,lon)");
      } else if (radiusMiles <= 0 || radiusMiles > MAX_RADIUS_MILES) {
        errors.put(q.radiusMiles() != null ? "radiusMiles" : "radiusKm", "must be above 0 and at most " + (int) MAX_RADIUS_MILES + " miles");
      }
    }
    String distance = "NULL::double precision";
    if (center != null && radiusMiles != null) {
      params.put("lat", center[0]);
      params.put("lon", center[1]);
      params.put("meters", radiusMiles * METERS_PER_MILE);
      zipsInReach =
          """
          SELECT z.zip5 FROM zip_centroid z
          WHERE earth_box(ll_to_earth(:lat, :lon), :meters) @> ll_to_earth(z.latitude, z.longitude)
            AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(z.latitude, z.longitude)) <= :meters""";
      zipFilter = "a.zip5 IN (" + zipsInReach + ")";
      where.add(zipFilter);
      if (!codes.isEmpty()) {
        // the total and facets take their candidates from one index range per code and ZIP (V30, V31) instead of every
        // address within reach, and still test them against the registry's rows
        where.add(
            "p.npi IN (SELECT sl.npi FROM " + SPECIALTY_LOCATIONS + " sl WHERE sl.code IN (:codes) AND sl.zip5 IN ("
                + zipsInReach + "))");
        candidates = where.getLast();
      }
      distance = "earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(a.latitude, a.longitude)) / " + METERS_PER_MILE;
    }
    if (q.year() != null && (q.year() < 2010 || q.year() > 2100)) {
      errors.put("year", "must be a data year between 2010 and 2100");
    }
    atLeastZero(errors, "minServices", q.minServices());
    atLeastZero(errors, "minBeneficiaries", q.minBeneficiaries());
    atLeastZero(errors, "minClaims", q.minClaims());
    atLeastZero(errors, "minPayment", q.minPayment());
    atLeastZero(errors, "maxPayment", q.maxPayment());
    if (q.minPayment() != null && q.maxPayment() != null && q.maxPayment().compareTo(q.minPayment()) < 0) {
      errors.put("maxPayment", "must not be below minPayment");
    }
    String sort =
        q.sort() != null ? q.sort().toLowerCase(Locale.ROOT) : name != null ? "relevance" : center != null ? "distance" : "name";
    // volumes: summed over the filter's codes, drug or payer when one is given, else the provider's yearly totals
    List<String> joins = new ArrayList<>();
    String services = "NULL::numeric";
    String beneficiaries = "NULL::numeric";
    String partBYear = "coalesce(:year, (SELECT max(data_year) FROM partb_rollup))";
    if (q.hcpcs() != null && !q.hcpcs().isEmpty()) {
      if (q.hcpcs().stream().anyMatch(code -> !code.matches("[A-Za-z0-9]{5}"))) {
        errors.put("hcpcs", "each must be a 5-character HCPCS code");
      }
      joins.add(
          """
          LEFT JOIN LATERAL (SELECT coalesce(sum(s.total_services), 0) AS services,
                                    coalesce(sum(s.total_beneficiaries), 0) AS beneficiaries
                             FROM partb_service s WHERE s.npi = p.npi AND s.hcpcs_code IN (:hcpcs)
                               AND s.data_year = %s) bs ON true"""
              .formatted(partBYear));
      params.put("hcpcs", q.hcpcs().stream().map(code -> code.toUpperCase(Locale.ROOT)).toList());
      services = "bs.services";
      beneficiaries = "bs.beneficiaries";
      where.add("bs.services >= :minServices");
      params.put("minServices", q.minServices() != null ? q.minServices() : BigDecimal.ONE);
    } else if (q.minServices() != null || q.minBeneficiaries() != null || sort.equals("services")) {
      joins.add("LEFT JOIN partb_rollup br ON br.npi = p.npi AND br.data_year = " + partBYear);
      services = "coalesce(br.services, 0)";
      beneficiaries = "coalesce(br.beneficiaries, 0)";
      if (q.minServices() != null) {
        where.add("coalesce(br.services, 0) >= :minServices");
        params.put("minServices", q.minServices());
      }
    }
    if (q.minBeneficiaries() != null) {
      where.add(beneficiaries + " >= :minBeneficiaries");
      params.put("minBeneficiaries", q.minBeneficiaries());
    }
    String claims = "NULL::numeric";
    String drugPrescribersJoin = null;
    String drugPrescribersInReach = null;
    String prescribersOfDrug = null;
    String partDYear = "coalesce(:year, (SELECT max(data_year) FROM partd_rollup))";
    if (q.drug() != null) {
      if (q.drug().isBlank()) {
        errors.put("drug", "must name a brand or generic drug");
      }
      BigDecimal minClaims = q.minClaims() != null ? q.minClaims() : BigDecimal.ONE;
      Integer prescribersYear =
          zipsInReach != null && minClaims.signum() > 0 && errors.isEmpty() ? drugPrescribers.freshYear(q.year()) : null;
      if (prescribersYear != null) {
        // within a radius, from the drug's prescribers in the ZIPs within reach (V76: one index range per ZIP, the
        // claims summed already) instead of from every provider in reach: only a prescriber of the drug can have a
        // claim of it. The derived table places a prescriber at the practice ZIP of the last NPPES publish, which the
        // registry's row must still have; it is read only while built from the data published now (else the drug
        // rows are summed below, as slow as before but right).
        prescribersOfDrug = "dc.drug = upper(:drug) AND dc.data_year = " + prescribersYear;
        drugPrescribersJoin =
            "JOIN partd_drug_prescriber dc ON dc.npi = p.npi AND dc.zip5 = a.zip5 AND " + prescribersOfDrug;
        joins.add(drugPrescribersJoin);
        drugPrescribersInReach = "dc.zip5 IN (" + zipsInReach + ")";
        where.add(drugPrescribersInReach);
      } else {
        // through the provider's rollup row of the year, which every prescriber of that year has: a provider without
        // one (most of them: 7,000 of the 7,800 candidates within 25 miles of Memphis) is settled by a probe of the
        // small rollup key instead of one of the 26-million-row drug table's
        joins.add(
            """
            LEFT JOIN LATERAL (SELECT coalesce(sum(d.total_claims), 0) AS claims
                               FROM partd_rollup r JOIN partd_drug d ON d.npi = r.npi AND d.data_year = r.data_year
                               WHERE r.npi = p.npi AND r.data_year = %s
                                 AND (upper(d.brand_name) = upper(:drug) OR upper(d.generic_name) = upper(:drug))) dc ON true"""
                .formatted(partDYear));
      }
      params.put("drug", q.drug().strip());
      claims = "dc.claims";
      where.add("dc.claims >= :minClaims");
      params.put("minClaims", minClaims);
    } else if (q.minClaims() != null || sort.equals("claims")) {
      joins.add("LEFT JOIN partd_rollup dr ON dr.npi = p.npi AND dr.data_year = " + partDYear);
      claims = "coalesce(dr.claims, 0)";
      if (q.minClaims() != null) {
        where.add("coalesce(dr.claims, 0) >= :minClaims");
        params.put("minClaims", q.minClaims());
      }
    }
    String payments = "NULL::numeric";
    String programYear = "coalesce(:year, (SELECT max(program_year) FROM op_rollup))";
    if (q.nature() != null && (q.nature().isBlank() || q.nature().length() > 200)) {
      errors.put("nature", "must be a nature of payment, e.g. Food and Beverage");
    }
    if (q.manufacturer() != null || q.nature() != null || q.minPayment() != null || q.maxPayment() != null) {
      joins.add(
          """
          LEFT JOIN LATERAL (SELECT coalesce(sum(g.amount), 0) AS amount FROM op_general_payment g WHERE g.npi = p.npi
                               AND (CAST(:manufacturer AS text) IS NULL OR g.payer_name ILIKE '%%' || :manufacturer || '%%'
                                    OR g.manufacturer LIKE '%%' || :canonicalManufacturer || '%%')
                               AND (CAST(:nature AS text) IS NULL OR upper(g.nature) = upper(:nature))
                               AND g.program_year = %s) gp ON true"""
              .formatted(programYear));
      params.put("manufacturer", LikePatterns.literal(q.manufacturer()));
      // any part of the payer's raw name ignoring case, or of its one spelling ("Johnson & Johnson" finds "JOHNSON AND
      // JOHNSON"); the spelling keeps letters, digits and spaces only, so it holds no LIKE wildcard, and a name with
      // nothing of those (only punctuation) matches by its raw name alone
      String canonical = q.manufacturer() == null ? null : Manufacturers.canonical(q.manufacturer());
      params.put("canonicalManufacturer", canonical == null || canonical.isBlank() ? null : canonical);
      params.put("nature", q.nature() == null ? null : q.nature().strip());
      payments = "gp.amount";
      where.add("gp.amount BETWEEN :minPayment AND :maxPayment");
      params.put("minPayment", q.minPayment() != null ? q.minPayment() : new BigDecimal("0.01"));
      params.put("maxPayment", q.maxPayment() != null ? q.maxPayment() : new BigDecimal("1e15"));
    } else if (sort.equals("payments")) {
      joins.add("LEFT JOIN op_rollup gr ON gr.npi = p.npi AND gr.program_year = " + programYear);
      payments = "coalesce(gr.total_amount, 0)";
    }
    params.put("year", q.year());
    if (!SORTS.contains(sort)) {
      errors.put("sort", "must be one of " + SORTS);
    } else if (sort.equals("relevance") && name == null) {
      errors.put("sort", "relevance needs a name");
    } else if (sort.equals("distance") && center == null) {
      errors.put("sort", "distance needs near");
    }
    String[] cursor = q.cursor() == null ? null : decodeCursor(q.cursor(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidSearch(errors);
    }

    String registryJoins =
        "LEFT JOIN " + ADDRESSES + " a ON a.npi = p.npi AND a.kind = 'PRACTICE' AND a.seq = 1\n"
            + String.join("\n", joins)
            + "\n";
    String from = "FROM " + PROVIDERS + " p\n" + registryJoins;
    String filter = where.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", where);
    List<String> pageWhere = new ArrayList<>(where);
    String pageFrom = from;
    boolean registryFilters =
        name != null || q.npi() != null || q.entityType() != null || q.credential() != null || q.state() != null
            || q.city() != null || q.zip() != null;
    String summaryFrom = from;
    String summaryFilter = filter;
    if (candidates != null && !registryFilters) {
      // Specialty within a radius and nothing else of the registry: the page is read from the candidate table alone
      // (active flag and practice point included), ZIP by ZIP, then joined to the registry for its size + 1 rows. The
      // ZIPs within reach (a hundred or so around a city) come nearest first, each with its distance; a provider is
      // as far as its practice ZIP's centroid (the registry places an address there: ZIP5, or the ZIP3 fallback that
      // zip_centroid also holds), so by distance the page is read from the nearest ZIPs' index ranges only, and
      // stops when it is full, instead of measuring and sorting every candidate in reach (7,800 in central Memphis on
      // the national registry). p and a name the candidate's columns, so the status, volume and cursor conditions
      // read the same; a.state (the state facet's) is probed only where it is read.
      List<String> candidateJoins = new ArrayList<>(joins);
      candidateJoins.remove(drugPrescribersJoin);
      String candidateFrom =
          """
          FROM (SELECT z.zip5, earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(z.latitude, z.longitude)) / %s AS miles
                FROM zip_centroid z
                WHERE earth_box(ll_to_earth(:lat, :lon), :meters) @> ll_to_earth(z.latitude, z.longitude)
                  AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(z.latitude, z.longitude)) <= :meters
                ORDER BY miles) z
          CROSS JOIN LATERAL (SELECT DISTINCT sl.npi, sl.active, sl.latitude, sl.longitude%s
                              FROM %s sl%s
                              WHERE sl.code IN (:codes) AND sl.zip5 = z.zip5) p
          CROSS JOIN LATERAL (SELECT z.zip5, p.latitude, p.longitude,
                                     (SELECT pa.state FROM %s pa
                                      WHERE pa.npi = p.npi AND pa.kind = 'PRACTICE' AND pa.seq = 1) AS state) a
          """
                  .formatted(
                      METERS_PER_MILE,
                      drugPrescribersJoin == null ? "" : ", dc.claims",
                      SPECIALTY_LOCATIONS,
                      // a drug's prescribers of the ZIP joined to its candidates there, one small hash join a ZIP (10
                      // ms for a common drug in central Memphis nationally), rather than a probe of the prescribers'
                      // key for each of the 7,800 candidates (30 ms); dc names the claims for the conditions below
                      drugPrescribersJoin == null ? ""
                          : "\n  JOIN partd_drug_prescriber dc ON dc.npi = sl.npi AND dc.zip5 = z.zip5 AND " + prescribersOfDrug,
                      ADDRESSES)
              + (drugPrescribersJoin == null ? "" : "CROSS JOIN LATERAL (SELECT p.claims, z.zip5) dc\n")
              + String.join("\n", candidateJoins)
              + "\n";
      List<String> candidateWhere = new ArrayList<>(where);
      candidateWhere.remove(SPECIALTY);
      candidateWhere.remove(candidates);
      candidateWhere.remove(zipFilter);
      candidateWhere.remove(drugPrescribersInReach);
      // the total and facets count the candidates in reach the same way (7 ms for the total in central Memphis
      // against 300 ms through the registry's rows, each facet a probe per candidate)
      summaryFrom = candidateFrom;
      summaryFilter = candidateWhere.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", candidateWhere);
      // (not by name: the candidate table has no names)
      if (!sort.equals("name")) {
        pageFrom = candidateFrom;
        pageWhere = candidateWhere;
        distance = "z.miles";
      }
    }
    if (nameMatch != null) {
      // By name, the page reads the distinct search names that match (V60, V75), a third of the registry's rows and
      // narrow, most similar first (each name's NPIs share its similarity, so by relevance the page stops after the
      // names that fill it), and only the NPIs of those names reach the registry (for its rows' status, address and
      // other filters)
      pageFrom =
          """
          FROM (SELECT n.npis, CAST(1 - similarity(n.search_name, :name) AS double precision) AS distance_from_name
                FROM provider_name_search n
                WHERE %s
                UNION ALL
                SELECT ARRAY[n.npi], CAST(1 - similarity(n.search_name, :name) AS double precision)
                FROM cms_provider n
                WHERE %s
                ORDER BY distance_from_name) n
          CROSS JOIN LATERAL unnest(n.npis) AS u(npi)
          JOIN %s p ON p.npi = u.npi
          """
              .formatted(nameMatch, nameMatch, PROVIDERS)
              + registryJoins;
      pageWhere.remove(nameFilter);
    }
    // the sort key ascends: relevance and distance are ordered so that the best comes first
    String key =
        switch (sort) {
          case "relevance" -> "n.distance_from_name";
          case "distance" -> distance;
          // volumes descend: the key is the volume negated
          case "services" -> "-(" + services + ")";
          case "claims" -> "-(" + claims + ")";
          case "payments" -> "-(" + payments + ")";
          default -> "coalesce(p.search_name, '')";
        };
    if (cursor != null) {
      String after =
          switch (sort) {
            case "name" -> ":afterKey";
            case "services", "claims", "payments" -> "CAST(:afterKey AS numeric)";
            default -> "CAST(:afterKey AS double precision)";
          };
      pageWhere.add("(" + key + ", p.npi) > (" + after + ", :afterNpi)");
      params.put("afterKey", cursor[0]);
      params.put("afterNpi", Long.parseLong(cursor[1]));
    }
    String pageFilter = pageWhere.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", pageWhere);
    // the page's NPIs first, sorted and limited over the filter's own joins; the display columns (names, address,
    // primary specialty) are read for those size + 1 rows only, not for every row the sort had to see
    String select =
        """
        SELECT p.npi, p.entity_type, p.active, p.in_registry, p.organization_name, p.first_name, p.middle_name, p.last_name,
               p.name_suffix, p.credential, a.line1, a.city, a.state, a.zip5, a.latitude, a.longitude,
               pt.code AS taxonomy_code, px.display_name AS taxonomy_name,
               k.distance, k.services, k.beneficiaries, k.claims, k.payments, k.sort_key
        FROM (SELECT p.npi, %s AS distance, %s AS services, %s AS beneficiaries, %s AS claims, %s AS payments,
                     %s AS sort_key
              %s
              %s
              ORDER BY sort_key, p.npi
              LIMIT :limit) k
        JOIN %s p ON p.npi = k.npi
        LEFT JOIN %s a ON a.npi = p.npi AND a.kind = 'PRACTICE' AND a.seq = 1
        LEFT JOIN LATERAL (SELECT code FROM %s t WHERE t.npi = p.npi ORDER BY t.is_primary DESC, t.slot LIMIT 1) pt ON true
        LEFT JOIN taxonomy px ON px.code = pt.code
        ORDER BY k.sort_key, k.npi
        """
            .formatted(distance, services, beneficiaries, claims, payments, key, pageFrom, pageFilter, PROVIDERS, ADDRESSES,
                TAXONOMIES);
    params.put("limit", size + 1);
    List<Object[]> rows = new ArrayList<>();
    RowMapper<ProviderSearchResult.Item> item =
        (rs, i) -> {
          rows.add(new Object[] {rs.getString("sort_key"), rs.getLong("npi")});
          short type = rs.getShort("entity_type");
          boolean hasType = !rs.wasNull();
          String org = rs.getString("organization_name");
          String display =
              org != null
                  ? org
                  : String.join(" ", java.util.stream.Stream.of(rs.getString("first_name"), rs.getString("middle_name"),
                      rs.getString("last_name"), rs.getString("name_suffix")).filter(s -> s != null).toList());
          String code = rs.getString("taxonomy_code");
          Double lat = rs.getObject("latitude", Double.class);
          return new ProviderSearchResult.Item(
              String.valueOf(rs.getLong("npi")), display.isBlank() ? String.valueOf(rs.getLong("npi")) : display,
              hasType ? (type == 1 ? ProviderProfile.INDIVIDUAL : ProviderProfile.ORGANIZATION) : null,
              !rs.getBoolean("in_registry") ? ProviderProfile.NOT_IN_REGISTRY
                  : rs.getBoolean("active") ? ProviderProfile.ACTIVE : ProviderProfile.DEACTIVATED,
              rs.getBoolean("in_registry"),
              rs.getString("credential"),
              code == null ? null : new ProviderSearchResult.Specialty(code, rs.getString("taxonomy_name")),
              rs.getString("city") == null && rs.getString("zip5") == null ? null
                  : new ProviderSearchResult.Address(rs.getString("line1"), rs.getString("city"), rs.getString("state"),
                      rs.getString("zip5"), lat, rs.getObject("longitude", Double.class)),
              round(rs.getObject("distance", Double.class)), rs.getBigDecimal("services"),
              rs.getBigDecimal("beneficiaries"), rs.getBigDecimal("claims"),
              rs.getBigDecimal("payments"));
        };
    // a plan for these values: after five runs PgJDBC prepares the statement on the server, whose generic plan cannot
    // see how few rows one code in a few ZIPs holds (at national size it read a code's 700,000 rows to keep 6,000)
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    List<ProviderSearchResult.Item> items = jdbc.sql(select).params(params).query(item).list();
    String nextCursor = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      Object[] last = rows.get(size - 1);
      nextCursor = encodeCursor(String.valueOf(last[0]), (Long) last[1]);
    }
    var summary = summary(summaryFrom, summaryFilter, params);
    long total = summary.total();
    return new ProviderSearchResult(
        items, nextCursor, Math.min(total, EXACT_TOTAL_LIMIT), total > EXACT_TOTAL_LIMIT, summary.facets(),
        center == null ? null : new ProviderSearchResult.Center(center[0], center[1]));
  }

  /** The total and the facet counts of a search's filter, the same on every page: cached by filter and values. */
  private Summary summary(String from, String filter, Map<String, Object> params) {
    Map<String, Object> values = new java.util.TreeMap<>(params);
    values.keySet().removeAll(Set.of("limit", "afterKey", "afterNpi"));
    String key = sha256(from + filter + values);
    Cache cache = caches.getCache(FACETS_CACHE);
    if (cache != null) {
      try {
        Summary cached = cache.get(key, Summary.class);
        if (cached != null) {
          return cached;
        }
      } catch (RuntimeException e) {
        log.warn("Cache {} unavailable, counting in the database: {}", FACETS_CACHE, e.getMessage());
      }
    }
    long total =
        jdbc.sql("SELECT count(*) FROM (SELECT 1 " + from + filter + " LIMIT " + (EXACT_TOTAL_LIMIT + 1) + ") c")
            .params(params)
            .query(Long.class)
            .single();
    var facets =
        new ProviderSearchResult.Facets(
            jdbc.sql(
                    """
                    SELECT t.code, x.display_name, count(DISTINCT p.npi) AS n %s
                    JOIN %s t ON t.npi = p.npi AND t.is_primary LEFT JOIN taxonomy x ON x.code = t.code
                    %s GROUP BY t.code, x.display_name ORDER BY n DESC, t.code LIMIT 20
                    """
                        .formatted(from, TAXONOMIES, filter))
                .params(params)
                .query((rs, i) -> new ProviderSearchResult.Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list(),
            jdbc.sql(
                    "SELECT a.state, count(*) AS n " + from + (filter.isEmpty() ? "WHERE" : filter + " AND")
                        + " a.state IS NOT NULL GROUP BY a.state ORDER BY n DESC, a.state LIMIT 60")
                .params(params)
                .query((rs, i) -> new ProviderSearchResult.Count(rs.getString(1), null, rs.getLong(2)))
                .list());
    Summary summary = new Summary(total, facets);
    if (cache != null) {
      try {
        cache.put(key, summary);
      } catch (RuntimeException e) {
        log.warn("Cache {} unavailable: {}", FACETS_CACHE, e.getMessage());
      }
    }
    return summary;
  }

  record Summary(long total, ProviderSearchResult.Facets facets) implements Serializable {}

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void atLeastZero(Map<String, String> errors, String field, @Nullable BigDecimal value) {
    if (value != null && value.signum() < 0) {
      errors.put(field, "must not be negative");
    }
  }

  private double @Nullable [] center(String near, Map<String, String> errors) {
    String value = near.strip();
    if (value.matches("[0-9]{5}")) {
      var point =
          jdbc.sql("SELECT latitude, longitude FROM zip_centroid WHERE zip5 = :zip")
              .param("zip", value)
              .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
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
          return new double[] {lat, lon};
        }
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    errors.put("near", "must be a 5-digit ZIP or lat,lon");
    return null;
  }

  /**
   * The words of a normalised name that a matching name must match: all but initials (one letter), unless the name is
   * initials alone; each once, at most {@link #MAX_NAME_WORDS}.
   */
  static List<String> requiredWords(String normalized) {
    List<String> words = List.of(normalized.split(" "));
    List<String> longer = words.stream().filter(w -> w.codePointCount(0, w.length()) > 1).distinct().toList();
    List<String> required = longer.isEmpty() ? words.stream().distinct().toList() : longer;
    return required.subList(0, Math.min(required.size(), MAX_NAME_WORDS));
  }

  /** A word's letters in order, as provider_name_word.letters holds them (V75: ordered by code point). */
  static String letters(String word) {
    return word.codePoints().sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  static @Nullable String normalize(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return n.isEmpty() ? null : n;
  }

  private static @Nullable Double round(@Nullable Double miles) {
    return miles == null ? null : Math.round(miles * 100) / 100.0;
  }

  private static String encodeCursor(String key, long npi) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "\n" + npi).getBytes(StandardCharsets.UTF_8));
  }

  private static String @Nullable [] decodeCursor(String cursor, Map<String, String> errors) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length == 2 && parts[1].matches("[0-9]{10}")) {
        return parts;
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    errors.put("cursor", "not a cursor this search returned");
    return null;
  }
}
