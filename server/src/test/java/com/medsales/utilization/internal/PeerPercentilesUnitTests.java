package com.medsales.utilization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerPercentilesUnitTests {

  @Test
  void ranksTiesAlikeWithinEachGroupAndAloneAtZero() {
    var peers = new PeerPercentiles();
    // dentists in CA by claims 15, 15, 16, 17 (as four of the 2013 sample's), one psychiatrist in
    // CT alone
    peers.add(1, "Dentist", "CA", new BigDecimal("15"), BigDecimal.ZERO);
    peers.add(2, "Dentist", "CA", new BigDecimal("15"), BigDecimal.ZERO);
    peers.add(3, "Dentist", "CA", new BigDecimal("16"), BigDecimal.ZERO);
    peers.add(4, "Dentist", "CA", new BigDecimal("17"), BigDecimal.ZERO);
    peers.add(5, "Psychiatry", "CT", new BigDecimal("4299"), BigDecimal.ZERO);
    peers.add(6, null, null, new BigDecimal("3"), BigDecimal.ZERO);
    peers.add(7, null, null, new BigDecimal("2.5"), BigDecimal.ZERO);

    BigDecimal[] claims = {
      new BigDecimal("15"),
      new BigDecimal("15"),
      new BigDecimal("16"),
      new BigDecimal("17"),
      new BigDecimal("4299"),
      new BigDecimal("3"),
      new BigDecimal("2.5")
    };
    assertThat(peers.hundredths(claims)).containsExactly(0, 0, 6667, 10000, 0, 10000, 0);
  }

  @Test
  void amountsInCentsAreRankedAsWholeNumbersAtTheirLargestScale() {
    var peers = new PeerPercentiles();
    BigDecimal[] costs = {new BigDecimal("293279.25"), new BigDecimal("15"), new BigDecimal("0.5")};
    for (int i = 0; i < costs.length; i++) {
      peers.add(i, "Dentist", "CA", BigDecimal.ONE, costs[i]);
    }
    // a year's drug costs have cents: they take the primitive sort, not the sort of a million
    // BigDecimals
    assertThat(peers.asLongs(costs)).containsExactly(29327925, 1500, 50);
    assertThat(
            peers.asLongs(
                new BigDecimal[] {new BigDecimal("1E+30"), BigDecimal.ONE, BigDecimal.ONE}))
        .isNull();
  }

  @Test
  void valuesBeyondALongRankAsTheWholeNumbersDo() {
    var random = new Random(42);
    var peers = new PeerPercentiles();
    BigDecimal[] values = new BigDecimal[5000];
    BigDecimal[] beyond = new BigDecimal[values.length];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          BigDecimal.valueOf(
              random.nextInt(300), random.nextInt(3)); // ties and mixed scales, as claims sums
      // the same order and ties, but no long holds them at a common scale: the sorting fallback
      // ranks these
      beyond[i] = values[i].add(new BigDecimal("1E+30")).add(new BigDecimal("1E-30"));
      peers.add(
          i, "type " + random.nextInt(7), random.nextBoolean() ? "CA" : null, values[i], values[i]);
    }

    int[] byKeys = peers.hundredths(values);
    assertThat(Arrays.stream(byKeys).distinct().count()).isGreaterThan(100);
    assertThat(peers.hundredths(beyond)).containsExactly(byKeys);
  }
}
