package com.medsales.utilization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.IngestionRuns;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.BulkConnections;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.Providers;
import com.medsales.testing.OwnerJdbc;
import com.medsales.utilization.MedicareUtilization;
import com.medsales.utilization.PartBYear;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part B on the real data.cms.gov exports of the Mohs surgery codes (17311-17315), 2019 and 2021,
 * and 2023 rows.
 */
@SpringBootTest
class PartBIngestionIntegrationTests {

  static final String Y2021 = "MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv";
  static final String Y2019 = "MUP_PHY_by_provider_and_service_2019_mohs_17311-17315.csv";
  static final String Y2023 = "derived_2023_sample_37_rewritten_by_api_client.csv";

  @Autowired Ingestion ingestion;
  @Autowired IngestionRuns runs;
  @Autowired MedicareUtilization utilization;
  @Autowired Providers providers;
  // the owner: these tests empty public datasets, which the application's role may only read
  JdbcClient jdbc;

  @Autowired
  void useOwnerConnections(BulkConnections bulk) {
    jdbc = OwnerJdbc.of(bulk);
  }

  @TempDir Path dir;

  @BeforeEach
  void noPartB() {
    for (String table : List.of("partb_service", "partb_provider", "partb_rollup")) {
      jdbc.sql("TRUNCATE " + table).update();
    }
  }

  private Path sample(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/demo/partb/" + name)) {
      Path file = dir.resolve(name);
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }

  private IngestionRun load(Path file) throws Exception {
    return ingestion.runNow("partb", file.toString(), ProgressListener.NONE);
  }

