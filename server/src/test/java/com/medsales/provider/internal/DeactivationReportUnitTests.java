package com.medsales.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeactivationReportUnitTests {

  @TempDir Path dir;

  private static List<DeactivationReport.Row> rows(DeactivationReport report) throws IOException {
    List<DeactivationReport.Row> rows = new ArrayList<>();
    for (var row = report.next(); row != null; row = report.next()) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void readsTheSpreadsheetBelowItsTitleWithDatesAndNumericNpisAsText() throws Exception {
    Path file =
        new DeactivationWorkbooks()
            .row("1003000126", LocalDate.of(2024, 11, 2))
            .row(1215930367L, "11/03/2024")
            .write(dir.resolve("NPPES Deactivated NPI Report 20241111.xlsx"));

    try (var report = DeactivationReport.open(file)) {
      assertThat(report.header()).containsExactly("NPI", "NPPES Deactivation Date");
      List<DeactivationReport.Row> rows = rows(report);

      assertThat(rows)
          .extracting(DeactivationReport.Row::line)
          .containsExactly(4L, 5L); // the sheet's row numbers
      assertThat(rows.get(0).get(0)).isEqualTo("1003000126");
      assertThat(rows.get(0).get(1)).isEqualTo("11/02/2024");
      assertThat(rows.get(1).get(0)).isEqualTo("1215930367");
      assertThat(rows.get(1).get(1)).isEqualTo("11/03/2024");
    }
  }

  @Test
  void readsTheSpreadsheetInsideTheDownloadedZip() throws Exception {
    Path zip =
        new DeactivationWorkbooks()
            .row("1003000126", LocalDate.of(2024, 11, 2))
            .writeZipped(
                dir.resolve("NPPDeactivatedNPIReport20241111.zip"),
                "NPPES Deactivated NPI Report 20241111.xlsx");

    try (var report = DeactivationReport.open(zip)) {
      assertThat(report.fileName()).isEqualTo("NPPES Deactivated NPI Report 20241111.xlsx");
      assertThat(rows(report))
          .singleElement()
          .satisfies(row -> assertThat(row.cells()).containsExactly("1003000126", "11/02/2024"));
    }
  }

  @Test
  void readsACsvExportWithItsLineNumbers() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("deactivations.csv"),
            "NPPES Deactivated NPI Report\n\"NPI\",\"NPPES Deactivation Date\"\n\"1003000126\",\"11/02/2024\"\n",
            StandardCharsets.UTF_8);

    try (var report = DeactivationReport.open(file)) {
      assertThat(rows(report))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.line()).isEqualTo(3);
                assertThat(row.get(1)).isEqualTo("11/02/2024");
              });
    }
  }

  @Test
  void refusesAFileThatIsNoSpreadsheetAndOneWithoutAnNpiColumn() throws Exception {
    Path notXlsx =
        Files.writeString(
            dir.resolve("report.xlsx"), "NPI,Deactivation Date\n", StandardCharsets.UTF_8);
    Path noNpi =
        Files.writeString(
            dir.resolve("report.csv"),
            "Number,Date\n1003000126,11/02/2024\n",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DeactivationReport.open(notXlsx))
        .hasMessageContaining("report.xlsx is not a readable .xlsx");
    assertThatThrownBy(() -> DeactivationReport.open(noNpi))
        .hasMessageContaining("report.csv: no header row naming an NPI column");
  }
}
