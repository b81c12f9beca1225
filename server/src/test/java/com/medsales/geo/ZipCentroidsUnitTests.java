package com.medsales.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipCentroidsUnitTests {

  private final ZipCentroids centroids = new ZipCentroids();

  @Test
  void holdsTheWholeGazetteer() {
    assertThat(centroids.size()).isEqualTo(33_791);
  }

  @Test
  void locatesAZipByItsZctaCentroid() {
    // 2025 gazetteer: 90038|...|34.088017|-118.327168
    var point = centroids.locate("900381662").orElseThrow();
    assertThat(point.latitude()).isEqualTo(34.088017);
    assertThat(point.longitude()).isEqualTo(-118.327168);
    assertThat(point.precision()).isEqualTo(GeoPoint.Precision.ZIP5);
  }

  @Test
  void fallsBackToTheThreeDigitPrefixForZipsWithoutAZcta() {
    // 10008 is a Manhattan PO-box ZIP with no ZCTA
    var point = centroids.locate("10008").orElseThrow();
    assertThat(point.precision()).isEqualTo(GeoPoint.Precision.ZIP3);
    assertThat(point.latitude()).isBetween(40.6, 40.9);
  }

  @Test
  void findsNothingForForeignOrShortCodes() {
    assertThat(centroids.locate("999")).isEmpty();
    assertThat(centroids.locate("00000")).isEmpty();
  }
}
