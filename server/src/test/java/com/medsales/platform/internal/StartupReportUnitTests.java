package com.medsales.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupReportUnitTests {

  @Test
  void bannerSaysThatSigningInIsRequiredNotThatEveryPageIsOpen() {
    String banner = StartupReport.banner("8080", "api", "embedded PostgreSQL on localhost:5432");

    assertThat(banner)
        .contains("MedSales is running at http://localhost:8080")
        .contains("sign-in:   required; http://localhost:8080/sign-in")
        .doesNotContainIgnoringCase("open on this machine")
        .doesNotContainIgnoringCase("none yet");
  }
}
