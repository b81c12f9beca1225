package com.medsales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.DemoFiles;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;
import com.medsales.testing.SignedIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * A newcomer's first hour on the bundled demo data, loaded as a first start loads it
 * (MEDSALES_DEMO_DATA: the NPPES rows, every Part B Mohs year, the Part D rows and the Open
 * Payments files, in the background): the README's suggested searches return providers with
 * volumes, a Mohs surgeon's profile shows eight years of procedures with percentiles, and every NPI
 * of every dataset has a profile.
 */
@SpringBootTest(properties = "medsales.demo-data=true")
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class DemoDataIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The README's links to the web app's search, whose query string is the API's. */
  private static final Pattern README_SEARCH =
      Pattern.compile("http://localhost:8080/providers\\?([^)\\s>]+)");

  /** The NPPES files DemoRegistry loads: a monthly archive and two weekly files. */
  private static final int NPPES_DEMO_FILES = 3;

  /**
   * Every NPI a CMS dataset names: Part B, Part D, general payments, research payments' recipients
   * and principal investigators, ownership interests' owners.
   */
  private static final String CMS_NPIS =
      """
      SELECT npi FROM partb_provider UNION SELECT npi FROM partd_provider UNION SELECT npi FROM op_rollup
      UNION SELECT recipient_npi FROM op_research_payment WHERE recipient_npi IS NOT NULL
      UNION SELECT unnest(investigator_npis) FROM op_research_payment
      UNION SELECT npi FROM op_ownership WHERE npi IS NOT NULL""";

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @TempDir Path dir;
  @Autowired JdbcClient jdbc;
  @Autowired List<DemoFiles> demos;

  @BeforeEach
  void demoDataLoaded() {
    int files = NPPES_DEMO_FILES + demos.stream().mapToInt(d -> d.resources().size()).sum();
    await("every bundled demo file loaded")
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM ingestion_run WHERE finished_at IS NOT NULL")
                            .query(Long.class)
                            .single()
                        >= files
                    // and the last publish's listeners are done: a run is recorded as published
                    // before they run
                    && jdbc.sql(
                            """
                    SELECT NOT EXISTS (%s
                                       EXCEPT SELECT npi FROM provider EXCEPT SELECT npi FROM cms_provider)"""
                                .formatted(CMS_NPIS))
                        .query(Boolean.class)
                        .single());
    assertThat(
            jdbc.sql(
                    "SELECT kind || ' ' || source_name || ': ' || coalesce(error, status) FROM ingestion_run"
                        + " WHERE status NOT IN ('PUBLISHED')")
                .query(String.class)
                .list())
        .as("demo runs that did not publish")
        .isEmpty();
  }

  private JsonNode get(String pathAndQuery) throws Exception {
    var result = mvc.get().uri(java.net.URI.create(pathAndQuery)).exchange();
    assertThat(result).as(pathAndQuery).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  @Test
  void theReadmesSuggestedSearchesEachFindSeveralProvidersWithTheirVolumes() throws Exception {
    List<String> queries = new ArrayList<>();
    var links = README_SEARCH.matcher(Files.readString(Path.of("..", "README.md")));
    while (links.find()) {
      queries.add(links.group(1));
    }
    assertThat(queries).as("the README's suggested searches").hasSize(3);

    for (String query : queries) {
      JsonNode page = get("/api/v1/providers?" + query);
      String volume =
          query.contains("sort=services")
              ? "services"
              : query.contains("sort=claims") ? "claims" : "payments";
      assertThat(page.get("total").asLong()).as(query).isGreaterThanOrEqualTo(3);
      page.get("items")
          .forEach(
              item -> assertThat(item.get(volume).decimalValue().signum()).as(query).isPositive());
    }
  }

  @Test
  void aMohsSurgeonNearAZipHasEightYearsOfProceduresWithPercentiles() throws Exception {
    JsonNode page =
        get("/api/v1/providers?hcpcs=17311&near=63110&radiusMiles=50&sort=services&size=100");
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(10);

    List<JsonNode> eightYears = new ArrayList<>();
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("distanceMiles").asDouble()).isLessThanOrEqualTo(50);
      JsonNode profile = get("/api/v1/providers/" + item.get("npi").asString());
      assertThat(profile.get("inRegistry").asBoolean())
          .isEqualTo(item.get("inRegistry").asBoolean());
      if (profile.get("partB").size() == 8) {
        eightYears.add(profile);
      }
    }

    assertThat(eightYears).isNotEmpty();
    JsonNode surgeon = eightYears.getFirst();
    List<Integer> years = new ArrayList<>();
    surgeon
        .get("partB")
        .forEach(
            year -> {
              years.add(year.get("year").asInt());
              assertThat(year.get("servicesPercentile").isNull()).isFalse();
              assertThat(year.get("topProcedures")).isNotEmpty();
            });
    assertThat(years).containsExactly(2021, 2019, 2018, 2017, 2016, 2015, 2014, 2013);
    assertThat(surgeon.get("addresses").get(0).get("zip5").asString()).isNotBlank();
  }

  @Test
  void everyNpiOfEveryDatasetHasAProfile() throws Exception {
    // The bundled research (2014) and ownership (2016) files predate NPIs in Open Payments: they
    // link by profile ID.
    // A research and an ownership file of the current layout, written for this test: the amounts,
    // payer and study of
    // the real rows 120279521 (research 2014) and 346170358 (ownership 2016), with three real
    // providers of the 2016
    // NPPES head, which the demo does not load and no other bundled file names, as recipient,
    // principal investigator
    // and owner (names and practice addresses as NPPES gives them).
    List<Long> researchAndOwnershipOnly = List.of(DYSART, GRUNERT, GOLDBERG);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM ("
                        + CMS_NPIS
                        + " UNION SELECT npi FROM provider) n WHERE npi IN (:npis)")
                .param("npis", researchAndOwnershipOnly)
                .query(Long.class)
                .single())
        .as("no other dataset names them")
        .isZero();
    Path research =
        Files.writeString(
            dir.resolve("OP_DTL_RSRCH_PGYR2021_test.csv"),
            "Change_Type,Covered_Recipient_Type,Teaching_Hospital_CCN,Teaching_Hospital_Name,Covered_Recipient_Profile_ID,"
                + "Covered_Recipient_NPI,Covered_Recipient_First_Name,Covered_Recipient_Middle_Name,Covered_Recipient_Last_Name,"
                + "Recipient_Primary_Business_Street_Address_Line1,Recipient_Primary_Business_Street_Address_Line2,Recipient_City,"
                + "Recipient_State,Recipient_Zip_Code,Recipient_Country,Principal_Investigator_1_Profile_ID,"
                + "Principal_Investigator_1_NPI,Principal_Investigator_1_First_Name,Principal_Investigator_1_Middle_Name,"
                + "Principal_Investigator_1_Last_Name,Principal_Investigator_1_Business_Street_Address_Line1,"
                + "Principal_Investigator_1_Business_Street_Address_Line2,Principal_Investigator_1_City,"
                + "Principal_Investigator_1_State,Principal_Investigator_1_Zip_Code,Principal_Investigator_1_Country,"
                + "Principal_Investigator_2_Profile_ID,Principal_Investigator_3_Profile_ID,Principal_Investigator_4_Profile_ID,"
                + "Principal_Investigator_5_Profile_ID,Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name,"
                + "Total_Amount_of_Payment_USDollars,Date_of_Payment,Form_of_Payment_or_Transfer_of_Value,Name_of_Study,"
                + "Dispute_Status_for_Publication,Record_ID,Program_Year\n"
                + "NEW,Covered Recipient Physician,,,,"
                + DYSART
                + ",STANLEY,H,DYSART,300 TOWER RD NE STE 200,,MARIETTA,GA,"
                + "300609403,United States,,"
                + GRUNERT
                + ",GEORGE,M,GRUNERT,7900 FANNIN ST,STE 4000,HOUSTON,TX,770542935,"
                + "United States,,,,,DePuy Orthopaedics Inc.,6100.00,09/26/2021,Cash or cash equivalent,Registry Outcomes,No,"
                + "120279521,2021\n");
    Path ownership =
        Files.writeString(
            dir.resolve("OP_DTL_OWNRSHP_PGYR2021_test.csv"),
            "Change_Type,Covered_Recipient_Profile_ID,Covered_Recipient_NPI,Covered_Recipient_First_Name,"
                + "Covered_Recipient_Middle_Name,Covered_Recipient_Last_Name,Recipient_Primary_Business_Street_Address_Line1,"
                + "Recipient_City,Recipient_State,Recipient_Zip_Code,Recipient_Country,Record_ID,Program_Year,"
                + "Total_Amount_Invested_USDollars,Value_of_Interest,Terms_of_Interest,"
                + "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name,Dispute_Status_for_Publication,"
                + "Interest_Held_by_Physician_or_an_Immediate_Family_Member\n"
                + "NEW,,"
                + GOLDBERG
                + ",STEVEN,M,GOLDBERG,1010 NORTHERN BLVD STE 110,GREAT NECK,NY,110215306,United States,"
                + "346170358,2021,250000.00,250000.00,Common Stock,The Orthopaedic Implant Company,No,Immediate family member\n");
    // the web app's search page asks for individuals alone with its own page size: its total,
    // cached now, must follow
    // the publishes below (the cms_provider rebuild included) and count every active individual
    String webSearch = "/api/v1/providers?entityType=INDIVIDUAL&size=25";
    long individualsBefore = get(webSearch).get("total").asLong();
    for (var file :
        List.of(
            Map.entry("openpayments-research", research),
            Map.entry("openpayments-ownership", ownership))) {
      IngestionRun run =
          ingestion.runNow(file.getKey(), file.getValue().toString(), ProgressListener.NONE);
      assertThat(run.status())
          .as(String.valueOf(run.error()))
          .isEqualTo(IngestionRun.Status.PUBLISHED);
    }
    JsonNode individuals = get(webSearch);
    assertThat(individuals.get("total").asLong())
        .isEqualTo(individualsBefore + 3)
        .isEqualTo(
            jdbc.sql(
                    "SELECT (SELECT count(*) FROM provider WHERE entity_type = 1 AND active)"
                        + " + (SELECT count(*) FROM cms_provider WHERE entity_type = 1)")
                .query(Long.class)
                .single());
    assertThat(individuals.get("items")).hasSize(25);

    var npis =
        jdbc.sql("SELECT npi FROM (SELECT npi FROM provider UNION " + CMS_NPIS + ") n ORDER BY npi")
            .query(Long.class)
            .list();
    long known =
        jdbc.sql("SELECT (SELECT count(*) FROM provider) + (SELECT count(*) FROM cms_provider)")
            .query(Long.class)
            .single();
    assertThat(known).isEqualTo(npis.size());

    // one of each source that only a CMS file names
    for (String source : List.of("partB", "partD", "openPayments")) {
      Long npi =
          jdbc.sql("SELECT min(npi) FROM cms_provider WHERE source = ?")
              .param(source)
              .query(Long.class)
              .single();
      assertThat(npi).as(source).isNotNull();
      JsonNode profile = get("/api/v1/providers/" + npi);
      assertThat(profile.get("inRegistry").asBoolean()).isFalse();
      assertThat(profile.get("status").asString()).isEqualTo("NOT_IN_REGISTRY");
      assertThat(profile.get("name").get("display").asString()).isNotBlank();
    }

    // named and placed as the research and ownership files give them, their rows on the profile,
    // found by name and place
    JsonNode recipient = get("/api/v1/providers/" + DYSART);
    assertThat(recipient.get("inRegistry").asBoolean()).isFalse();
    assertThat(recipient.get("name").get("display").asString()).isEqualTo("STANLEY H DYSART");
    assertThat(recipient.get("addresses").get(0).get("city").asString()).isEqualTo("MARIETTA");
    assertThat(recipient.get("openPayments").get(0).get("researchPayments").asInt()).isEqualTo(1);
    JsonNode investigator = get("/api/v1/providers/" + GRUNERT);
    assertThat(investigator.get("name").get("last").asString()).isEqualTo("GRUNERT");
    assertThat(investigator.get("addresses").get(0).get("line1").asString())
        .isEqualTo("7900 FANNIN ST");
    assertThat(investigator.get("addresses").get(0).get("zip5").asString()).isEqualTo("77054");
    assertThat(investigator.get("openPayments").get(0).get("researchAmount").decimalValue())
        .isEqualByComparingTo("6100.00");
    JsonNode owner = get("/api/v1/providers/" + GOLDBERG);
    assertThat(owner.get("addresses").get(0).get("state").asString()).isEqualTo("NY");
    assertThat(owner.get("openPayments").get(0).get("ownershipInterests").asInt()).isEqualTo(1);
    assertThat(owner.get("openPayments").get(0).get("ownershipValue").decimalValue())
        .isEqualByComparingTo("250000.00");
    assertThat(
            get("/api/v1/providers?name=George%20Grunert&state=TX")
                .get("items")
                .valueStream()
                .map(i -> i.get("npi").asString()))
        .contains(String.valueOf(GRUNERT));
    assertThat(
            get("/api/v1/providers?city=Great%20Neck&zip=11021&entityType=INDIVIDUAL")
                .get("items")
                .valueStream()
                .map(i -> i.get("npi").asString()))
        .contains(String.valueOf(GOLDBERG));
    assertThat(
            get("/api/v1/providers?name=Dysart&near=30060&radiusMiles=5")
                .get("items")
                .valueStream()
                .map(i -> i.get("npi").asString()))
        .contains(String.valueOf(DYSART));
  }

  /**
   * Stanley H Dysart, Marietta GA; George M Grunert, Houston TX; Steven M Goldberg, Great Neck NY
   * (NPPES 2016 head).
   */
  private static final long DYSART = 1578566527L, GRUNERT = 1396748349L, GOLDBERG = 1205839255L;

  @Test
  void individualsAloneAreFoundLikeIndividualsOfAState() throws Exception {
    long all = get("/api/v1/providers?entityType=INDIVIDUAL").get("total").asLong();
    long california = get("/api/v1/providers?entityType=INDIVIDUAL&state=CA").get("total").asLong();

    assertThat(california).isPositive();
    assertThat(all).isGreaterThan(california);
    assertThat(get("/api/v1/providers?entityType=1").get("total").asLong()).isEqualTo(all);
  }
}