  @Test
  void loadsAYearFieldByFieldAndRollsItUpAsComputedByHand() throws Exception {
    IngestionRun run = load(sample(Y2021));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2021);
    assertThat(run.rowsRead()).isEqualTo(8938);
    assertThat(run.recordCount()).isEqualTo(8938);
    var row =
        jdbc.sql(
                """
                SELECT hcpcs_description, place_of_service, total_beneficiaries, total_services,
                       avg_submitted_charge, avg_payment_amount, avg_standardized_amount, beneficiaries_suppressed
                FROM partb_service WHERE data_year = 2021 AND npi = 1003011404 AND hcpcs_code = '17311'
                """)
            .query(
                (rs, i) ->
                    List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getBoolean(8)))
            .single();
    assertThat(row.get(0))
        .asString()
        .startsWith("Removal and microscopic examination of growth of the head");
    assertThat(row.subList(1, 8))
        .containsExactly(
            "O",
            125,
            new BigDecimal("182"),
            new BigDecimal("1411.9120879"),
            new BigDecimal("432.31736264"),
            new BigDecimal("414.0306044"),
            false);

    // Holly Mccoppin, Loveland CO: 17311 x182, 17312 x129, 17313 x21 (computed from the CSV by
    // hand)
    PartBYear year = utilization.partB(1003011404L).getFirst();
    assertThat(year.year()).isEqualTo(2021);
    assertThat(year.providerType()).isEqualTo("Dermatology");
    assertThat(year.services()).isEqualByComparingTo("332");
    assertThat(year.rows()).isEqualTo(3);
    assertThat(year.beneficiariesSummedOverServices()).isEqualTo(211);
    assertThat(year.suppressedRows()).isZero();
    assertThat(year.paymentAmount()).isEqualByComparingTo("133730.88");
    assertThat(year.topProcedures())
        .extracting(PartBYear.Procedure::hcpcs)
        .containsExactly("17311", "17312", "17313");
    // 55 dermatologists in Colorado in this file; 332 services ranks 29th: percent_rank 28/54
    assertThat(year.servicesPercentile()).isEqualByComparingTo("51.85");
  }

  @Test
  void keepsYearsSideBySideAndReloadingOneReplacesExactlyIt() throws Exception {
    load(sample(Y2019));
    load(sample(Y2021));
    long rows2019 = count(2019);

    IngestionRun again = load(sample(Y2021));

    assertThat(again.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(count(2021)).isEqualTo(8938);
    assertThat(count(2019)).isEqualTo(rows2019).isEqualTo(8362);
    assertThat(utilization.partB(1003011404L))
        .extracting(PartBYear::year)
        .containsExactly(2021, 2019);
    assertThat(
            jdbc.sql(
                    "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'partb_service'::regclass")
                .query(String.class)
                .list())
        .contains("partb_service_y2019", "partb_service_y2021");
    assertThat(
            jdbc.sql("SELECT to_regclass('partb_service_y2021_next') IS NULL")
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void loadsThe2023ReleaseWhichHasNoGenderColumn() throws Exception {
    IngestionRun run = load(sample(Y2023));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2023);
    assertThat(run.rowsLoaded()).isEqualTo(37);
    assertThat(
            jdbc.sql("SELECT count(*) FROM partb_provider WHERE data_year = 2023 AND sex IS NULL")
                .query(Long.class)
                .single())
        .isEqualTo(12);
  }

  @Test
  void loadsTheEarlierPufNamingFromCmsDataDictionary() throws Exception {
    // written for this test from the real 2021 rows under the pre-2019 PUF column names of CMS's
    // data dictionary
    String[][] names = {
      {"npi", "Rndrng_NPI"},
      {"nppes_provider_last_org_name", "Rndrng_Prvdr_Last_Org_Name"},
      {"nppes_provider_first_name", "Rndrng_Prvdr_First_Name"},
      {"nppes_provider_mi", "Rndrng_Prvdr_MI"},
      {"nppes_credentials", "Rndrng_Prvdr_Crdntls"},
      {"nppes_provider_gender", "Rndrng_Prvdr_Gndr"},
      {"nppes_entity_code", "Rndrng_Prvdr_Ent_Cd"},
      {"nppes_provider_street1", "Rndrng_Prvdr_St1"},
      {"nppes_provider_street2", "Rndrng_Prvdr_St2"},
      {"nppes_provider_city", "Rndrng_Prvdr_City"},
      {"nppes_provider_zip", "Rndrng_Prvdr_Zip5"},
      {"nppes_provider_state", "Rndrng_Prvdr_State_Abrvtn"},
      {"nppes_provider_country", "Rndrng_Prvdr_Cntry"},
      {"provider_type", "Rndrng_Prvdr_Type"},
      {"medicare_participation_indicator", "Rndrng_Prvdr_Mdcr_Prtcptg_Ind"},
      {"place_of_service", "Place_Of_Srvc"},
      {"hcpcs_code", "HCPCS_Cd"},
      {"hcpcs_description", "HCPCS_Desc"},
      {"hcpcs_drug_indicator", "HCPCS_Drug_Ind"},
      {"line_srvc_cnt", "Tot_Srvcs"},
      {"bene_unique_cnt", "Tot_Benes"},
      {"bene_day_srvc_cnt", "Tot_Bene_Day_Srvcs"},
      {"average_Medicare_allowed_amt", "Avg_Mdcr_Alowd_Amt"},
      {"average_submitted_chrg_amt", "Avg_Sbmtd_Chrg"},
      {"average_Medicare_payment_amt", "Avg_Mdcr_Pymt_Amt"},
      {"average_Medicare_standard_amt", "Avg_Mdcr_Stdzd_Amt"}
    };
    List<String> out = new ArrayList<>();
    out.add(String.join(",", java.util.Arrays.stream(names).map(n -> n[0]).toList()));
    try (var reader =
        de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(sample(Y2021))) {
      for (var row : reader) {
        out.add(
            String.join(
                ",",
                java.util.Arrays.stream(names)
                    .map(n -> "\"" + row.getField(n[1]).replace("\"", "\"\"") + "\"")
                    .toList()));
      }
    }
    Path legacy = Files.write(dir.resolve("Medicare_Provider_Util_Payment_PUF_CY2016.csv"), out);

    IngestionRun run = load(legacy);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2016);
    assertThat(run.rowsLoaded()).isEqualTo(8938);
    PartBYear year = utilization.partB(1003011404L).getFirst();
    assertThat(year.services()).isEqualByComparingTo("332");
    assertThat(year.paymentAmount()).isEqualByComparingTo("133730.88");
  }

  @Test
  void keepsSuppressedCountsAsNullWithTheFlagAndSaysHowMuchRestsOnThem() throws Exception {
    // a row written for this test from a real one: its beneficiary count blanked as CMS blanks
    // counts under 11
    List<String> lines = new ArrayList<>(Files.readAllLines(sample(Y2021)));
    lines.set(1, lines.get(1).replaceFirst(",O,125,182,", ",O,,182,"));
    Path file = Files.write(dir.resolve("MUP_PHY_2021_suppressed.csv"), lines);

    load(file);

    PartBYear year = utilization.partB(1003011404L).getFirst();
    assertThat(year.suppressedRows()).isEqualTo(1);
    assertThat(year.beneficiariesSummedOverServices()).isEqualTo(211 - 125);
    assertThat(
            jdbc.sql(
                    "SELECT total_beneficiaries IS NULL AND beneficiaries_suppressed FROM partb_service"
                        + " WHERE npi = 1003011404 AND hcpcs_code = '17311'")
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void refusesAnUnknownVintageATruncatedFileAndAFileWithoutAYearPublishingNothing()
      throws Exception {
    load(sample(Y2019));
    List<String> lines = new ArrayList<>(Files.readAllLines(sample(Y2021)));
    lines.set(
        0, lines.get(0).replace("Rndrng_NPI", "Provider_ID").replace("HCPCS_Cd", "Procedure"));
    Path unknown = Files.write(dir.resolve("partb_2021_renamed.csv"), lines);
    assertThatThrownBy(() -> load(unknown))
        .isInstanceOf(Ingestion.IngestionFailed.class)
        .hasMessageContaining("Unknown Part B layout")
        // a file that was not recognised is not quoted (issue 17: the API once echoed /etc/passwd
        // this way)
        .hasMessageNotContaining("Provider_ID");

    byte[] whole = Files.readAllBytes(sample(Y2021));
    Path truncated =
        Files.write(
            dir.resolve("partb_2021_truncated.csv"), Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> load(truncated))
        .isInstanceOf(Ingestion.IngestionFailed.class)
        .hasMessageContaining("truncated");

    Path noYear = Files.copy(sample(Y2021), dir.resolve("partb_mohs.csv"));
    assertThatThrownBy(() -> load(noYear)).hasMessageContaining("Cannot tell the data year");

    assertThat(count(2021)).isZero();
    assertThat(count(2019)).isEqualTo(8362);
  }

  @Test
  void rejectsABadAmountWithItsLineWhileTheRestPublishes() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(sample(Y2021)));
    lines.set(2, lines.get(2).replace(",444.98281562,", ",44x.98,"));
    Path file = Files.write(dir.resolve("MUP_PHY_2021_bad_amount.csv"), lines);

    IngestionRun run = load(file);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.rowsRejected()).isEqualTo(1);
    var reject = runs.rejects(run.id(), 5).getFirst();
    assertThat(reject.lineNumber()).isEqualTo(3);
    assertThat(reject.column()).isEqualTo("Avg_Mdcr_Pymt_Amt");
    assertThat(reject.reason()).isEqualTo("Not a number");
    assertThat(reject.value()).isEqualTo("44x.98");
  }

  @Test
  void aProviderNotInTheRegistryStillAnswersWithWhatTheCmsFileSays() throws Exception {
    load(sample(Y2021));

    ProviderProfile profile = providers.find(1003011404L).orElseThrow();

    assertThat(profile.inRegistry()).isFalse();
    assertThat(profile.status()).isEqualTo(ProviderProfile.NOT_IN_REGISTRY);
    assertThat(profile.name().last()).isEqualTo("Mccoppin");
    assertThat(profile.addresses().getFirst().city()).isEqualTo("Loveland");
    assertThat(profile.partB()).hasSize(1);
  }

  private long count(int year) {
    return jdbc.sql("SELECT count(*) FROM partb_service WHERE data_year = :y")
        .param("y", year)
        .query(Long.class)
        .single();
  }

  static String text(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
