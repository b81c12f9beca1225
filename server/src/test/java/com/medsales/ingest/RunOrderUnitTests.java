package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A file never replaces a newer one of its kind: by the dates in the names, else by the order runs
 * were queued.
 */
class RunOrderUnitTests {

  static IngestionRun run(
      long id, Dataset dataset, String kind, String name, @Nullable Integer year) {
    return new IngestionRun(
        id,
        dataset,
        kind,
        "/in/" + name,
        name,
        null,
        null,
        year,
        IngestionRun.Status.RUNNING,
        null,
        0,
        0,
        0,
        0,
        null,
        null,
        null,
        null,
        Instant.now(),
        null,
        null);
  }

  @Test
  void readsTheDatesThatNppesNamesCarry() {
    assertThat(RunOrder.dateOf("NPPES_Data_Dissemination_December_2021.zip"))
        .isEqualTo(LocalDate.of(2021, 12, 1));
    assertThat(RunOrder.dateOf("NPPES_Data_Dissemination_March_2024_V2.zip"))
        .isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(RunOrder.dateOf("npidata_pfile_20050523-20211212.csv"))
        .isEqualTo(LocalDate.of(2021, 12, 12));
    assertThat(RunOrder.dateOf("NPPES_Data_Dissemination_121221_121921_Weekly.zip"))
        .isEqualTo(LocalDate.of(2021, 12, 19));
    assertThat(RunOrder.dateOf("NPPES_Deactivated_NPI_Report_20211213.zip"))
        .isEqualTo(LocalDate.of(2021, 12, 13));
    assertThat(RunOrder.dateOf("npidata_pfile_2020_head_19.csv")).isNull();
  }

  @Test
  void anOlderMonthlyFileQueuedLaterIsRefusedWhenANewerOneIsPublished() {
    var older = run(9, Dataset.NPPES, "nppes", "NPPES_Data_Dissemination_November_2021.zip", null);
    var published =
        List.of(
            new IngestionRuns.Published(5, 5, "NPPES_Data_Dissemination_December_2021.zip", null));

    assertThat(RunOrder.newerPublished(older, 9, published))
        .contains("NPPES_Data_Dissemination_December_2021.zip (run 5)")
        .contains("older file never replaces a newer one");
    var newer = run(10, Dataset.NPPES, "nppes", "NPPES_Data_Dissemination_January_2022.zip", null);
    assertThat(RunOrder.newerPublished(newer, 10, published)).isNull();
  }

  @Test
  void withoutDatesARunQueuedBeforeAPublishedOneIsRefusedAndARetryKeepsItsPlace() {
    var published =
        List.of(new IngestionRuns.Published(7, 7, "npidata_pfile_2020_head_19.csv", null));
    var old = run(6, Dataset.NPPES, "nppes-weekly", "npidata_pfile_2018_sample_99.csv", null);
    var retryOfOld =
        run(8, Dataset.NPPES, "nppes-weekly", "npidata_pfile_2018_sample_99.csv", null);
    var later = run(8, Dataset.NPPES, "nppes-weekly", "npidata_pfile_2018_sample_99.csv", null);

    assertThat(RunOrder.newerPublished(old, 6, published)).contains("run 7");
    assertThat(RunOrder.newerPublished(retryOfOld, 6, published)).contains("run 7");
    assertThat(RunOrder.newerPublished(later, 8, published)).isNull();
  }

  @Test
  void aYearOfACmsDatasetIsOrderedOnItsOwn() {
    var published = List.of(new IngestionRuns.Published(7, 7, "MUP_PHY_2021.csv", 2021));

    assertThat(
            RunOrder.newerPublished(
                run(6, Dataset.PART_B, "partb", "MUP_PHY_2019.csv", null), 6, published))
        .isNull();
    assertThat(
            RunOrder.newerPublished(
                run(6, Dataset.PART_B, "partb", "MUP_PHY_2021_v1.csv", null), 6, published))
        .contains("of 2021");
  }
}
