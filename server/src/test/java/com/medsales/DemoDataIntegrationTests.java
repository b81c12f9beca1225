package com.medsales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.DemoFiles;
import com.medsales.testing.SignedIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A newcomer's first hour on the bundled demo data, loaded as a first start loads it (MEDSALES_DEMO_DATA: the NPPES
 * rows, every Part B Mohs year, the Part D rows and the Open Payments files, in the background): the README's
 * suggested searches return providers with volumes, a Mohs surgeon's profile shows eight years of procedures with
 * percentiles, and every NPI of every dataset has a profile.
 */
@SpringBootTest(properties = "medsales.demo-data=true")
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class DemoDataIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The README's links to the web app's search, whose query string is the API's. */
  private static final Pattern README_SEARCH = Pattern.compile("http://localhost:8080/providers\\?([^)\\s>]+)");
  /** The NPPES files DemoRegistry loads: a monthly archive and two weekly files. */
  private static final int NPPES_DEMO_FILES = 3;

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired List<DemoFiles> demos;

  @BeforeEach
  void demoDataLoaded() {
    int files = NPPES_DEMO_FILES + demos.stream().mapToInt(d -> d.resources().size()).sum();
    await("every bundled demo file loaded").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
        .until(() -> jdbc.sql("SELECT count(*) FROM ingestion_run WHERE finished_at IS NOT NULL").query(Long.class).single() >= files
            // and the last publish's listeners are done: a run is recorded as published before they run
            && jdbc.sql(
                    """
                    SELECT NOT EXISTS (SELECT npi FROM partb_provider UNION SELECT npi FROM partd_provider
                                       UNION SELECT npi FROM op_rollup
                                       EXCEPT SELECT npi FROM provider EXCEPT SELECT npi FROM cms_provider)""")
                .query(Boolean.class).single());
    assertThat(jdbc.sql("SELECT kind || ' ' || source_name || ': ' || coalesce(error, status) FROM ingestion_run"
            + " WHERE status NOT IN ('PUBLISHED')").query(String.class).list())
        .as("demo runs that did not publish").isEmpty();
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
      String volume = query.contains("sort=services") ? "services" : query.contains("sort=claims") ? "claims" : "payments";
      assertThat(page.get("total").asLong()).as(query).isGreaterThanOrEqualTo(3);
      page.get("items").forEach(item -> assertThat(item.get(volume).decimalValue().signum()).as(query).isPositive());
    }
  }

  @Test
  void aMohsSurgeonNearAZipHasEightYearsOfProceduresWithPercentiles() throws Exception {
    JsonNode page = get("/api/v1/providers?hcpcs=17311&near=63110&radiusMiles=50&sort=services&size=100");
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(10);

    List<JsonNode> eightYears = new ArrayList<>();
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("distanceMiles").asDouble()).isLessThanOrEqualTo(50);
      JsonNode profile = get("/api/v1/providers/" + item.get("npi").asString());
      assertThat(profile.get("inRegistry").asBoolean()).isEqualTo(item.get("inRegistry").asBoolean());
      if (profile.get("partB").size() == 8) {
        eightYears.add(profile);
      }
    }

    assertThat(eightYears).isNotEmpty();
    JsonNode surgeon = eightYears.getFirst();
    List<Integer> years = new ArrayList<>();
    surgeon.get("partB").forEach(year -> {
      years.add(year.get("year").asInt());
      assertThat(year.get("servicesPercentile").isNull()).isFalse();
      assertThat(year.get("topProcedures")).isNotEmpty();
    });
    assertThat(years).containsExactly(2021, 2019, 2018, 2017, 2016, 2015, 2014, 2013);
    assertThat(surgeon.get("addresses").get(0).get("zip5").asString()).isNotBlank();
  }

  @Test
  void everyNpiOfEveryDatasetHasAProfile() throws Exception {
    var npis = jdbc.sql(
            """
            SELECT npi FROM (SELECT npi FROM provider UNION SELECT npi FROM partb_provider
                             UNION SELECT npi FROM partd_provider UNION SELECT npi FROM op_rollup) n
            ORDER BY npi
            """)
        .query(Long.class).list();
    long known = jdbc.sql("SELECT (SELECT count(*) FROM provider) + (SELECT count(*) FROM cms_provider)").query(Long.class).single();
    assertThat(known).isEqualTo(npis.size());

    // one of each source that only a CMS file names
    for (String source : List.of("partB", "partD", "openPayments")) {
      Long npi = jdbc.sql("SELECT min(npi) FROM cms_provider WHERE source = ?").param(source).query(Long.class).single();
      assertThat(npi).as(source).isNotNull();
      JsonNode profile = get("/api/v1/providers/" + npi);
      assertThat(profile.get("inRegistry").asBoolean()).isFalse();
      assertThat(profile.get("status").asString()).isEqualTo("NOT_IN_REGISTRY");
      assertThat(profile.get("name").get("display").asString()).isNotBlank();
    }
  }

  @Test
  void individualsAloneAreFoundLikeIndividualsOfAState() throws Exception {
    long all = get("/api/v1/providers?entityType=INDIVIDUAL").get("total").asLong();
    long california = get("/api/v1/providers?entityType=INDIVIDUAL&state=CA").get("total").asLong();

    assertThat(california).isPositive();
    assertThat(all).isGreaterThan(california);
    assertThat(get("/api/v1/providers?entityType=1").get("total").asLong()).isEqualTo(all);
  }
}
