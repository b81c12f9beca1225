package com.medsales.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.IngestionRuns;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open Payments on real General Payments rows: program year 2024 (Covered_Recipient_*) and 2016
 * (Physician_*).
 */
@SpringBootTest
class GeneralPaymentsIngestionIntegrationTests {

  static final String Y2024 = "OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv";
  static final String Y2016 = "OP_DTL_GNRL_PGYR2016_P06302017_small.csv";

  @Autowired Ingestion ingestion;
  @Autowired IngestionRuns runs;
  @Autowired OpenPayments payments;
  // the owner: these tests empty public datasets, which the application's role may only read
  JdbcClient jdbc;

  @Autowired
  void useOwnerConnections(BulkConnections bulk) {
    jdbc = OwnerJdbc.of(bulk);
  }

  @TempDir Path dir;

  @BeforeEach
  void noPayments() {
    jdbc.sql("TRUNCATE op_general_payment").update();
    jdbc.sql("TRUNCATE op_rollup").update();
  }

  private Path sample(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/demo/openpayments/" + name)) {
      Path file = dir.resolve(name);
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }

  private IngestionRun load(Path file) throws Exception {
    return ingestion.runNow("openpayments", file.toString(), ProgressListener.NONE);
  }

  @Test
  void loadsAProgramYearFieldByField() throws Exception {
    IngestionRun run = load(sample(Y2024));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2024);
    assertThat(run.rowsLoaded()).isEqualTo(130);
    var row =
        jdbc.sql(
                """
                SELECT npi, amount, payment_date, nature, payer_name, manufacturer, change_type, disputed, profile_id
                FROM op_general_payment WHERE record_id = 1077774751
                """)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getBigDecimal(2),
                      rs.getObject(3, LocalDate.class),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getBoolean(8),
                      rs.getLong(9)
                    })
            .single();
    assertThat(row)
        .containsExactly(
            1063075422L,
            new BigDecimal("110.34"),
            LocalDate.of(2024, 5, 21),
            "Food and Beverage",
            "Johnson & Johnson Vision Care, Inc.",
            "JOHNSON AND JOHNSON VISION CARE",
            "UNCHANGED",
            false,
            8792835L);
  }

  @Test
  void rollsUpAProvidersYearByManufacturerAndNatureAsComputedByHand() throws Exception {
    load(sample(Y2024));

    // 1043357270: Medical Device Business Services 143.72, DePuy Synthes Products 13.79, all food
    // and beverage
    OpenPaymentsYear year = payments.byYear(1043357270L).getFirst();

    assertThat(year.year()).isEqualTo(2024);
    assertThat(year.payments()).isEqualTo(2);
    assertThat(year.totalAmount()).isEqualByComparingTo("157.51");
    assertThat(year.disputedAmount()).isEqualByComparingTo("0");
    assertThat(year.byManufacturer())
        .extracting(OpenPaymentsYear.Share::name)
        .containsExactly("Medical Device Business Services, Inc.", "DePuy Synthes Products, Inc.");
    assertThat(year.byManufacturer().getFirst().amount()).isEqualByComparingTo("143.72");
    assertThat(year.byNature())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.name()).isEqualTo("Food and Beverage");
              assertThat(n.amount()).isEqualByComparingTo("157.51");
            });
  }

  @Test
  void listsAYearsMostRecentPaymentsNewestFirstAsTheFileReportsThem() throws Exception {
    load(sample(Y2024));
    // 1962794198 in the sample: DePuy Synthes Sales Inc., food and beverage, 12/17 11.41
    // (DYNAFORCE), 11/22 107.67
    // and 02/12 7.41 (both naming product NA)
    jdbc.sql("UPDATE op_general_payment SET disputed = true WHERE record_id = 1077810878").update();

    List<OpenPaymentsYear.Payment> recent =
        payments.byYear(1962794198L).getFirst().recentPayments();

    assertThat(recent)
        .extracting(OpenPaymentsYear.Payment::date)
        .containsExactly(
            LocalDate.of(2024, 12, 17), LocalDate.of(2024, 11, 22), LocalDate.of(2024, 2, 12));
    assertThat(recent.getFirst())
        .satisfies(
            p -> {
              assertThat(p.recordId()).isEqualTo(1077811393L);
              assertThat(p.payer()).isEqualTo("DePuy Synthes Sales Inc.");
              assertThat(p.amount()).isEqualByComparingTo("11.41");
              assertThat(p.nature()).isEqualTo("Food and Beverage");
              assertThat(p.products()).containsExactly("DYNAFORCE");
              assertThat(p.disputed()).isFalse();
            });
    assertThat(recent.getLast().disputed()).isTrue();
  }

  @Test
  void leavesDeletedRecordsOutOfTheRecentPaymentsAndKeepsAtMostTenAYear() throws Exception {
    load(sample(Y2024));
    jdbc.sql("UPDATE op_general_payment SET change_type = 'DELETED' WHERE record_id = 1077811393")
        .update();
    // eleven more payments to the same provider, dated after the sample's
    jdbc.sql(
            """
            INSERT INTO op_general_payment SELECT program_year, record_id + g, change_type, recipient_type, npi, profile_id,
                teaching_hospital_ccn, teaching_hospital_id, teaching_hospital_name, first_name, middle_name, last_name,
                name_suffix, city, state, zip, country, primary_type, specialty, payer_id, payer_name, manufacturer, amount,
                DATE '2024-12-18' + g, number_of_payments, form, nature, travel_city, travel_state, travel_country,
                third_party, disputed, products, source_line
            FROM op_general_payment, generate_series(1, 11) g WHERE record_id = 1077810956
            """)
        .update();

    List<OpenPaymentsYear.Payment> recent =
        payments.byYear(1962794198L).getFirst().recentPayments();

    assertThat(recent).hasSize(OpenPaymentsYear.RECENT);
    assertThat(recent).extracting(OpenPaymentsYear.Payment::recordId).doesNotContain(1077811393L);
    assertThat(recent.getFirst().date()).isEqualTo(LocalDate.of(2024, 12, 29));
  }

  @Test
  void placesEachRecipientAmongPeersOfTheSameSpecialtyAndState() throws Exception {
    load(sample(Y2024));
    // a recipient of the largest peer group in the sample, at its median
    long npi =
        jdbc.sql(
                """
            SELECT npi FROM op_rollup WHERE program_year = 2024 AND (specialty, state) = (
              SELECT specialty, state FROM op_rollup WHERE program_year = 2024 AND specialty IS NOT NULL
              GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1)
            ORDER BY total_amount, npi LIMIT 1 OFFSET 2
            """)
            .query(Long.class)
            .single();
    OpenPaymentsYear year = payments.byYear(npi).getFirst();
    // the peers, from the raw rows: recipients whose payments name the same specialty and state
    List<java.math.BigDecimal> peers =
        jdbc.sql(
                "SELECT sum(amount) FROM op_general_payment WHERE program_year = 2024 AND npi IS NOT NULL"
                    + " AND coalesce(change_type, '') <> 'DELETED' GROUP BY npi"
                    + " HAVING mode() WITHIN GROUP (ORDER BY specialty) IS NOT DISTINCT FROM ?"
                    + " AND mode() WITHIN GROUP (ORDER BY state) IS NOT DISTINCT FROM ?")
            .params(year.specialty(), year.state())
            .query(java.math.BigDecimal.class)
            .list();
    long below = peers.stream().filter(a -> a.compareTo(year.totalAmount()) < 0).count();
    double expected = peers.size() == 1 ? 0 : 100.0 * below / (peers.size() - 1);

    assertThat(year.state()).isNotBlank();
    assertThat(peers).hasSizeGreaterThan(1);
    assertThat(year.amountPercentile().doubleValue())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void loadsTheOlderPhysicianLayoutWhichLinksByProfileIdOnly() throws Exception {
    load(sample(Y2024));

    IngestionRun run = load(sample(Y2016));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2016);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM op_general_payment WHERE program_year = 2016 AND npi IS NULL AND profile_id = 132655")
                .query(Long.class)
                .single())
        .isEqualTo(2); // both rows of the file: one physician, two payments
    assertThat(
            jdbc.sql("SELECT count(*) FROM op_general_payment WHERE program_year = 2024")
                .query(Long.class)
                .single())
        .isEqualTo(130);
    assertThat(
            jdbc.sql(
                    "SELECT products->0->>'name' FROM op_general_payment WHERE record_id = 346039438")
                .query(String.class)
                .single())
        .isEqualTo("StabiliT");
  }

  @Test
  void rejectsABadAmountWithItsLineAndRefusesAnUnknownLayout() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(sample(Y2024)));
    lines.set(
        5,
        lines.get(5).replaceFirst(",([0-9]+\\.[0-9]{2}),([0-9]{2}/[0-9]{2}/2024),", ",12.3x,$2,"));
    Path file = Files.write(dir.resolve("OP_DTL_GNRL_PGYR2024_bad.csv"), lines);

    // one bad row in 130 is over the 0.1% share: the run fails, with the row named
    assertThatThrownBy(() -> load(file)).hasMessageContaining("1 of 130 rows rejected");
    var reject = runs.rejects(runs.recent(null, 1).getFirst().id(), 5).getFirst();
    assertThat(reject.lineNumber()).isEqualTo(6);
    assertThat(reject.column()).isEqualTo("Total_Amount_of_Payment_USDollars");
    assertThat(reject.value()).isEqualTo("12.3x");

    lines = new ArrayList<>(Files.readAllLines(sample(Y2024)));
    lines.set(0, lines.get(0).replace("Covered_Recipient_Profile_ID", "Recipient_ID"));
    Path unknown = Files.write(dir.resolve("OP_DTL_GNRL_PGYR2024_renamed.csv"), lines);
    assertThatThrownBy(() -> load(unknown)).hasMessageContaining("Unknown Open Payments layout");
    assertThat(jdbc.sql("SELECT count(*) FROM op_general_payment").query(Long.class).single())
        .isZero();
  }
}
