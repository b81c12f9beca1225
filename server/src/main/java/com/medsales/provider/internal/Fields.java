package com.medsales.provider.internal;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks and conversions of NPPES field values. */
final class Fields {

  private Fields() {}

  static final Set<String> US_STATES =
      Set.of(
          "AL",
          "AK",
          "AZ",
          "AR",
          "CA",
          "CO",
          "CT",
          "DE",
          "DC",
          "FL",
          "GA",
          "HI",
          "ID",
          "IL",
          "IN",
          "IA",
          "KS",
          "KY",
          "LA",
          "ME",
          "MD",
          "MA",
          "MI",
          "MN",
          "MS",
          "MO",
          "MT",
          "NE",
          "NV",
          "NH",
          "NJ",
          "NM",
          "NY",
          "NC",
          "ND",
          "OH",
          "OK",
          "OR",
          "PA",
          "RI",
          "SC",
          "SD",
          "TN",
          "TX",
          "UT",
          "VT",
          "VA",
          "WA",
          "WV",
          "WI",
          "WY",
          // territories, freely associated states and military post offices, as USPS and NPPES use
          // them
          "PR",
          "VI",
          "GU",
          "AS",
          "MP",
          "UM",
          "FM",
          "MH",
          "PW",
          "AA",
          "AE",
          "AP");

  private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
  private static final Set<String> ORGANIZATION_SUFFIXES =
      Set.of(
          "inc",
          "llc",
          "pc",
          "pa",
          "pllc",
          "ltd",
          "corp",
          "corporation",
          "co",
          "company",
          "lp",
          "llp",
          "the");

  static @Nullable String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** MM/DD/YYYY to ISO yyyy-MM-dd; null for blank; {@link #BAD} when it is not a real date. */
  static @Nullable String isoDate(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() != 10 || value.charAt(2) != '/' || value.charAt(5) != '/') {
      return BAD;
    }
    int month = digits(value, 0, 2);
    int day = digits(value, 3, 5);
    int year = digits(value, 6, 10);
    if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) {
      return BAD;
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return BAD;
    }
    return value.substring(6, 10) + '-' + value.substring(0, 2) + '-' + value.substring(3, 5);
  }

  /** Marks a value that failed its check. */
  static final String BAD = new String("\u0000bad");

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A US address: no country, or US. */
  static boolean domestic(String country) {
    return country.isEmpty() || country.equals("US");
  }

  /** A ZIP as NPPES writes it: 5 digits or 9 (ZIP+4, no hyphen). */
  static boolean validZip(String postal) {
    return (postal.length() == 5 || postal.length() == 9) && isDigits(postal);
  }

  /** A NUCC taxonomy code: 10 characters, ending in X. */
  static boolean validTaxonomy(String code) {
    if (code.length() != 10 || code.charAt(9) != 'X') {
      return false;
    }
    for (int i = 0; i < 9; i++) {
      char c = code.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  static @Nullable Boolean yesNo(String value) {
    return switch (value) {
      case "Y" -> Boolean.TRUE;
      case "N" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * Lower case, punctuation to spaces, common suffixes dropped, spaces collapsed: what name search
   * compares.
   */
  static @Nullable String searchName(@Nullable String text, boolean organization) {
    if (text == null || text.isBlank()) {
      return null;
    }
    var words = new StringBuilder();
    for (String word :
        text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ")) {
      if (word.isEmpty()
          || NAME_SUFFIXES.contains(word)
          || (organization && ORGANIZATION_SUFFIXES.contains(word))) {
        continue;
      }
      if (!words.isEmpty()) {
        words.append(' ');
      }
      words.append(word);
    }
    return words.isEmpty() ? null : words.toString();
  }

  /** FNV-1a, 64 bits, over values with a separator: a cheap fingerprint of a group of fields. */
  static final class Fingerprint {
    private long hash = 0xcbf29ce484222325L;

    Fingerprint add(@Nullable String value) {
      if (value != null) {
        for (int i = 0; i < value.length(); i++) {
          hash ^= value.charAt(i);
          hash *= 0x100000001b3L;
        }
      }
      hash ^= 0x1f;
      hash *= 0x100000001b3L;
      return this;
    }

    long value() {
      return hash;
    }
  }
}
