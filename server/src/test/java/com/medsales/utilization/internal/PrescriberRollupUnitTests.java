package com.medsales.utilization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PrescriberRollupUnitTests {

  @Test
  void comparesBrandAndGenericNamesUpperCasedAsTheJdkDoes() {
    // from the 2013 sample (brand = generic, brand alone, case apart) and names beyond ASCII, where
    // upper-casing changes length
    List<List<String>> pairs =
        List.of(
            List.of("TAMSULOSIN HCL", "TAMSULOSIN HCL"),
            List.of("Lisinopril", "LISINOPRIL"),
            List.of("ZOLOFT", "SERTRALINE HCL"),
            List.of("ALPRAZOLAM", "ALPRAZOLAM ER"),
            List.of("ALPRAZOLAM ER", "ALPRAZOLAM"),
            List.of("", ""),
            List.of("A", ""),
            List.of("straße", "STRASSE"),
            List.of("STRASSE", "straße"),
            List.of("straße", "STRASSEN"),
            List.of("crème", "CRÈME"),
            List.of("crème", "CREME"),
            List.of("[A]", "[a]"),
            List.of("@", "`"),
            List.of("z{", "Z{"));
    for (List<String> pair : pairs) {
      String a = pair.get(0);
      String b = pair.get(1);
      assertThat(PrescriberRollup.sameUpperCase(a, b))
          .as(a + " / " + b)
          .isEqualTo(a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT)));
    }
    assertThat(PrescriberRollup.sameUpperCase("straße", "STRASSE")).isTrue();
    assertThat(PrescriberRollup.sameUpperCase("Lisinopril", "LISINOPRIL")).isTrue();
    assertThat(PrescriberRollup.sameUpperCase("@", "`")).isFalse();
  }
}
