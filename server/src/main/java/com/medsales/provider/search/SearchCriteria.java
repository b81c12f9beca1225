package com.medsales.provider.search;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A search's query once checked and resolved ({@link SearchValidation}): the name normalised into
 * the words it must match, the specialty as its taxonomy codes, near as a point, the defaults
 * applied. What {@link SearchStatement} turns into SQL; every value here reaches it only as a bind
 * parameter.
 */
record SearchCriteria(
    SearchQuery query,
    int size,
    Status status,
    @Nullable Long npi,
    @Nullable String name,
    List<String> nameWords,
    List<String> codes,
    @Nullable String state,
    @Nullable Point center,
    @Nullable Double radiusMiles,
    SearchSort sort,
    @Nullable Cursor cursor,
    @Nullable Integer drugPrescribersYear,
    @Nullable Long basketComputation) {

  static final int DEFAULT_SIZE = 25;

  /**
   * The trigram similarity at which a word of the query matches a word of a name: "jonh" matches
   * "john" (0.25), "smyth" "smith" (0.33). A word also matches the same letters in another order
   * ("jai", "jia"), which trigrams miss.
   */
  static final double WORD_SIMILARITY = 0.25;

  /**
   * The query words a name must match at most (the first ones); any further words only rank the
   * names.
   */
  static final int MAX_NAME_WORDS = 8;

  record Point(double lat, double lon) {}

  /** Where the previous page ended: its last row's sort key and NPI. */
  record Cursor(String key, long npi) {

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((key + "\n" + npi).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page returned, or null for any other text. */
    static @Nullable Cursor decode(String cursor) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                .split("\n", -1);
        if (parts.length == 2 && parts[1].matches("[0-9]{10}")) {
          return new Cursor(parts[0], Long.parseLong(parts[1]));
        }
      } catch (IllegalArgumentException ignored) {
        // not one of ours
      }
      return null;
    }
  }

  /**
   * Whether a filter of the registry's own rows (not the candidate table's) is given: name, NPI,
   * type, address.
   */
  boolean registryFilters() {
    SearchQuery q = query;
    return q.name() != null
        || q.npi() != null
        || q.entityType() != null
        || q.credential() != null
        || q.state() != null
        || q.city() != null
        || q.zip() != null;
  }

  boolean hasHcpcs() {
    return query.hcpcs() != null && !query.hcpcs().isEmpty();
  }

  boolean hasPaymentFilter() {
    SearchQuery q = query;
    return q.manufacturer() != null
        || q.nature() != null
        || q.minPayment() != null
        || q.maxPayment() != null;
  }

  /** The claims a drug's prescriber must have: minClaims, else 1. */
  BigDecimal drugMinClaims() {
    return query.minClaims() != null ? query.minClaims() : BigDecimal.ONE;
  }

  /**
   * The words of a normalised name that a matching name must match: all but initials (one letter),
   * unless the name is initials alone; each once, at most {@link #MAX_NAME_WORDS}.
   */
  static List<String> requiredWords(String normalized) {
    List<String> words = List.of(normalized.split(" "));
    List<String> longer =
        words.stream().filter(w -> w.codePointCount(0, w.length()) > 1).distinct().toList();
    List<String> required = longer.isEmpty() ? words.stream().distinct().toList() : longer;
    return required.subList(0, Math.min(required.size(), MAX_NAME_WORDS));
  }

  /**
   * A word's letters in order, as provider_name_word.letters holds them (V75: ordered by code
   * point).
   */
  static String letters(String word) {
    return word.codePoints()
        .sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /**
   * A name as the search tables hold it: lower case, runs of anything but letters and digits as one
   * space.
   */
  static @Nullable String normalize(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return n.isEmpty() ? null : n;
  }
}
