package com.medsales.ingest;

import static com.medsales.ingest.VintageRecogniser.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One way to tell a file's vintage from its header, for every dataset CMS renamed columns in. */
class VintageRecogniserUnitTests {

  /**
   * Two vintages of four fields: an id, a code (both keys in the keyed variant), a name, and a
   * count the old lacks.
   */
  enum Layout {
    CURRENT("Rndrng_NPI", "HCPCS_Cd", "Prvdr_Name", "Tot_Srvcs"),
    LEGACY("npi", "hcpcs_code", "provider_name", ABSENT);

    final List<String> names;

    Layout(String... names) {
      this.names = List.of(names);
    }
  }

  static final VintageRecogniser<Layout> KEYED =
      new VintageRecogniser<>(
          "Test", Layout.class, l -> l.names, Set.of(0, 1), Set.of(2), "no id and code columns");
  static final VintageRecogniser<Layout> UNKEYED =
      new VintageRecogniser<>(
          "Test", Layout.class, l -> l.names, Set.of(), Set.of(), "no known columns");

  static CsvHeader header(String... names) {
    return new CsvHeader("file.csv", List.of(names));
  }

  @Test
  void findsTheVintageWhoseColumnsTheHeaderHasInAnyOrderAndCase() throws UnknownDatasetVintage {
    var match =
        KEYED.recognise(
            header("tot_srvcs", "Other", "HCPCS_CD", "Rndrng_NPI", "Prvdr_Name"), "file.csv");

    assertThat(match.vintage()).isEqualTo(Layout.CURRENT);
    assertThat(match.positions()).containsExactly(3, 2, 4, 0);
  }

  @Test
  void leavesAnAbsentOrOptionalFieldAtMinusOne() throws UnknownDatasetVintage {
    var match = KEYED.recognise(header("npi", "hcpcs_code"), "file.csv");

    assertThat(match.vintage()).isEqualTo(Layout.LEGACY);
    assertThat(match.at(2)).isEqualTo(-1);
    assertThat(match.at(3)).isEqualTo(-1);
  }

  @Test
  void namesTheVintageWhoseKeysTheFileHasWithWhatItLacks() {
    assertThatThrownBy(
            () -> KEYED.recognise(header("Rndrng_NPI", "HCPCS_Cd", "Secret_Column"), "file.csv"))
        .isInstanceOf(UnknownDatasetVintage.class)
        .hasMessage("file.csv looks like the current Test layout but lacks [Tot_Srvcs]");
  }

  @Test
  void refusesAFileWithoutAVintagesKeysWithTheDatasetsReasonQuotingNoneOfItsColumns() {
    assertThatThrownBy(
            () -> KEYED.recognise(header("root:x:0:0", "Prvdr_Name", "Tot_Srvcs"), "file.csv"))
        .isInstanceOf(UnknownDatasetVintage.class)
        .hasMessage("Unknown Test layout in file.csv: no id and code columns");
  }

  @Test
  void withoutKeysNamesTheNearestVintageOnlyWhenTheFileHasMoreThanHalfItsColumns() {
    assertThatThrownBy(
            () -> UNKEYED.recognise(header("Rndrng_NPI", "HCPCS_Cd", "Prvdr_Name"), "file.csv"))
        .hasMessage("file.csv looks like the current Test layout but lacks [Tot_Srvcs]");
    assertThatThrownBy(() -> UNKEYED.recognise(header("Rndrng_NPI", "root:x:0:0"), "file.csv"))
        .hasMessage("Unknown Test layout in file.csv: no known columns");
  }
}
