package com.medsales.utilization.internal;

import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.Decimal;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A prescriber's Part D totals and top five drugs, computed while the file streams past (CMS
 * publishes each prescriber's rows together), so the load needs no sort of the year's 26 million
 * drug rows to build them. The same sums and order as the SQL fallback in {@link PartDLoader}:
 * totals over the rows, brand claims where the brand name is not the generic name, suppressed rows,
 * and the top drugs by claims (nulls last), then brand name. A prescriber whose rows turn up again
 * after another's marks the stream unsorted: the loader then computes the rollups in SQL instead.
 */
final class PrescriberRollup {

  private static final int TOP = 5;

  private final int year;
  private final CopyWriter out;
  private final PeerPercentiles peers = new PeerPercentiles();
  private @Nullable String providerType;
  private @Nullable String state;
  private final Set<Long> done = new HashSet<>();
  private boolean sorted = true;

  private long npi = -1;
  private Decimal.Sum claims;
  private Decimal.@Nullable Sum fills;
  private Decimal.Sum cost;
  private Decimal.Sum brand;
  private Decimal.Sum generic;
  private int rows;
  private int suppressed;
  private final List<Drug> top = new ArrayList<>(TOP + 1);

  private record Drug(
      String brand, @Nullable String generic, @Nullable Decimal claims, @Nullable Decimal cost) {}

  PrescriberRollup(int year, CopyWriter out) {
    this.year = year;
    this.out = out;
  }

  /** One drug row of {@code prescriber}; values as the file has them (blank as null). */
  void add(
      long prescriber,
      String brandName,
      @Nullable String genericName,
      @Nullable Decimal rowClaims,
      @Nullable Decimal rowFills,
      @Nullable Decimal rowCost,
      boolean suppressedRow)
      throws IOException {
    if (prescriber != npi) {
      flush();
      if (!done.add(prescriber)) {
        sorted = false;
      }
      npi = prescriber;
      claims = new Decimal.Sum();
      fills = null;
      cost = new Decimal.Sum();
      brand = new Decimal.Sum();
      generic = new Decimal.Sum();
      rows = 0;
      suppressed = 0;
      top.clear();
      providerType = null;
      state = null;
    }
    if (rowClaims != null) {
      claims.add(rowClaims);
      boolean isGeneric = sameUpperCase(brandName, genericName == null ? "" : genericName);
      if (isGeneric) {
        generic.add(rowClaims);
      } else {
        brand.add(rowClaims);
      }
    }
    if (rowFills != null) {
      if (fills == null) {
        fills = new Decimal.Sum();
      }
      fills.add(rowFills);
    }
    if (rowCost != null) {
      cost.add(rowCost);
    }
    rows++;
    if (suppressedRow) {
      suppressed++;
    }
    keepTop(new Drug(brandName, genericName, rowClaims, rowCost));
  }

  /**
   * {@code a.toUpperCase(ROOT).equals(b.toUpperCase(ROOT))} (PostgreSQL's {@code upper(a) =
   * upper(b)} in the SQL version) without the two new strings a row: ASCII is compared in place,
   * anything else as the JDK upper-cases it.
   */
  static boolean sameUpperCase(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x >= 0x80 || y >= 0x80) {
        return a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
      }
      if (x != y && upper(x) != upper(y)) {
        return false; // the upper-cased strings differ here whatever follows
      }
    }
    // all ASCII and alike so far: a longer one still has characters after, and upper-casing never
    // makes one vanish
    return a.length() == b.length();
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  private void keepTop(Drug drug) {
    if (top.size() == TOP && !before(drug, top.getLast())) {
      return; // most rows: not among the five kept so far
    }
    int at = 0;
    while (at < top.size() && !before(drug, top.get(at))) {
      at++;
    }
    if (at < TOP) {
      top.add(at, drug);
      if (top.size() > TOP) {
        top.removeLast();
      }
    }
  }

  /** Claims descending with nulls last, then brand name: PostgreSQL's order in the SQL version. */
  private static boolean before(Drug a, Drug b) {
    if (a.claims() == null || b.claims() == null) {
      if (a.claims() == null && b.claims() == null) {
        return a.brand().compareTo(b.brand()) < 0;
      }
      return a.claims() != null;
    }
    int byClaims = b.claims().compareTo(a.claims());
    return byClaims != 0 ? byClaims < 0 : a.brand().compareTo(b.brand()) < 0;
  }

  /**
   * The current prescriber's peer group: its provider row's type and state (the first row of its
   * run).
   */
  void peerGroup(@Nullable String type, @Nullable String stateCode) {
    providerType = type;
    state = stateCode;
  }

  /** The peer percentiles of the prescribers written; whole only when {@link #sorted()}. */
  PeerPercentiles peers() {
    return peers;
  }

  /** Writes the last prescriber's row; call once after the last row. */
  void finish() throws IOException {
    flush();
  }

  boolean sorted() {
    return sorted;
  }

  private void flush() throws IOException {
    if (npi < 0 || !sorted) {
      return;
    }
    ArrayNode drugs = JsonNodeFactory.instance.arrayNode();
    for (Drug d : top) {
      ObjectNode o = drugs.addObject();
      o.put("brandName", d.brand());
      o.put("genericName", d.generic());
      if (d.claims() == null) {
        o.putNull("claims");
      } else {
        o.put("claims", d.claims().toBigDecimal());
      }
      if (d.cost() == null) {
        o.putNull("drugCost");
      } else {
        o.put("drugCost", d.cost().toBigDecimal());
      }
    }
    BigDecimal claims = this.claims.value();
    BigDecimal cost = this.cost.value();
    out.field(year)
        .field(npi)
        .field(claims.toPlainString())
        .field(fills == null ? null : fills.value().toPlainString())
        .field(cost.toPlainString())
        .field(brand.value().toPlainString())
        .field(generic.value().toPlainString())
        .field((long) rows)
        .field((long) suppressed)
        .field(drugs.toString());
    out.endRow();
    // drug_cost is numeric(18, 2): rank on the value as stored
    peers.add(npi, providerType, state, claims, cost.setScale(2, RoundingMode.HALF_UP));
  }
}
