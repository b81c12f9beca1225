package com.medsales.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;
import com.medsales.payments.OpenPayments;
import com.medsales.payments.OpenPaymentsYear;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.OwnerJdbc;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Open Payments research (real 2014 Iowa rows) and ownership (real 2016 rows) files. */
@SpringBootTest
class ResearchAndOwnershipIngestionIntegrationTests {

  @Autowired Ingestion ingestion;
  @Autowired OpenPayments payments;
  // the owner: these tests empty public datasets, which the application's role may only read
  JdbcClient jdbc;

  @Autowired
  void useOwnerConnections(BulkConnections bulk) {
    jdbc = OwnerJdbc.of(bulk);
  }

  @TempDir Path dir;

  @BeforeEach
  void empty() {
    for (String table :
        List.of("op_general_payment", "op_rollup", "op_research_payment", "op_ownership")) {
      jdbc.sql("TRUNCATE " + table).update();
    }
  }

  private Path sample(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/demo/openpayments/" + name)) {
      Path file = dir.resolve(name);
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }

  @Test
  void loadsResearchPaymentsWithTheirPrincipalInvestigators() throws Exception {
    IngestionRun run =
        ingestion.runNow(
            "openpayments-research",
            sample("OP_DTL_RSRCH_PGYR2014_iowa_rewritten.csv").toString(),
            ProgressListener.NONE);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2014);
    assertThat(run.rowsLoaded()).isEqualTo(3840);
    var row =
        jdbc.sql(
                """
            SELECT amount, investigator_profile_ids[1], noncovered_entity, manufacturer, form, study
            FROM op_research_payment WHERE record_id = 120279521
            """)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getBigDecimal(1),
                      rs.getLong(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6)
                    })
            .single();
    assertThat(row)
        .containsExactly(
            new BigDecimal("6100.00"),
            55556L,
            "MILLER ORTHOPAEDICS",
            "DEPUY ORTHOPAEDICS",
            "Cash or cash equivalent",
            "Registry Outcomes");
  }

  @Test
  void keepsTheNamesAndAddressesOfRecipientsInvestigatorsAndOwners() throws Exception {
    ingestion.runNow(
        "openpayments-research",
        sample("OP_DTL_RSRCH_PGYR2014_iowa_rewritten.csv").toString(),
        ProgressListener.NONE);
    ingestion.runNow(
        "openpayments-ownership",
        sample("OP_DTL_OWNRSHP_PGYR2016_P06302017_small.csv").toString(),
        ProgressListener.NONE);

    var recipient =
        jdbc.sql(
                """
            SELECT recipient_first_name, recipient_middle_name, recipient_last_name, recipient_line1, recipient_line2,
                   recipient_city, recipient_state, recipient_zip, recipient_specialty
            FROM op_research_payment WHERE record_id = 120278745
            """)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9)
                    })
            .single();
    assertThat(recipient)
        .containsExactly(
            "CLIFFORD",
            "KENT",
            "BOESE",
            "1 EDMUNDSON PL",
            "STE 500",
            "COUNCIL BLUFFS",
            "IA",
            "51503-4619",
            "Allopathic & Osteopathic Physicians|Orthopaedic Surgery");
    String investigators =
        jdbc.sql("SELECT investigators::text FROM op_research_payment WHERE record_id = 120279521")
            .query(String.class)
            .single();
    var investigator =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(investigators).get(0);
    assertThat(investigator.get("profileId").asLong()).isEqualTo(55556L);
    assertThat(investigator.get("last").asString()).isEqualTo("BOESE");
    assertThat(investigator.get("line1").asString()).isEqualTo("1 EDMUNDSON PL");
    assertThat(investigator.get("line2").asString()).isEqualTo("STE 500");
    assertThat(investigator.get("city").asString()).isEqualTo("COUNCIL BLUFFS");
    assertThat(investigator.get("zip").asString()).isEqualTo("51503-4619");
    assertThat(investigator.get("specialty").asString())
        .isEqualTo("Allopathic & Osteopathic Physicians|Orthopaedic Surgery");
    var owner =
        jdbc.sql(
                "SELECT middle_name, line1, city, state, zip, specialty FROM op_ownership WHERE record_id = 346170358")
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6)
                    })
            .single();
    assertThat(owner)
        .containsExactly(
            "Leonid",
            "555 N Arlington Ave",
            "Reno",
            "NV",
            "89503",
            "Allopathic & Osteopathic Physicians|Orthopaedic Surgery|Orthopaedic Trauma");
  }

  @Test
  void theGeneralCommandRecognisesResearchAndOwnershipFilesFromTheirHeaderAndRecordsTheirKind()
      throws Exception {
    IngestionRun research =
        ingestion.runNow(
            "openpayments",
            sample("OP_DTL_RSRCH_PGYR2014_iowa_rewritten.csv").toString(),
            ProgressListener.NONE);
    IngestionRun ownership =
        ingestion.runNow(
            "openpayments",
            sample("OP_DTL_OWNRSHP_PGYR2016_P06302017_small.csv").toString(),
            ProgressListener.NONE);

    assertThat(research.status())
        .as(String.valueOf(research.error()))
        .isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(research.kind()).isEqualTo("openpayments-research");
    assertThat(research.rowsLoaded()).isEqualTo(3840);
    assertThat(ownership.status())
        .as(String.valueOf(ownership.error()))
        .isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(ownership.kind()).isEqualTo("openpayments-ownership");
    assertThat(jdbc.sql("SELECT count(*) FROM op_ownership").query(Long.class).single())
        .isEqualTo(5);
    assertThat(jdbc.sql("SELECT count(*) FROM op_general_payment").query(Long.class).single())
        .isZero();
  }

  @Test
  void loadsOwnershipInterestsAndShowsThemBesideGeneralPaymentsOfTheSameYear() throws Exception {
    IngestionRun run =
        ingestion.runNow(
            "openpayments-ownership",
            sample("OP_DTL_OWNRSHP_PGYR2016_P06302017_small.csv").toString(),
            ProgressListener.NONE);
    assertThat(run.rowsLoaded()).isEqualTo(5);
    assertThat(
            jdbc.sql("SELECT value_of_interest FROM op_ownership WHERE record_id = 346170358")
                .query(BigDecimal.class)
                .single())
        .isEqualByComparingTo("250000.00");

    // a 2024 ownership row written for this test in the Covered_Recipient layout, from the real
    // 2016 row above and
    // the NPI of a physician in the real 2024 general payments
    ingestion.runNow(
        "openpayments",
        sample("OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv").toString(),
        ProgressListener.NONE);
    Path ownership2024 =
        Files.writeString(
            dir.resolve("OP_DTL_OWNRSHP_PGYR2024_test.csv"),
            "Change_Type,Covered_Recipient_Profile_ID,Covered_Recipient_NPI,Covered_Recipient_First_Name,"
                + "Covered_Recipient_Last_Name,Record_ID,Program_Year,Total_Amount_Invested_USDollars,Value_of_Interest,"
                + "Terms_of_Interest,Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name,"
                + "Dispute_Status_for_Publication,Interest_Held_by_Physician_or_an_Immediate_Family_Member\n"
                + "NEW,8792835,1063075422,JOHN,DOE,346170358,2024,250000.00,250000.00,Stock,The Orthopaedic Implant Company,"
                + "No,Immediate family member\n");
    ingestion.runNow("openpayments-ownership", ownership2024.toString(), ProgressListener.NONE);

    OpenPaymentsYear year = payments.byYear(1063075422L).getFirst();
    assertThat(year.year()).isEqualTo(2024);
    assertThat(year.payments()).isPositive();
    assertThat(year.ownershipInterests()).isEqualTo(1);
    assertThat(year.ownershipValue()).isEqualByComparingTo("250000.00");
  }
}
