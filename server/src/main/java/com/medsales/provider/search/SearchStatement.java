package com.medsales.provider.search;

import com.medsales.payments.Manufacturers;
import com.medsales.provider.search.SqlFragment.Source;
import com.medsales.shared.LikePatterns;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of a search, composed from immutable {@link SqlFragment}s chosen by which filters the
 * criteria hold: the page's statement and the summary's (total and facets) source and filter, with
 * their bind values. No input text reaches the SQL: values are bind parameters and sort keys come
 * from {@link SearchSort}. Pages are keyset-paginated on (sort key, NPI), stable while other
 * providers come and go. Pure: no database, so it is unit-tested as text.
 *
 * <p>A new filter adds its condition (and any join) in {@link #of}, next to the others.
 */
record SearchStatement(String page, Summary summary, Map<String, @Nullable Object> binds) {

  /**
   * The rows a search's total and facets count: the same on every page, cached by {@link
   * #cacheKey()}.
   */
  record Summary(String from, String filter, Map<String, @Nullable Object> binds) {

    /** The summary's SQL and values (not the page's limit and cursor), hashed. */
    String cacheKey() {
      Map<String, @Nullable Object> values = new TreeMap<>(binds);
      values.keySet().removeAll(Set.of("limit", "afterKey", "afterNpi"));
      try {
        return java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest((from + filter + values).getBytes(StandardCharsets.UTF_8)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final double METERS_PER_MILE = 1609.344;

  /**
   * The providers a search reads: the registry's, and those only CMS files name ({@code
   * cms_provider}, V83, kept by {@code CmsProviders}), which never overlap. A CMS-only provider
   * counts as active, practises at the address its latest file gives (the PRACTICE address, seq 1)
   * and has the taxonomy its Medicare specialty crosswalks to as its primary one. {@code
   * in_registry} tells them apart.
   */
  static final String PROVIDERS =
      """
      (SELECT npi, entity_type, active, organization_name, first_name, middle_name, last_name, name_suffix, credential,
              search_name, true AS in_registry FROM provider
       UNION ALL
       SELECT npi, entity_type, true, organization_name, first_name, middle_name, last_name, NULL, credential,
              search_name, false FROM cms_provider)""";

  /**
   * {@link #PROVIDERS} for one NPI, as a lateral: each matching name's NPIs are probed by key in
   * both tables. Joined as a whole, the union led the planner to sort every active provider for a
   * merge join (208 ms p95 for a name at 1M rows, where the probes take a few).
   */
  static String providerWithNpi(String npi) {
    return """
        (SELECT npi, entity_type, active, organization_name, first_name, middle_name, last_name, name_suffix,
                credential, search_name, true AS in_registry FROM provider WHERE npi = %1$s
         UNION ALL
         SELECT npi, entity_type, true, organization_name, first_name, middle_name, last_name, NULL, credential,
                search_name, false FROM cms_provider WHERE npi = %1$s)"""
        .formatted(npi);
  }

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

  /**
   * provider_specialty_location (V31) and the CMS-only providers' (code, ZIP) rows, as candidates.
   */
  static final String SPECIALTY_LOCATIONS =
      """
      (SELECT code, zip5, npi, active, latitude, longitude FROM provider_specialty_location
       UNION ALL
       SELECT taxonomy_code, zip5, npi, true, latitude, longitude FROM cms_provider
       WHERE taxonomy_code IS NOT NULL AND zip5 IS NOT NULL)""";

  static final String ZIPS_IN_REACH =
      """
      SELECT z.zip5 FROM zip_centroid z
      WHERE earth_box(ll_to_earth(:lat, :lon), :meters) @> ll_to_earth(z.latitude, z.longitude)
        AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(z.latitude, z.longitude)) <= :meters""";

  static SearchStatement of(SearchCriteria c) {
    SearchQuery q = c.query();
    List<SqlFragment> where = new ArrayList<>();
    List<SqlFragment> joins = new ArrayList<>();
    Map<String, @Nullable Object> binds = new HashMap<>();
    switch (c.status()) {
      case ACTIVE -> where.add(SqlFragment.of("p.active"));
      case DEACTIVATED -> where.add(SqlFragment.of("NOT p.active"));
      case ANY -> {}
    }
    if (c.npi() != null) {
      where.add(SqlFragment.of("p.npi = :npi", "npi", c.npi()));
    }
    if (q.entityType() != null) {
      where.add(SqlFragment.of("p.entity_type = " + q.entityType().code));
    }
    // the names whose words match the query's, each word of the query (initials aside) by one of
    // the name's words: from
    // the name words (V75), a small table, to the names carrying them through one index scan of
    // their words
    SqlFragment nameMatch = null;
    if (c.name() != null) {
      nameMatch = nameMatch(c.nameWords());
      where.add(
          SqlFragment.of(
                  "p.npi IN (SELECT u.npi FROM provider_name_search n CROSS JOIN LATERAL unnest(n.npis) AS u(npi) WHERE "
                      + nameMatch.sql()
                      + "\n  UNION ALL SELECT n.npi FROM cms_provider n WHERE "
                      + nameMatch.sql()
                      + ")")
              .answeredBy(Source.NAMES));
      binds.putAll(nameMatch.binds());
      binds.put("name", c.name());
    }
    if (!c.codes().isEmpty()) {
      where.add(
          SqlFragment.of(
                  "EXISTS (SELECT 1 FROM "
                      + TAXONOMIES
                      + " st WHERE st.npi = p.npi AND st.code IN (:codes))",
                  "codes",
                  c.codes())
              .answeredBy(Source.CANDIDATES));
    }
    if (q.credential() != null) {
      where.add(
          SqlFragment.of(
              "regexp_replace(upper(p.credential), '[^A-Z]', '', 'g') = regexp_replace(upper(:credential), '[^A-Z]', '', 'g')",
              "credential",
              q.credential()));
    }
    if (c.state() != null) {
      where.add(SqlFragment.of("a.state = :state", "state", c.state()));
    }
    if (q.city() != null) {
      where.add(SqlFragment.of("upper(a.city) = upper(:city)", "city", q.city().strip()));
    }
    if (q.zip() != null) {
      where.add(SqlFragment.of("a.zip5 = :zip", "zip", q.zip()));
    }
    String distance = "NULL::double precision";
    boolean inReach = c.center() != null && c.radiusMiles() != null;
    boolean candidates = false;
    if (inReach) {
      binds.put("lat", c.center().lat());
      binds.put("lon", c.center().lon());
      binds.put("meters", c.radiusMiles() * METERS_PER_MILE);
      where.add(SqlFragment.of("a.zip5 IN (" + ZIPS_IN_REACH + ")").answeredBy(Source.CANDIDATES));
      if (!c.codes().isEmpty()) {
        // the total and facets take their candidates from one index range per code and ZIP (V30,
        // V31) instead of every
        // address within reach, and still test them against the registry's rows
        where.add(
            SqlFragment.of(
                    "p.npi IN (SELECT sl.npi FROM "
                        + SPECIALTY_LOCATIONS
                        + " sl WHERE sl.code IN (:codes) AND sl.zip5 IN ("
                        + ZIPS_IN_REACH
                        + "))")
                .answeredBy(Source.CANDIDATES));
        candidates = true;
      }
      distance =
          "earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(a.latitude, a.longitude)) / "
              + METERS_PER_MILE;
    }
    SearchSort sort = c.sort();
    // volumes: summed over the filter's codes, drug or payer when one is given, else the provider's
    // yearly totals
    String services = "NULL::numeric";
    String beneficiaries = "NULL::numeric";
    String partBYear = "coalesce(:year, (SELECT max(data_year) FROM partb_rollup))";
    if (c.hasHcpcs()) {
      joins.add(
          SqlFragment.of(
              """
          LEFT JOIN LATERAL (SELECT coalesce(sum(s.total_services), 0) AS services,
                                    coalesce(sum(s.total_beneficiaries), 0) AS beneficiaries
                             FROM partb_service s WHERE s.npi = p.npi AND s.hcpcs_code IN (:hcpcs)
                               AND s.data_year = %s) bs ON true"""
                  .formatted(partBYear),
              "hcpcs",
              q.hcpcs().stream().map(code -> code.toUpperCase(java.util.Locale.ROOT)).toList()));
      services = "bs.services";
      beneficiaries = "bs.beneficiaries";
      where.add(
          SqlFragment.of(
              "bs.services >= :minServices",
              "minServices",
              q.minServices() != null ? q.minServices() : BigDecimal.ONE));
    } else if (q.minServices() != null
        || q.minBeneficiaries() != null
        || sort == SearchSort.SERVICES) {
      joins.add(
          SqlFragment.of(
              "LEFT JOIN partb_rollup br ON br.npi = p.npi AND br.data_year = " + partBYear));
      services = "coalesce(br.services, 0)";
      beneficiaries = "coalesce(br.beneficiaries, 0)";
      if (q.minServices() != null) {
        where.add(
            SqlFragment.of(
                "coalesce(br.services, 0) >= :minServices", "minServices", q.minServices()));
      }
    }
    if (q.minBeneficiaries() != null) {
      where.add(
          SqlFragment.of(
              beneficiaries + " >= :minBeneficiaries", "minBeneficiaries", q.minBeneficiaries()));
    }
    String claims = "NULL::numeric";
    String prescribersOfDrug = null;
    String partDYear = "coalesce(:year, (SELECT max(data_year) FROM partd_rollup))";
    if (q.drug() != null) {
      if (c.drugPrescribersYear() != null && inReach) {
        // within a radius, from the drug's prescribers in the ZIPs within reach (V76: one index
        // range per ZIP, the
        // claims summed already) instead of from every provider in reach: only a prescriber of the
        // drug can have a
        // claim of it. The derived table places a prescriber at the practice ZIP of the last NPPES
        // publish, which the
        // registry's row must still have; it is read only while built from the data published now
        // (else the drug
        // rows are summed below, as slow as before but right).
        prescribersOfDrug = "dc.drug = upper(:drug) AND dc.data_year = " + c.drugPrescribersYear();
        joins.add(
            SqlFragment.of(
                    "JOIN partd_drug_prescriber dc ON dc.npi = p.npi AND dc.zip5 = a.zip5 AND "
                        + prescribersOfDrug)
                .answeredBy(Source.CANDIDATES));
        where.add(
            SqlFragment.of("dc.zip5 IN (" + ZIPS_IN_REACH + ")").answeredBy(Source.CANDIDATES));
      } else {
        // through the provider's rollup row of the year, which every prescriber of that year has: a
        // provider without
        // one (most of them: 7,000 of the 7,800 candidates within 25 miles of Memphis) is settled
        // by a probe of the
        // small rollup key instead of one of the 26-million-row drug table's
        joins.add(
            SqlFragment.of(
                """
            LEFT JOIN LATERAL (SELECT coalesce(sum(d.total_claims), 0) AS claims
                               FROM partd_rollup r JOIN partd_drug d ON d.npi = r.npi AND d.data_year = r.data_year
                               WHERE r.npi = p.npi AND r.data_year = %s
                                 AND (upper(d.brand_name) = upper(:drug) OR upper(d.generic_name) = upper(:drug))) dc ON true"""
                    .formatted(partDYear)));
      }
      binds.put("drug", q.drug().strip());
      claims = "dc.claims";
      where.add(SqlFragment.of("dc.claims >= :minClaims", "minClaims", c.drugMinClaims()));
    } else if (q.minClaims() != null || sort == SearchSort.CLAIMS) {
      joins.add(
          SqlFragment.of(
              "LEFT JOIN partd_rollup dr ON dr.npi = p.npi AND dr.data_year = " + partDYear));
      claims = "coalesce(dr.claims, 0)";
      if (q.minClaims() != null) {
        where.add(
            SqlFragment.of("coalesce(dr.claims, 0) >= :minClaims", "minClaims", q.minClaims()));
      }
    }
    String payments = "NULL::numeric";
    String programYear = "coalesce(:year, (SELECT max(program_year) FROM op_rollup))";
    if (c.hasPaymentFilter()) {
      // any part of the payer's raw name ignoring case, or of its one spelling ("Johnson & Johnson"
      // finds "JOHNSON AND
      // JOHNSON"); the spelling keeps letters, digits and spaces only, so it holds no LIKE
      // wildcard, and a name with
      // nothing of those (only punctuation) matches by its raw name alone
      String canonical =
          q.manufacturer() == null ? null : Manufacturers.canonical(q.manufacturer());
      joins.add(
          SqlFragment.of(
                  """
              LEFT JOIN LATERAL (SELECT coalesce(sum(g.amount), 0) AS amount FROM op_general_payment g WHERE g.npi = p.npi
                                   AND (CAST(:manufacturer AS text) IS NULL OR g.payer_name ILIKE '%%' || :manufacturer || '%%'
                                        OR g.manufacturer LIKE '%%' || :canonicalManufacturer || '%%')
                                   AND (CAST(:nature AS text) IS NULL OR upper(g.nature) = upper(:nature))
                                   AND g.program_year = %s) gp ON true"""
                      .formatted(programYear),
                  "manufacturer",
                  LikePatterns.literal(q.manufacturer()))
              .bind(
                  "canonicalManufacturer",
                  canonical == null || canonical.isBlank() ? null : canonical)
              .bind("nature", q.nature() == null ? null : q.nature().strip()));
      payments = "gp.amount";
      where.add(
          SqlFragment.of(
                  "gp.amount BETWEEN :minPayment AND :maxPayment",
                  "minPayment",
                  q.minPayment() != null ? q.minPayment() : new BigDecimal("0.01"))
              .bind(
                  "maxPayment", q.maxPayment() != null ? q.maxPayment() : new BigDecimal("1e15")));
    } else if (sort == SearchSort.PAYMENTS) {
      joins.add(
          SqlFragment.of(
              "LEFT JOIN op_rollup gr ON gr.npi = p.npi AND gr.program_year = " + programYear));
      payments = "coalesce(gr.total_amount, 0)";
    }
    // the basket's volume and national decile, from its live results of the year (V89): a probe of
    // their key per provider, so that the name and radius shapes read as many rows as before
    String basketVolume = "NULL::numeric";
    String decile = "NULL::integer";
    if (q.basket() != null) {
      SqlFragment basket =
          q.minDecile() != null
              ? SqlFragment.of(
                      "JOIN basket_result bk ON bk.computation_id = CAST(:basketComputation AS bigint)"
                          + " AND bk.npi = p.npi AND bk.decile >= :minDecile",
                      "basketComputation",
                      c.basketComputation())
                  .bind("minDecile", q.minDecile())
              : SqlFragment.of(
                  "LEFT JOIN basket_result bk ON bk.computation_id = CAST(:basketComputation AS bigint)"
                      + " AND bk.npi = p.npi",
                  "basketComputation",
                  c.basketComputation());
      joins.add(basket);
      basketVolume = "coalesce(bk.volume, 0)";
      decile = "coalesce(bk.decile, 0)";
    }
    binds.put("year", q.year());
    Stream.concat(where.stream(), joins.stream()).forEach(f -> binds.putAll(f.binds()));

    String registryJoins =
        "LEFT JOIN "
            + ADDRESSES
            + " a ON a.npi = p.npi AND a.kind = 'PRACTICE' AND a.seq = 1\n"
            + sql(joins, Source.NONE, "\n")
            + "\n";
    String from = "FROM " + PROVIDERS + " p\n" + registryJoins;
    Source pageSource = Source.NONE;
    String pageFrom = from;
    Summary summary = new Summary(from, filter(where, Source.NONE), binds);
    if (candidates && !c.registryFilters()) {
      // Specialty within a radius and nothing else of the registry: the page is read from the
      // candidate table alone
      // (active flag and practice point included), ZIP by ZIP, then joined to the registry for its
      // size + 1 rows. The
      // ZIPs within reach (a hundred or so around a city) come nearest first, each with its
      // distance; a provider is
      // as far as its practice ZIP's centroid (the registry places an address there: ZIP5, or the
      // ZIP3 fallback that
      // zip_centroid also holds), so by distance the page is read from the nearest ZIPs' index
      // ranges only, and
      // stops when it is full, instead of measuring and sorting every candidate in reach (7,800 in
      // central Memphis on
      // the national registry). p and a name the candidate's columns, so the status, volume and
      // cursor conditions
      // read the same; a.state (the state facet's) is probed only where it is read.
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
                      prescribersOfDrug == null ? "" : ", dc.claims",
                      SPECIALTY_LOCATIONS,
                      // a drug's prescribers of the ZIP joined to its candidates there, one small
                      // hash join a ZIP (10
                      // ms for a common drug in central Memphis nationally), rather than a probe of
                      // the prescribers'
                      // key for each of the 7,800 candidates (30 ms); dc names the claims for the
                      // conditions below
                      prescribersOfDrug == null
                          ? ""
                          : "\n  JOIN partd_drug_prescriber dc ON dc.npi = sl.npi AND dc.zip5 = z.zip5 AND "
                              + prescribersOfDrug,
                      ADDRESSES)
              + (prescribersOfDrug == null
                  ? ""
                  : "CROSS JOIN LATERAL (SELECT p.claims, z.zip5) dc\n")
              + sql(joins, Source.CANDIDATES, "\n")
              + "\n";
      // the total and facets count the candidates in reach the same way (7 ms for the total in
      // central Memphis
      // against 300 ms through the registry's rows, each facet a probe per candidate)
      summary = new Summary(candidateFrom, filter(where, Source.CANDIDATES), binds);
      // (not by name: the candidate table has no names)
      if (sort != SearchSort.NAME) {
        pageFrom = candidateFrom;
        pageSource = Source.CANDIDATES;
        distance = "z.miles";
      }
    }
    if (nameMatch != null) {
      // By name, the page reads the distinct search names that match (V60, V75), a third of the
      // registry's rows and
      // narrow, most similar first (each name's NPIs share its similarity, so by relevance the page
      // stops after the
      // names that fill it), and only the NPIs of those names reach the registry (for its rows'
      // status, address and
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
          CROSS JOIN LATERAL %s p
          """
                  .formatted(nameMatch.sql(), nameMatch.sql(), providerWithNpi("u.npi"))
              + registryJoins;
      pageSource = Source.NAMES;
    }
    // the sort key ascends: relevance and distance are ordered so that the best comes first
    String key =
        switch (sort) {
          case RELEVANCE -> "n.distance_from_name";
          case DISTANCE -> distance;
          // volumes descend: the key is the volume negated
          case SERVICES -> "-(" + services + ")";
          case CLAIMS -> "-(" + claims + ")";
          case PAYMENTS -> "-(" + payments + ")";
          case BASKETVOLUME -> "-(" + basketVolume + ")";
          case NAME -> "coalesce(p.search_name, '')";
        };
    List<SqlFragment> pageWhere = new ArrayList<>(where);
    if (c.cursor() != null) {
      String after =
          switch (sort) {
            case NAME -> ":afterKey";
            case SERVICES, CLAIMS, PAYMENTS, BASKETVOLUME -> "CAST(:afterKey AS numeric)";
            default -> "CAST(:afterKey AS double precision)";
          };
      pageWhere.add(
          SqlFragment.of(
                  "(" + key + ", p.npi) > (" + after + ", :afterNpi)", "afterKey", c.cursor().key())
              .bind("afterNpi", c.cursor().npi()));
      binds.put("afterKey", c.cursor().key());
      binds.put("afterNpi", c.cursor().npi());
    }
    binds.put("limit", c.size() + 1);
    // the page's NPIs first, sorted and limited over the filter's own joins; the display columns
    // (names, address,
    // primary specialty) are read for those size + 1 rows only, not for every row the sort had to
    // see
    String page =
        """
        SELECT p.npi, p.entity_type, p.active, p.in_registry, p.organization_name, p.first_name, p.middle_name, p.last_name,
               p.name_suffix, p.credential, a.line1, a.city, a.state, a.zip5, a.latitude, a.longitude,
               pt.code AS taxonomy_code, px.display_name AS taxonomy_name,
               k.distance, k.services, k.beneficiaries, k.claims, k.payments, k.basket_volume, k.decile, k.sort_key
        FROM (SELECT p.npi, %s AS distance, %s AS services, %s AS beneficiaries, %s AS claims, %s AS payments,
                     %s AS basket_volume, %s AS decile, %s AS sort_key
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
            .formatted(
                distance,
                services,
                beneficiaries,
                claims,
                payments,
                basketVolume,
                decile,
                key,
                pageFrom,
                filter(pageWhere, pageSource),
                PROVIDERS,
                ADDRESSES,
                TAXONOMIES);
    Map<String, @Nullable Object> all = java.util.Collections.unmodifiableMap(new HashMap<>(binds));
    return new SearchStatement(page, new Summary(summary.from(), summary.filter(), all), all);
  }

  /**
   * Each of the query's required words matched by a word of the name (V75), by trigrams or by the
   * same letters.
   */
  static SqlFragment nameMatch(List<String> words) {
    List<String> conditions = new ArrayList<>();
    Map<String, @Nullable Object> binds = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      conditions.add(
          """
          n.words && ARRAY(SELECT w.word FROM provider_name_word w WHERE w.word %% :nameWord%1$d
                           UNION SELECT w.word FROM provider_name_word w WHERE w.letters = :nameLetters%1$d
                           UNION SELECT w.word FROM cms_name_word w WHERE w.word %% :nameWord%1$d
                           UNION SELECT w.word FROM cms_name_word w WHERE w.letters = :nameLetters%1$d)"""
              .formatted(i));
      binds.put("nameWord" + i, words.get(i));
      binds.put("nameLetters" + i, SearchCriteria.letters(words.get(i)));
    }
    return new SqlFragment(String.join("\n  AND ", conditions), binds, Source.NONE);
  }

  /** The fragments a statement reading from {@code source} still needs, joined. */
  private static String sql(List<SqlFragment> fragments, Source source, String separator) {
    return String.join(
        separator,
        fragments.stream()
            .filter(f -> source == Source.NONE || f.answeredBy() != source)
            .map(SqlFragment::sql)
            .toList());
  }

  /**
   * A WHERE clause of the conditions a statement reading from {@code source} still needs, or
   * nothing.
   */
  private static String filter(List<SqlFragment> conditions, Source source) {
    String joined = sql(conditions, source, "\n  AND ");
    return joined.isEmpty() ? "" : "WHERE " + joined;
  }
}
