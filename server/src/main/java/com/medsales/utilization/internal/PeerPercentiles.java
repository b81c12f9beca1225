package com.medsales.utilization.internal;

import com.medsales.ingest.CopyWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The peer percentiles of a year's prescribers, computed from the rollups the stream summed (about
 * a million at the national size, a few tens of megabytes) and written by COPY, so that the publish
 * needs no window sorts over the rollup and provider tables while the drug table's index is being
 * built beside it. The same figures as the SQL fallback in {@link PartDLoader}: {@code round((100 *
 * percent_rank() OVER (PARTITION BY provider_type, state ORDER BY x))::numeric, 2)}, peers being
 * the prescribers of the same type in the same state (blank counting as one value), ties sharing
 * the rank of the first of them.
 */
final class PeerPercentiles {

  /**
   * PostgreSQL turns a double into numeric through {@code %.15g} ({@code DBL_DIG} significant
   * digits).
   */
  private static final MathContext FLOAT8_TO_NUMERIC = new MathContext(15, RoundingMode.HALF_EVEN);

  private record Group(@Nullable String providerType, @Nullable String state) {}

  private final Map<Group, Integer> groups = new HashMap<>();
  private long[] npis = new long[1024];
  private int[] groupOf = new int[1024];
  private BigDecimal[] claims = new BigDecimal[1024];
  private BigDecimal[] costs = new BigDecimal[1024];
  private int size;

  /**
   * One prescriber's totals and peer group (provider type and state as the provider row has them).
   */
  void add(
      long npi,
      @Nullable String providerType,
      @Nullable String state,
      BigDecimal claimsTotal,
      BigDecimal costTotal) {
    if (size == npis.length) {
      int grown = size * 2;
      npis = Arrays.copyOf(npis, grown);
      groupOf = Arrays.copyOf(groupOf, grown);
      claims = Arrays.copyOf(claims, grown);
      costs = Arrays.copyOf(costs, grown);
    }
    Group key = new Group(providerType, state);
    Integer group = groups.get(key);
    if (group == null) {
      group = groups.size();
      groups.put(key, group);
    }
    npis[size] = npi;
    groupOf[size] = group;
    claims[size] = claimsTotal;
    costs[size] = costTotal;
    size++;
  }

  /**
   * Writes (data year, NPI, claims percentile, cost percentile) per prescriber, in the order they
   * were added.
   */
  void write(int year, CopyWriter out) throws IOException {
    int[] byClaims = hundredths(claims);
    int[] byCost = hundredths(costs);
    for (int i = 0; i < size; i++) {
      out.field(year)
          .field(npis[i])
          .field(BigDecimal.valueOf(byClaims[i], 2).toPlainString())
          .field(BigDecimal.valueOf(byCost[i], 2).toPlainString());
      out.endRow();
    }
  }

  /**
   * Each prescriber's {@code round((100 * percent_rank())::numeric, 2)} in hundredths: (rank - 1) /
   * (peers - 1), where tied values share the rank of the first of them. The values as whole numbers
   * at their largest scale (cents, claims) when they fit a long, sorted as primitives: a sort of a
   * million BigDecimals took seconds of a core the drug index's build needed.
   */
  int[] hundredths(BigDecimal[] values) {
    long[] keys = asLongs(values);
    return keys == null ? hundredthsBySorting(values) : hundredthsOfKeys(keys);
  }

  /** The values times 10^(their largest scale), or null when one of them does not fit a long so. */
  long @Nullable [] asLongs(BigDecimal[] values) {
    int scale = 0;
    for (int i = 0; i < size; i++) {
      scale = Math.max(scale, values[i].scale());
    }
    long[] keys = new long[size];
    try {
      for (int i = 0; i < size; i++) {
        // the unscaled value: longValueExact() of the scaled value itself refused every fraction,
        // so a year's costs
        // (in cents) always took the slow sort below
        keys[i] = values[i].setScale(scale).unscaledValue().longValueExact();
      }
    } catch (ArithmeticException tooLarge) {
      return null;
    }
    return keys;
  }

  /**
   * Each group's keys sorted; a prescriber's rank - 1 is the number of its group's keys below its
   * own.
   */
  private int[] hundredthsOfKeys(long[] keys) {
    int groupCount = groups.size();
    int[] groupStart = new int[groupCount + 1];
    for (int i = 0; i < size; i++) {
      groupStart[groupOf[i] + 1]++;
    }
    for (int g = 0; g < groupCount; g++) {
      groupStart[g + 1] += groupStart[g];
    }
    long[] sorted = new long[size];
    int[] next = Arrays.copyOf(groupStart, groupCount);
    for (int i = 0; i < size; i++) {
      sorted[next[groupOf[i]]++] = keys[i];
    }
    for (int g = 0; g < groupCount; g++) {
      Arrays.sort(sorted, groupStart[g], groupStart[g + 1]);
    }
    int[] result = new int[size];
    for (int i = 0; i < size; i++) {
      int from = groupStart[groupOf[i]];
      int to = groupStart[groupOf[i] + 1];
      int low = from;
      int high = to;
      while (low < high) { // the first of the group's keys not below this one
        int middle = (low + high) >>> 1;
        if (sorted[middle] < keys[i]) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      int peers = to - from;
      result[i] = hundredths(100 * (peers > 1 ? (double) (low - from) / (double) (peers - 1) : 0));
    }
    return result;
  }

  private record Ranked(int group, BigDecimal value, int prescriber) {}

  /**
   * The same for values that do not fit a long: the prescribers sorted by group and value, ties
   * walked through.
   */
  private int[] hundredthsBySorting(BigDecimal[] values) {
    Ranked[] order = new Ranked[size];
    int[] peers = new int[groups.size()];
    for (int i = 0; i < size; i++) {
      order[i] = new Ranked(groupOf[i], values[i], i);
      peers[groupOf[i]]++;
    }
    Arrays.sort(
        order,
        (a, b) ->
            a.group() != b.group()
                ? Integer.compare(a.group(), b.group())
                : a.value().compareTo(b.value()));
    int[] result = new int[size];
    int groupStart = 0;
    int rankStart = 0;
    int percentile = 0;
    for (int at = 0; at < size; at++) {
      Ranked r = order[at];
      if (at == 0 || r.group() != order[at - 1].group()) {
        groupStart = at;
        rankStart = -1;
      }
      if (rankStart < 0 || r.value().compareTo(order[at - 1].value()) != 0) {
        rankStart = at;
        int n = peers[r.group()];
        percentile =
            hundredths(100 * (n > 1 ? (double) (rankStart - groupStart) / (double) (n - 1) : 0));
      }
      result[r.prescriber()] = percentile;
    }
    return result;
  }

  /**
   * {@code round(x::numeric, 2)} of a double precision {@code x} from 0 to 100, in hundredths. Only
   * a value within a hair of a half hundredth needs the exact conversion: elsewhere neither the
   * rounding to 15 digits (at most 5e-12 here) nor the product's own error (about 2e-12) can carry
   * it across one, and the nearest hundredth is the answer.
   */
  static int hundredths(double x) {
    double scaled = x * 100;
    double floor = Math.floor(scaled);
    double fraction = scaled - floor;
    if (Math.abs(fraction - 0.5) > 1e-6) {
      return (int) floor + (fraction > 0.5 ? 1 : 0);
    }
    return new BigDecimal(x)
        .round(FLOAT8_TO_NUMERIC)
        .setScale(2, RoundingMode.HALF_UP)
        .unscaledValue()
        .intValueExact();
  }
}
