package com.medsales.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapSettingsUnitTests {

  @Test
  void aBlankStyleMeansTheBundledBoundariesAlone() {
    assertThat(new MapSettings(null).style()).isNull();
    assertThat(new MapSettings("  ").style()).isNull();
  }

  @Test
  void aStyleUrlIsHandedToTheWebAppTrimmed() {
    assertThat(new MapSettings(" https://tiles.example.test/style.json ").style())
        .isEqualTo("https://tiles.example.test/style.json");
  }
}
