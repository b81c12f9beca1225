package com.medsales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpiUnitTests {

  @Test
  void acceptsRealNpis() {
    // from the December 2021 NPPES file and CMS's worked example
    assertThat(Npi.problem("1023011053")).isNull();
    assertThat(Npi.problem("1234567893")).isNull();
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertThat(Npi.problem("1234567890")).isEqualTo("NPI check digit is wrong");
  }

  @Test
  void refusesWrongLengthsAndLetters() {
    assertThat(Npi.problem("123456789")).isEqualTo("NPI must have 10 digits");
    assertThat(Npi.problem("12345678X3")).isEqualTo("NPI must have 10 digits");
    assertThat(Npi.problem("")).isEqualTo("NPI must have 10 digits");
  }
}
