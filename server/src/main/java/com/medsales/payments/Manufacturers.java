package com.medsales.payments;

import java.util.Locale;
import java.util.Set;

/**
 * One spelling per company: "DePuy Synthes Sales Inc." and "DEPUY SYNTHES SALES, INC" are the same
 * payer. Case, punctuation and corporate suffixes go; the raw name is kept beside it. Grouping
 * sister companies under a parent (DePuy Synthes under Johnson & Johnson) needs a curated list and
 * is not done here.
 */
public final class Manufacturers {

  private static final Set<String> SUFFIXES =
      Set.of(
          "INC",
          "INCORPORATED",
          "LLC",
          "LP",
          "LLP",
          "LTD",
          "LIMITED",
          "CORP",
          "CORPORATION",
          "CO",
          "COMPANY",
          "PLC",
          "GMBH",
          "AG",
          "SA",
          "NV",
          "BV",
          "SPA",
          "PC");

  private Manufacturers() {}

  /**
   * The payer's name as op_*.manufacturer holds it; also what a search by manufacturer compares
   * with.
   */
  public static String canonical(String raw) {
    String[] words =
        raw.toUpperCase(Locale.ROOT)
            .replace("&", " AND ")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip()
            .split(" ");
    int end = words.length;
    while (end > 1 && SUFFIXES.contains(words[end - 1])) {
      end--;
    }
    return String.join(" ", java.util.Arrays.copyOf(words, end));
  }
}
