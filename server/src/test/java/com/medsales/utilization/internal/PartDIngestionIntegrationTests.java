package com.medsales.utilization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.IngestionRuns;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.OwnerJdbc;
import com.medsales.utilization.MedicareUtilization;
import com.medsales.utilization.PartDYear;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part D on the real first rows of the 2013 release, and on a current-format file written from
 * those same rows.
 */
@SpringBootTest
class PartDIngestionIntegrationTests {

  static final String Y2013 = "PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab";

  @Autowired Ingestion ingestion;
  @Autowired IngestionRuns runs;
  @Autowired MedicareUtilization utilization;
  // the owner: these tests empty public datasets, which the application's role may only read
  JdbcClient jdbc;

  @Autowired
  void useOwnerConnections(BulkConnections bulk) {
    jdbc = OwnerJdbc.of(bulk);
  }

  @TempDir Path dir;

  @BeforeEach
  void noPartD() {
    for (String table : List.of("partd_drug", "partd_provider", "partd_rollup")) {
      jdbc.sql("TRUNCATE " + table).update();
    }
  }

  private Path sample() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/demo/partd/" + Y2013)) {
      Path file = dir.resolve(Y2013);
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }

  private IngestionRun load(Path file, Integer year) throws Exception {
    return ingestion.runNow("partd", file.toString(), year, ProgressListener.NONE);
  }

  @Test
  void loadsTheFirstReleaseKeepingSuppressionAsNullWithItsFlags() throws Exception {
    IngestionRun run = load(sample(), 2013);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2013);
    assertThat(run.rowsRead()).isEqualTo(7019);
    assertThat(run.rowsLoaded()).isEqualTo(7019);
    // 21ST CENTURY ONCOLOGY LLC, TAMSULOSIN HCL: 12 claims, 360 days, $142.14, beneficiaries
    // suppressed, 65+ '*'
    var row =
        jdbc.sql(
                """
                SELECT total_claims, total_day_supply, total_drug_cost, total_beneficiaries, beneficiaries_suppressed,
                       ge65_suppression_flag, ge65_claims, ge65_beneficiary_flag, total_30day_fills
                FROM partd_drug WHERE npi = 1821285826 AND brand_name = 'TAMSULOSIN HCL'
                """)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getBigDecimal(1),
                      rs.getBigDecimal(2),
                      rs.getBigDecimal(3),
                      rs.getObject(4),
                      rs.getBoolean(5),
                      rs.getString(6),
                      rs.getObject(7),
                      rs.getString(8),
                      rs.getObject(9)
                    })
            .single();
    assertThat(row)
        .containsExactly(
            new BigDecimal("12"),
            new BigDecimal("360"),
            new BigDecimal("142.14"),
            null,
            true,
            "*",
            null,
            "*",
            null);
    assertThat(count("ge65_suppression_flag = '#'")).isEqualTo(1959);
    assertThat(count("ge65_suppression_flag = '*'")).isEqualTo(1014);
    assertThat(count("total_beneficiaries IS NULL AND beneficiaries_suppressed")).isEqualTo(4324);
  }

  @Test
  void rollsUpAProvidersYearAsComputedByHand() throws Exception {
    load(sample(), 2013);

    // A'BODJEDI, psychiatry, Stamford CT: 72 drugs in these rows (sums computed from the file by
    // hand)
    PartDYear year = utilization.partD(1952310666L).getFirst();

    assertThat(year.rows()).isEqualTo(72);
    assertThat(year.claims()).isEqualByComparingTo("4299");
    assertThat(year.drugCost()).isEqualByComparingTo("343158.98");
    assertThat(year.brandClaims()).isEqualByComparingTo("804");
    assertThat(year.genericClaims()).isEqualByComparingTo("3495");
    assertThat(year.suppressedRows()).isEqualTo(55);
    assertThat(year.thirtyDayFills()).isNull(); // the 2013 release had none
    assertThat(year.topDrugs())
        .extracting(PartDYear.Drug::brandName)
        .containsExactly(
            "ZOLPIDEM TARTRATE",
            "ALPRAZOLAM",
            "QUETIAPINE FUMARATE",
            "BENZTROPINE MESYLATE",
            "RISPERIDONE");
    assertThat(year.providerType()).isEqualTo("Psychiatry");
  }

  @Test
  void ranksClaimsAndCostAmongTheSameSpecialtyInTheSameStateTiesAlike() throws Exception {
    load(sample(), 2013);
    load(
        sample(),
        2013); // a reload replaces the year's percentiles with the rest, never adds to them

    // the 8 dentists in California of these rows, by claims (computed from the file by hand):
    // ABADI B 15 ($129.65), ABADI E 15 ($118.46), ABAD 16 ($97.63), AABY 17 ($112.29), ABANILLA 20
    // ($158.59),
    // AARONIAN 29 ($193.33), ABAIAN 29 ($159.65), ABAJIAN 35 ($318.60); percent_rank = peers below
    // / 7
    PartDYear abadi = utilization.partD(1588879100L).getFirst();
    assertThat(abadi.providerType()).isEqualTo("Dentist");
    assertThat(abadi.state()).isEqualTo("CA");
    assertThat(abadi.claimsPercentile()).isEqualByComparingTo("0.00"); // tied lowest with ABADI E
    assertThat(abadi.costPercentile()).isEqualByComparingTo("42.86"); // 3/7
    PartDYear aaronian = utilization.partD(1245452184L).getFirst();
    assertThat(aaronian.claimsPercentile()).isEqualByComparingTo("71.43"); // 5/7, tied with ABAIAN
    assertThat(aaronian.costPercentile()).isEqualByComparingTo("85.71"); // 6/7
    assertThat(utilization.partD(1447307756L).getFirst().claimsPercentile())
        .isEqualByComparingTo("100.00");
    // alone in his group (psychiatry in Connecticut): percent_rank of one is 0
    assertThat(utilization.partD(1952310666L).getFirst().claimsPercentile())
        .isEqualByComparingTo("0.00");
    assertThat(
            jdbc.sql("SELECT count(*) FROM partd_percentile WHERE data_year = 2013")
                .query(Long.class)
                .single())
        .isEqualTo(248);
  }

  /** The rows of either query that the other lacks. */
  private long rowsDiffering(String computed, String stored) {
    return jdbc.sql(
            "SELECT (SELECT count(*) FROM (("
                + computed
                + ") EXCEPT ("
                + stored
                + ")) a)"
                + " + (SELECT count(*) FROM (("
                + stored
                + ") EXCEPT ("
                + computed
                + ")) b)")
        .query(Long.class)
        .single();
  }

  /**
   * The percentiles as SQL computes them from the year's rollups and providers, minus those stored:
   * none, both ways.
   */
  private long percentilesDifferingFromSql(int year) {
    String computed =
        PartDLoader.PERCENTILES_FROM_ROLLUPS
            .substring(PartDLoader.PERCENTILES_FROM_ROLLUPS.indexOf("SELECT"))
            .formatted(
                null,
                "(SELECT * FROM partd_rollup WHERE data_year = " + year + ")",
                "(SELECT * FROM partd_provider WHERE data_year = " + year + ")");
    String stored =
        "SELECT data_year, npi, claims_percentile, cost_percentile FROM partd_percentile WHERE data_year = "
            + year;
    return rowsDiffering(computed, stored);
  }

  @Test
  void ranksWhileStreamingExactlyAsSqlWould() throws Exception {
    load(sample(), 2013);

    assertThat(
            jdbc.sql("SELECT count(*) FROM partd_percentile WHERE data_year = 2013")
                .query(Long.class)
                .single())
        .isEqualTo(248);
    assertThat(percentilesDifferingFromSql(2013)).isZero();
  }

  @Test
  void roundsAPercentRankAsPostgresTurnsItIntoNumeric() {
    // every rank among up to 400 peers: (rank - 1) / (peers - 1) as double precision, times 100, to
    // numeric, 2 places
    var sql =
        jdbc.sql(
                "SELECT n, k, round((100 * (k::float8 / (n - 1)))::numeric, 2) FROM generate_series(2, 400) n,"
                    + " generate_series(0, n - 1) k")
            .query((rs, i) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3)})
            .list();

    assertThat(sql).hasSize(80199);
    assertThat(sql)
        .allSatisfy(
            r ->
                assertThat(
                        BigDecimal.valueOf(
                            PeerPercentiles.hundredths(
                                100 * ((double) (int) r[1] / (double) ((int) r[0] - 1))),
                            2))
                    .isEqualTo(r[2]));
  }

  /**
   * The rollups as SQL computes them from the loaded drug rows, minus those the load stored: must
   * be none, both ways.
   */
  private long rollupsDifferingFromTheDrugRows(int year) {
    String computed =
        """
        WITH d AS (SELECT * FROM partd_drug WHERE data_year = %1$d),
        totals AS (
            SELECT npi, coalesce(sum(total_claims), 0) AS claims, sum(total_30day_fills) AS fills,
                   round(coalesce(sum(total_drug_cost), 0), 2) AS cost,
                   coalesce(sum(total_claims) FILTER (WHERE upper(brand_name) <> upper(coalesce(generic_name, ''))), 0) AS brand,
                   coalesce(sum(total_claims) FILTER (WHERE upper(brand_name) = upper(coalesce(generic_name, ''))), 0) AS generic,
                   count(*)::int AS rows,
                   count(*) FILTER (WHERE beneficiaries_suppressed OR ge65_suppression_flag IS NOT NULL)::int AS suppressed
            FROM d GROUP BY npi),
        ranked AS (SELECT npi, brand_name, generic_name, total_claims, total_drug_cost,
                          row_number() OVER (PARTITION BY npi ORDER BY total_claims DESC NULLS LAST, brand_name) AS rank FROM d),
        top AS (SELECT npi, jsonb_agg(jsonb_build_object('brandName', brand_name, 'genericName', generic_name,
                                      'claims', total_claims, 'drugCost', total_drug_cost) ORDER BY rank) AS drugs
                FROM ranked WHERE rank <= 5 GROUP BY npi)
        SELECT t.npi, t.claims, t.fills, t.cost, t.brand, t.generic, t.rows, t.suppressed, top.drugs
        FROM totals t JOIN top ON top.npi = t.npi
        """
            .formatted(year);
    String stored =
        "SELECT npi, claims, fills_30day, drug_cost, brand_claims, generic_claims, rows, suppressed_rows,"
            + " top_drugs::jsonb FROM partd_rollup WHERE data_year = "
            + year;
    return rowsDiffering(computed, stored);
  }

  @Test
  void rollsUpWhileStreamingExactlyAsSqlWouldAndFromTheRowsWhenPrescribersAreNotTogether()
      throws Exception {
    load(sample(), 2013);
    long prescribers =
        jdbc.sql("SELECT count(*) FROM partd_rollup WHERE data_year = 2013")
            .query(Long.class)
            .single();
    assertThat(prescribers).isEqualTo(248);
    assertThat(rollupsDifferingFromTheDrugRows(2013)).isZero();

    // the same rows with the first row of the first prescriber who has several moved to the end:
    // that prescriber's rows
    // are no longer together, so the streamed rollups and percentiles cannot be trusted and SQL
    // computes them (the very
    // first prescriber has one row, which moved alone would leave every prescriber's rows together)
    List<String> lines = Files.readAllLines(sample(), java.nio.charset.StandardCharsets.UTF_8);
    List<String> shuffled = new java.util.ArrayList<>(lines);
    int first = 1;
    while (!npiOf(lines.get(first)).equals(npiOf(lines.get(first + 1)))) {
      first++;
    }
    shuffled.add(shuffled.remove(first));
    Path unsorted = dir.resolve("unsorted_" + Y2013);
    Files.write(unsorted, shuffled, java.nio.charset.StandardCharsets.UTF_8);
    load(unsorted, 2014);

    assertThat(
            jdbc.sql("SELECT count(*) FROM partd_rollup WHERE data_year = 2014")
                .query(Long.class)
                .single())
        .isEqualTo(248);
    assertThat(rollupsDifferingFromTheDrugRows(2014)).isZero();
    assertThat(percentilesDifferingFromSql(2014)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM partd_rollup r LEFT JOIN partd_percentile x USING (data_year, npi)"
                        + " WHERE r.data_year = 2014 AND x.claims_percentile IS NULL")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void loadsTheCurrentFormatBesideTheFirstRelease() throws Exception {
    load(sample(), 2013);
    // written for this test from the real 2013 rows under the current column names (data
    // dictionary, 2019 on);
    // 30-day fills, which 2013 lacks, are set to the claim counts
    Path current = currentFormat(sample(), dir.resolve("MUP_DPR_RY23_P04_V10_DY2021_NPIBN.csv"));

    IngestionRun run = ingestion.runNow("partd", current.toString(), ProgressListener.NONE);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.dataYear()).isEqualTo(2021);
    var years = utilization.partD(1952310666L);
    assertThat(years).extracting(PartDYear::year).containsExactly(2021, 2013);
    assertThat(years.get(0).claims()).isEqualByComparingTo(years.get(1).claims());
    assertThat(years.get(0).thirtyDayFills()).isEqualByComparingTo("4299");
  }

  @Test
  void loadsThe2014To2018LowerCaseNaming() throws Exception {
    // written for this test from the real 2013 rows under the 2014-2018 column names of CMS's data
    // dictionary
    List<String> out = new ArrayList<>();
    out.add(
        "npi,nppes_provider_last_org_name,nppes_provider_first_name,nppes_provider_city,nppes_provider_state,"
            + "specialty_description,description_flag,drug_name,generic_name,bene_count,total_claim_count,"
            + "total_30_day_fill_count,total_day_supply,total_drug_cost,bene_count_ge65,bene_count_ge65_suppress_flag,"
            + "total_claim_count_ge65,ge65_suppress_flag,total_30_day_fill_count_ge65,total_day_supply_ge65,total_drug_cost_ge65");
    List<String> lines = Files.readAllLines(sample(), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      out.add(
          String.join(
              ",",
              f[0],
              quote(f[1]),
              quote(f[2]),
              quote(f[3]),
              f[4],
              quote(f[5]),
              f[6],
              quote(f[7]),
              quote(f[8]),
              f[9],
              f[10],
              f[10],
              f[11],
              f[12],
              f[13],
              f[14],
              f[15],
              f[16],
              f[15],
              f[17],
              f[18]));
    }
    Path file =
        Files.write(
            dir.resolve("PartD_Prescriber_PUF_NPI_Drug_16.csv"), out, StandardCharsets.UTF_8);

    IngestionRun run = load(file, 2016);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.rowsLoaded()).isEqualTo(7019);
    assertThat(utilization.partD(1952310666L).getFirst().claims()).isEqualByComparingTo("4299");
  }

  @Test
  void rejectsABadAmountAndFractionalCountsWithTheirLinesWhileTheRestPublishesExactly()
      throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(sample(), StandardCharsets.UTF_8));
    String[] third = lines.get(2).split("\t", -1);
    third[12] = "19x.37"; // TOTAL_DRUG_COST
    lines.set(2, String.join("\t", third));
    int counted = 3;
    while (lines.get(counted).split("\t", -1)[9].isEmpty()) {
      counted++;
    }
    String[] withBeneficiaries = lines.get(counted).split("\t", -1);
    withBeneficiaries[9] = withBeneficiaries[9] + ".5"; // BENE_COUNT goes into an integer column
    lines.set(counted, String.join("\t", withBeneficiaries));
    String[] withSupply = lines.get(counted + 1).split("\t", -1);
    withSupply[11] =
        withSupply[11] + ".5"; // TOTAL_DAY_SUPPLY, a count of days, goes into a bigint column
    lines.set(counted + 1, String.join("\t", withSupply));
    Path file =
        Files.write(dir.resolve("partd_2013_bad_values.tab"), lines, StandardCharsets.UTF_8);

    IngestionRun run = load(file, 2013);

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.rowsLoaded()).isEqualTo(7016);
    assertThat(runs.rejects(run.id(), 5))
        .extracting(r -> r.lineNumber() + " " + r.column() + " " + r.reason() + " " + r.value())
        .containsExactlyInAnyOrder(
            "3 TOTAL_DRUG_COST Not a number 19x.37",
            (counted + 1) + " BENE_COUNT Not a whole number " + withBeneficiaries[9],
            (counted + 2) + " TOTAL_DAY_SUPPLY Not a whole number " + withSupply[11]);
    // the cents as written
    assertThat(
            jdbc.sql(
                    "SELECT total_drug_cost::text FROM partd_drug WHERE npi = 1821285826 AND brand_name = 'TAMSULOSIN HCL'")
                .query(String.class)
                .single())
        .isEqualTo("142.14");
    assertThat(
            jdbc.sql("SELECT sum(total_drug_cost)::text FROM partd_drug")
                .query(String.class)
                .single())
        .isEqualTo(
            jdbc.sql("SELECT sum(drug_cost)::text FROM partd_rollup").query(String.class).single());
  }

  @Test
  void refusesAFileWithoutAYearOrWithAnUnknownLayout() throws Exception {
    assertThatThrownBy(() -> ingestion.runNow("partd", sample().toString(), ProgressListener.NONE))
        .hasMessageContaining("Cannot tell the data year");

    List<String> lines = new ArrayList<>(Files.readAllLines(sample(), StandardCharsets.UTF_8));
    lines.set(
        0, lines.get(0).replace("DRUG_NAME", "PRODUCT").replace("TOTAL_CLAIM_COUNT\t", "CLAIMS\t"));
    Path renamed = Files.write(dir.resolve("partd_2013_renamed.tab"), lines);
    assertThatThrownBy(() -> load(renamed, 2013))
        .isInstanceOf(Ingestion.IngestionFailed.class)
        .hasMessageContaining("Part D layout");
    assertThat(jdbc.sql("SELECT count(*) FROM partd_drug").query(Long.class).single()).isZero();
  }

  private static String npiOf(String tabLine) {
    return tabLine.substring(0, tabLine.indexOf('\t'));
  }

  private long count(String condition) {
    return jdbc.sql("SELECT count(*) FROM partd_drug WHERE " + condition)
        .query(Long.class)
        .single();
  }

  private static Path currentFormat(Path tab, Path target) throws IOException {
    List<String> out = new ArrayList<>();
    out.add(
        "Prscrbr_NPI,Prscrbr_Last_Org_Name,Prscrbr_First_Name,Prscrbr_City,Prscrbr_State_Abrvtn,Prscrbr_State_FIPS,"
            + "Prscrbr_Type,Prscrbr_Type_Src,Brnd_Name,Gnrc_Name,Tot_Clms,Tot_30day_Fills,Tot_Day_Suply,Tot_Drug_Cst,"
            + "Tot_Benes,GE65_Sprsn_Flag,GE65_Tot_Clms,GE65_Tot_30day_Fills,GE65_Tot_Drug_Cst,GE65_Tot_Day_Suply,"
            + "GE65_Bene_Sprsn_Flag,GE65_Tot_Benes");
    List<String> lines = Files.readAllLines(tab, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      // NPI, last, first, city, state, specialty, flag, drug, generic, bene, claims, days, cost,
      // bene65, bene65flag,
      // claims65, ge65flag, days65, cost65
      out.add(
          String.join(
              ",",
              f[0],
              quote(f[1]),
              quote(f[2]),
              quote(f[3]),
              f[4],
              "",
              quote(f[5]),
              "S",
              quote(f[7]),
              quote(f[8]),
              f[10],
              f[10],
              f[11],
              f[12],
              f[9],
              f[16],
              f[15],
              f[15],
              f[18],
              f[17],
              f[14],
              f[13]));
    }
    return Files.write(target, out, StandardCharsets.UTF_8);
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
