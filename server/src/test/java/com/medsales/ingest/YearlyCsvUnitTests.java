package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YearlyCsvUnitTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "12",
        "-3",
        "+4",
        "1234.56",
        ".5",
        "5.",
        "-0.001",
        "1E5",
        "2.5e-3",
        "1234567890123456789012345"
      })
  void numbersPostgresqlTakesAreDecimals(String value) {
    assertThat(YearlyCsv.isDecimal(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        ".",
        "1,234",
        "12a",
        "1.2.3",
        "NaN",
        "Infinity",
        "$5",
        "1e99999",
        "--1",
        "1 000"
      })
  void anythingElseIsNot(String value) {
    assertThat(YearlyCsv.isDecimal(value)).isFalse();
  }
}
