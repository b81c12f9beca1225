package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.Ingestion;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.Ingestions;
import com.medsales.testing.OwnerJdbc;
import com.medsales.testing.SignedIn;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A drug search within a radius reads its prescribers and claims from {@code partd_drug_prescriber}
 * (V76) while it is fresh, and sums the drug rows otherwise: over the real 2013 Part D sample
 * (7,019 rows of 248 prescribers, their NPIs moved onto the NPPES samples' providers that have a
 * practice ZIP), it answers what the search through the drug rows themselves answers, also after a
 * re-published year and a weekly NPPES file that moves a prescriber. The table is rebuilt by a job
 * the publish queues, which this context's ingestion worker runs in the background.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderSearchByDrugIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The drugs the sample's prescribers prescribe most, brand and generic names. */
  private static final List<String> DRUGS =
      List.of(
          "POTASSIUM CHLORIDE",
          "LEVOTHYROXINE SODIUM",
          "HYDROCODONE/ACETAMINOPHEN",
          "DILTIAZEM HCL",
          "LISINOPRIL",
          "SYNTHROID",
          "klor-con");

  /**
   * Every prescriber's claims of each drug name it prescribes, summed from the drug rows as the
   * search did before.
   */
  private static final String FROM_THE_DRUG_ROWS =
      """
      SELECT n.drug, d.npi, coalesce(sum(d.total_claims), 0) AS claims
      FROM (SELECT upper(brand_name) AS drug FROM partd_drug WHERE data_year = 2013
            UNION SELECT upper(generic_name) FROM partd_drug WHERE data_year = 2013 AND generic_name IS NOT NULL) n
      JOIN partd_drug d ON d.data_year = 2013 AND (upper(d.brand_name) = n.drug OR upper(d.generic_name) = n.drug)
      GROUP BY n.drug, d.npi""";

  /** The table that holds 2013's rows now: a rebuild attaches a new one. */
  private static final String PARTITION_2013 =
      "SELECT CAST('partd_drug_prescriber_y2013' AS regclass)::oid";

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @Autowired BulkConnections bulk;
  @TempDir Path dir;

  @BeforeEach
  void registry() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
  }

  @Test
  void answersTheSamePrescribersAndClaimsWithinARadiusAsTheDrugRows() throws Exception {
    publish(1, 2013);
    awaitFresh(2013);

    assertDerivedTableIsTheDrugRowsSums();
    assertSameAsThroughTheDrugRows();
  }

  @Test
  void readsTheTableOnlyWhileItIsBuiltFromThePublishedData() throws Exception {
    publish(1, 2013);
    awaitFresh(2013);
    String query =
        "drug=POTASSIUM%20CHLORIDE&near=10013&radiusMiles=250&year=2013&sort=claims&size=100";
    List<String> right = claims(get(query), 0);
    assertThat(right).hasSizeGreaterThan(5);
    JdbcClient owner = OwnerJdbc.of(bulk);
    Long builtFrom =
        owner
            .sql("SELECT nppes_run FROM partd_drug_prescriber_build WHERE data_year = 2013")
            .query(Long.class)
            .single();
    // the table made recognisably wrong: every claim 1,000 too high
    owner
        .sql("UPDATE partd_drug_prescriber SET claims = claims + 1000 WHERE data_year = 2013")
        .update();
    try {
      // fresh: the search reads the table (and so the wrong claims)
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(claims(get(query), 0)).isEqualTo(claims(right, 1000)));

      // stale (built from another NPPES publish than the latest): the drug rows again, right
      owner
          .sql("UPDATE partd_drug_prescriber_build SET nppes_run = -1 WHERE data_year = 2013")
          .update();
      assertThat(
              jdbc.sql("SELECT count(*) FROM partd_drug_prescriber_fresh WHERE data_year = 2013")
                  .query(Long.class)
                  .single())
          .isZero();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(claims(get(query), 0)).isEqualTo(right));
    } finally {
      owner
          .sql("UPDATE partd_drug_prescriber SET claims = claims - 1000 WHERE data_year = 2013")
          .update();
      owner
          .sql("UPDATE partd_drug_prescriber_build SET nppes_run = :run WHERE data_year = 2013")
          .param("run", builtFrom)
          .update();
    }
  }

  @Test
  void followsARepublishedYearAndRebuildsThatYearOnly() throws Exception {
    publish(1, 2013);
    publish(3, 2012);
    awaitFresh(2013);
    awaitFresh(2012);
    String query = "drug=POTASSIUM%20CHLORIDE&near=10013&radiusMiles=250&year=2013&size=100";
    List<String> before = npis(get(query));
    Map<String, Object> year2012 = build(2012);
    Map<String, Object> year2013 = build(2013);

    // the year again, every other prescriber left out
    List<String> kept = publish(2, 2013);
    awaitFresh(2013);

    assertThat(before)
        .as("a prescriber of the first publish that the second leaves out")
        .isNotEmpty()
        .anyMatch(npi -> !kept.contains(npi));
    assertThat(build(2013).get("partd_run"))
        .as("2013 rebuilt from the new run")
        .isNotEqualTo(year2013.get("partd_run"));
    assertThat(build(2012)).as("2012 untouched").isEqualTo(year2012);
    assertDerivedTableIsTheDrugRowsSums();
    assertSameAsThroughTheDrugRows();
    assertThat(npis(get(query))).isNotEmpty().isSubsetOf(kept);
  }

  @Test
  void followsAPrescriberThatAWeeklyFileMovesWithoutRebuildingTheYear() throws Exception {
    publish(1, 2013);
    awaitFresh(2013);
    String drug = "drug=POTASSIUM%20CHLORIDE&year=2013&sort=claims&size=100&minClaims=1";
    List<String> inNewYork = claims(get(drug + "&near=10013&radiusMiles=250"), 0);
    // a prescriber near New York whose registry row is one of the samples' rows
    Map<String, String> row = null;
    String moved = null;
    for (String item : inNewYork) {
      String npi = item.split(" ")[0];
      row = sampleRow(npi);
      if (row != null) {
        moved = item;
        break;
      }
    }
    assertThat(row).as("a sample provider among " + inNewYork).isNotNull();
    Map<String, String> original = row;
    String movedNpi = moved.split(" ")[0];
    long partition = jdbc.sql(PARTITION_2013).query(Long.class).single();

    weekly(
        "npidata_pfile_weekly_moved.csv",
        original,
        changed -> {
          changed.put("Provider Business Practice Location Address City Name", "BEVERLY HILLS");
          changed.put("Provider Business Practice Location Address State Name", "CA");
          changed.put("Provider Business Practice Location Address Postal Code", "902101234");
        });
    try {
      // at once, whether or not the table is rebuilt yet (while it is stale, the search sums the
      // drug rows)
      assertThat(claims(get(drug + "&near=90210&radiusMiles=25"), 0)).contains(moved);
      assertThat(npis(get(drug + "&near=10013&radiusMiles=250"))).doesNotContain(movedNpi);

      awaitFresh(2013);
      assertThat(
              jdbc.sql(
                      "SELECT DISTINCT zip5 FROM partd_drug_prescriber WHERE data_year = 2013 AND npi = :npi")
                  .param("npi", Long.parseLong(movedNpi))
                  .query(String.class)
                  .list())
          .as("the table follows the move")
          .containsExactly("90210");
      assertThat(jdbc.sql(PARTITION_2013).query(Long.class).single())
          .as("its rows moved, not the year rebuilt")
          .isEqualTo(partition);
      assertThat(claims(get(drug + "&near=90210&radiusMiles=25"), 0)).contains(moved);
      assertThat(npis(get(drug + "&near=10013&radiusMiles=250"))).doesNotContain(movedNpi);
      assertDerivedTableIsTheDrugRowsSums();
    } finally {
      weekly("npidata_pfile_weekly_moved_back.csv", original, unchanged -> {});
      awaitFresh(2013);
    }
    assertThat(claims(get(drug + "&near=10013&radiusMiles=250"), 0)).isEqualTo(inNewYork);
  }

  @Test
  void aDeactivationReportMovesTheBuildRecordOnWithoutARebuild() throws Exception {
    publish(1, 2013);
    awaitFresh(2013);
    long before = jdbc.sql(PARTITION_2013).query(Long.class).single();

    // (a provider that ProviderSearchIntegrationTests deactivates too, on another day)
    Path report =
        Files.writeString(
            dir.resolve("deactivations.csv"),
            "\"NPI\",\"NPPES Deactivation Date\"\n\"1669586954\",\"01/16/2026\"\n");
    long run = Ingestions.runWhenFree(ingestion, "nppes-deactivations", report.toString()).id();
    awaitFresh(2013);

    assertThat(build(2013).get("nppes_run")).isEqualTo(run);
    assertThat(jdbc.sql(PARTITION_2013).query(Long.class).single())
        .as("the same partition, not a rebuilt one")
        .isEqualTo(before);
    assertSameAsThroughTheDrugRows();
  }

  /**
   * Until the year's drug prescribers are built from the latest published Part D and NPPES runs.
   */
  private void awaitFresh(int year) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM partd_drug_prescriber_fresh WHERE data_year = :year")
                        .param("year", year)
                        .query(Long.class)
                        .single()
                    == 1);
  }

  private Map<String, Object> build(int year) {
    return jdbc.sql(
            "SELECT partd_run, nppes_run, built_at FROM partd_drug_prescriber_build WHERE data_year = :year")
        .param("year", year)
        .query()
        .singleRow();
  }

  /** The NPPES sample row of an NPI, or null. */
  private static Map<String, String> sampleRow(String npi) {
    for (String sample :
        List.of(
            "nppes/npidata_pfile_2021-12_organizations_998.csv",
            "nppes/npidata_pfile_2018_sample_99.csv")) {
      for (Map<String, String> row : SampleRegistry.rows(sample)) {
        if (npi.equals(row.get("NPI"))) {
          return row;
        }
      }
    }
    return null;
  }

  private void weekly(
      String name, Map<String, String> row, java.util.function.Consumer<Map<String, String>> change)
      throws Exception {
    Map<String, String> copy = new LinkedHashMap<>(row);
    change.accept(copy);
    Ingestions.runWhenFree(
        ingestion,
        "nppes-weekly",
        SampleRegistry.write(dir, name, List.of(copy), r -> r).toString());
  }

  /** "NPI claims" of each item, the claims raised by {@code plus}. */
  private static List<String> claims(JsonNode page, int plus) {
    List<String> out = new ArrayList<>();
    page.get("items")
        .forEach(
            item ->
                out.add(item.get("npi").asString() + " " + (item.get("claims").asLong() + plus)));
    return out;
  }

  private static List<String> claims(List<String> items, int plus) {
    return items.stream()
        .map(i -> i.split(" ")[0] + " " + (Long.parseLong(i.split(" ")[1]) + plus))
        .toList();
  }

  private void assertDerivedTableIsTheDrugRowsSums() {
    String derived = "SELECT drug, npi, claims FROM partd_drug_prescriber WHERE data_year = 2013";
    assertThat(
            jdbc.sql("SELECT count(*) FROM (" + FROM_THE_DRUG_ROWS + ") r")
                .query(Long.class)
                .single())
        .isGreaterThan(1000);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM (("
                        + FROM_THE_DRUG_ROWS
                        + ") EXCEPT ALL ("
                        + derived
                        + ")) d")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM (("
                        + derived
                        + ") EXCEPT ALL ("
                        + FROM_THE_DRUG_ROWS
                        + ")) d")
                .query(Long.class)
                .single())
        .isZero();
    // each prescriber at its registry practice ZIP
    assertThat(
            jdbc.sql(
                    """
            SELECT count(*) FROM partd_drug_prescriber x
            LEFT JOIN provider_address a ON a.npi = x.npi AND a.kind = 'PRACTICE' AND a.seq = 1
            WHERE x.zip5 IS DISTINCT FROM a.zip5""")
                .query(Long.class)
                .single())
        .isZero();
  }

  /**
   * The page within a radius (from the derived table) against the same search with minClaims=0,
   * which still sums the drug rows of every provider in reach: its providers with enough claims, in
   * the same order, with the same claims.
   */
  private void assertSameAsThroughTheDrugRows() throws Exception {
    // with a specialty too: the search then joins each ZIP's prescribers to the specialty's
    // candidates there
    String specialty =
        jdbc.sql(
                """
                SELECT t.code FROM partd_drug_prescriber d JOIN provider_taxonomy t ON t.npi = d.npi
                WHERE d.data_year = 2013 GROUP BY t.code ORDER BY count(DISTINCT d.npi) DESC, t.code LIMIT 1""")
            .query(String.class)
            .single();
    int compared = 0;
    int comparedWithSpecialty = 0;
    for (String drug : DRUGS) {
      String encoded = java.net.URLEncoder.encode(drug, StandardCharsets.UTF_8);
      for (String filter : List.of("", "&specialty=" + specialty))
        for (int minClaims : List.of(1, 20)) {
          String where =
              "drug="
                  + encoded
                  + "&near=10013&radiusMiles=250&year=2013&sort=claims&size=100"
                  + filter;
          List<String> expected = new ArrayList<>();
          for (JsonNode item : get(where + "&minClaims=0").get("items")) {
            if (item.get("claims").asInt() >= minClaims) {
              expected.add(item.get("npi").asString() + " " + item.get("claims").asString());
            }
          }
          List<String> actual = new ArrayList<>();
          JsonNode page = get(where + "&minClaims=" + minClaims);
          page.get("items")
              .forEach(
                  item ->
                      actual.add(item.get("npi").asString() + " " + item.get("claims").asString()));
          assertThat(actual)
              .as("%s, minClaims=%d", drug, minClaims)
              .containsExactlyElementsOf(expected);
          if (expected.size() < 100) {
            assertThat(page.get("total").asLong())
                .as("%s, minClaims=%d", drug, minClaims)
                .isEqualTo(expected.size());
          }
          compared += expected.size();
          comparedWithSpecialty += filter.isEmpty() ? 0 : expected.size();
        }
    }
    assertThat(compared).isGreaterThan(20);
    assertThat(comparedWithSpecialty).as(specialty).isGreaterThan(3);
  }

  /**
   * Publishes the real 2013 sample as {@code year}, every {@code every}-th prescriber only (by
   * first appearance), each prescriber under the NPI of a sample provider with a practice ZIP the
   * centroids know.
   */
  private List<String> publish(int every, int year) throws Exception {
    List<Long> targets =
        jdbc.sql(
                """
                SELECT a.npi FROM provider_address a JOIN zip_centroid z ON z.zip5 = a.zip5
                WHERE a.kind = 'PRACTICE' AND a.seq = 1 ORDER BY a.npi""")
            .query(Long.class)
            .list();
    String text;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\r\n");
    assertThat(targets).hasSizeGreaterThanOrEqualTo(248);
    Map<String, Integer> order = new HashMap<>();
    List<String> published = new ArrayList<>();
    List<String> out = new ArrayList<>();
    out.add(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      int n = order.computeIfAbsent(f[0], k -> order.size());
      if (n % every == 0) {
        f[0] = String.valueOf(targets.get(n));
        published.add(f[0]);
        out.add(String.join("\t", f));
      }
    }
    Path file =
        Files.writeString(
            dir.resolve("PartD_drug_sample_" + year + ".tab"), String.join("\r\n", out) + "\r\n");
    Ingestions.runWhenFree(ingestion, "partd", file.toString());
    return published;
  }

  private static List<String> npis(JsonNode page) {
    List<String> npis = new ArrayList<>();
    page.get("items").forEach(item -> npis.add(item.get("npi").asString()));
    return npis;
  }

  private JsonNode get(String query) throws Exception {
    var result = mvc.get().uri(java.net.URI.create("/api/v1/providers?" + query)).exchange();
    assertThat(result).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }
}
