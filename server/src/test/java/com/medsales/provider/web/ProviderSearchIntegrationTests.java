package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.testing.SignedIn;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * GET /api/v1/providers over the real NPPES samples (998 organisations of December 2021, 99
 * providers of 2018).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderSearchIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @BeforeEach
  void registry() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
  }

  private JsonNode get(String query) throws Exception {
    // an already encoded URI: a URI template would encode the %20s again
    var result = mvc.get().uri(java.net.URI.create("/api/v1/providers?" + query)).exchange();
    assertThat(result).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  @Test
  void findsASpecialtyWithinARadiusOfAZipWithDistancesThatAHaversineConfirms() throws Exception {
    JsonNode page = get("specialty=Internal%20Medicine&near=10013&radiusMiles=25");

    List<String> npis = new ArrayList<>();
    for (JsonNode item : page.get("items")) {
      npis.add(item.get("npi").asString());
      double lat = item.get("address").get("latitude").asDouble();
      double lon = item.get("address").get("longitude").asDouble();
      double expected =
          haversineMiles(40.720051, -74.004809, lat, lon); // ZCTA 10013 in the 2025 gazetteer
      assertThat(item.get("distanceMiles").asDouble())
          .isLessThanOrEqualTo(25.0)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.2));
    }
    assertThat(npis).contains("1184802050"); // CHANGPING JIA, internal medicine, New York 10013
    assertThat(page.get("items").get(0).get("primarySpecialty").get("code").asString())
        .isNotBlank();
  }

  @Test
  void answersTheSearchCentreSoThatAMapDrawsTheRadiusAroundTheZipNotAroundAResult()
      throws Exception {
    JsonNode zip = get("specialty=Internal%20Medicine&near=10013&radiusMiles=25");
    assertThat(zip.get("center").get("lat").asDouble())
        .isEqualTo(40.720051); // ZCTA 10013 in the 2025 gazetteer
    assertThat(zip.get("center").get("lon").asDouble()).isEqualTo(-74.004809);

    JsonNode point = get("near=40.75,-73.99&radiusMiles=2");
    assertThat(point.get("center").get("lat").asDouble()).isEqualTo(40.75);
    assertThat(point.get("center").get("lon").asDouble()).isEqualTo(-73.99);

    assertThat(get("name=Changping%20Jia").get("center").isNull()).isTrue();
  }

  @Test
  void sortsASpecialtyWithinARadiusByName() throws Exception {
    // the same providers as by distance (the candidate table, which has no names, is not read for
    // this order)
    List<String> byName = new ArrayList<>();
    get("specialty=Internal%20Medicine&near=10013&radiusMiles=25&sort=name&size=100")
        .get("items")
        .forEach(item -> byName.add(item.get("npi").asString()));
    List<String> byDistance = new ArrayList<>();
    get("specialty=Internal%20Medicine&near=10013&radiusMiles=25&size=100")
        .get("items")
        .forEach(item -> byDistance.add(item.get("npi").asString()));
    assertThat(byName).contains("1184802050").containsExactlyInAnyOrderElementsOf(byDistance);
  }

  @Test
  void findsIndividualsByTheirEntityTypeAloneAndTakesNppesCodesForIt() throws Exception {
    long individuals =
        jdbc.sql(
                """
            SELECT (SELECT count(*) FROM provider WHERE entity_type = 1 AND active)
                 + (SELECT count(*) FROM cms_provider WHERE entity_type = 1)""")
            .query(Long.class)
            .single();
    long organizations =
        jdbc.sql(
                """
            SELECT (SELECT count(*) FROM provider WHERE entity_type = 2 AND active)
                 + (SELECT count(*) FROM cms_provider WHERE entity_type = 2)""")
            .query(Long.class)
            .single();

    JsonNode page = get("entityType=INDIVIDUAL");

    assertThat(individuals).isPositive();
    assertThat(page.get("total").asLong()).isEqualTo(Math.min(individuals, 10_000));
    assertThat(page.get("items"))
        .isNotEmpty()
        .allSatisfy(item -> assertThat(item.get("entityType").asString()).isEqualTo("INDIVIDUAL"));
    assertThat(get("entityType=1").get("total").asLong()).isEqualTo(page.get("total").asLong());
    assertThat(get("entityType=2").get("total").asLong())
        .isEqualTo(Math.min(organizations, 10_000));
    assertThat(get("entityType=individual&state=NY").get("total").asLong()).isPositive();
  }

  @Test
  void toleratesTyposInNames() throws Exception {
    JsonNode page = get("name=Changpin%20Jai");

    assertThat(page.get("items").get(0).get("npi").asString()).isEqualTo("1184802050");
  }

  @Test
  void keepsTheSpecialtyLocationCandidatesInStepWithTheRegistryAfterEachPublish() {
    // the monthly file then a weekly one were published: the candidates are the registry's own
    // (code, ZIP, NPI) rows
    String registry =
        """
        SELECT t.code, a.zip5, t.npi FROM provider_taxonomy t
        JOIN provider_address a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1 WHERE a.zip5 IS NOT NULL""";
    assertSameRows(registry, "SELECT code, zip5, npi FROM provider_specialty_location", "EXCEPT");
  }

  /** The registry's rows and a derived table's, each side without a row of the other's. */
  private void assertSameRows(String registry, String derived, String except) {
    assertThat(jdbc.sql("SELECT count(*) FROM (" + registry + ") r").query(Long.class).single())
        .isGreaterThan(1000);
    assertThat(
            jdbc.sql("SELECT count(*) FROM ((" + registry + ") " + except + " (" + derived + ")) d")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM ((" + derived + ") " + except + " (" + registry + ")) d")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void keepsTheNameSearchTableInStepWithTheRegistryAfterEachPublish() {
    // each distinct search name once, carrying exactly the NPIs the registry gives it
    String registry = "SELECT search_name, npi FROM provider WHERE search_name IS NOT NULL";
    String names =
        "SELECT n.search_name, u.npi FROM provider_name_search n CROSS JOIN LATERAL unnest(n.npis) AS u(npi)";
    assertSameRows(registry, names, "EXCEPT ALL");
    assertThat(
            jdbc.sql("SELECT count(*) - count(DISTINCT search_name) FROM provider_name_search")
                .query(Long.class)
                .single())
        .isZero();
    // each word of those names once, with its letters in order
    assertSameRows(
        "SELECT DISTINCT unnest(string_to_array(search_name, ' ')) FROM provider WHERE search_name IS NOT NULL",
        "SELECT word FROM provider_name_word",
        "EXCEPT ALL");
    assertThat(
            jdbc.sql("SELECT letters FROM provider_name_word WHERE word = 'changping'")
                .query(String.class)
                .single())
        .isEqualTo("acgghinnp");
  }

  @Test
  void findsEverySpecialtyProviderWithinARadiusThatTheRegistryPlacesThere() throws Exception {
    // the search against the registry itself: Internal Medicine (any slot) practising within 25
    // miles of 10013
    List<String> expected =
        jdbc.sql(
                """
                SELECT p.npi::text FROM provider p
                JOIN provider_address a ON a.npi = p.npi AND a.kind = 'PRACTICE' AND a.seq = 1
                WHERE p.active AND EXISTS (SELECT 1 FROM provider_taxonomy t JOIN taxonomy x ON x.code = t.code
                                           WHERE t.npi = p.npi AND x.classification = 'Internal Medicine')
                  AND earth_distance(ll_to_earth(40.720051, -74.004809), ll_to_earth(a.latitude, a.longitude)) <= 25 * 1609.344
                """)
            .query(String.class)
            .list();
    List<String> found = new ArrayList<>();
    for (JsonNode item :
        get("specialty=Internal%20Medicine&near=10013&radiusMiles=25&size=100").get("items")) {
      found.add(item.get("npi").asString());
    }
    assertThat(expected).isNotEmpty();
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void countsASpecialtySearchWithinARadiusAsTheRegistryHoldsIt() throws Exception {
    // the total and both facets, counted by the registry's own rows: medical equipment suppliers
    // (any slot) within 100
    // miles of 10013 (New York, New Jersey, Connecticut), active, by primary specialty and by
    // practice state
    String inReach =
        """
        FROM provider p
        JOIN provider_address a ON a.npi = p.npi AND a.kind = 'PRACTICE' AND a.seq = 1
        WHERE p.active AND EXISTS (SELECT 1 FROM provider_taxonomy t WHERE t.npi = p.npi AND t.code = '332B00000X')
          AND earth_distance(ll_to_earth(40.720051, -74.004809), ll_to_earth(a.latitude, a.longitude)) <= 100 * 1609.344
        """;
    long total = jdbc.sql("SELECT count(*) " + inReach).query(Long.class).single();
    Map<String, Long> states = new HashMap<>();
    jdbc.sql("SELECT a.state, count(*) " + inReach + " GROUP BY a.state")
        .query((rs, i) -> states.put(rs.getString(1), rs.getLong(2)))
        .list();
    Map<String, Long> specialties = new HashMap<>();
    jdbc.sql(
            "SELECT t.code, count(*) "
                + inReach.replace(
                    "WHERE p.active",
                    "JOIN provider_taxonomy t ON t.npi = p.npi AND t.is_primary WHERE p.active")
                + " GROUP BY t.code")
        .query((rs, i) -> specialties.put(rs.getString(1), rs.getLong(2)))
        .list();

    JsonNode page = get("specialty=332B00000X&near=10013&radiusMiles=100&size=5");

    assertThat(total).isGreaterThan(5);
    assertThat(states).hasSizeGreaterThan(1);
    assertThat(page.get("total").asLong()).isEqualTo(total);
    Map<String, Long> stateFacet = new HashMap<>();
    page.get("facets")
        .get("state")
        .forEach(c -> stateFacet.put(c.get("value").asString(), c.get("count").asLong()));
    assertThat(stateFacet).isEqualTo(states);
    Map<String, Long> specialtyFacet = new HashMap<>();
    page.get("facets")
        .get("specialty")
        .forEach(c -> specialtyFacet.put(c.get("value").asString(), c.get("count").asLong()));
    assertThat(specialtyFacet).isEqualTo(specialties);
  }

  @Test
  void readsTheNamePagesOfAWordByWordMatchOverTheRegistry() throws Exception {
    // The registry's own rows, without the name tables: a name matches when each word of the query
    // but its initials
    // matches one of the name's words, by trigram similarity (0.25) or by the same letters in
    // another order, and
    // ranks by the similarity of the whole name. "changpin jai" (a dropped letter, two letters
    // swapped), "changping x
    // jia" (an initial the name does not have), "jonh smyth", "medical center" (many matches, pages
    // across ties).
    // Pages of 1 and 3.
    for (String name : List.of("changpin jai", "changping x jia", "jonh smyth", "medical center")) {
      Map<String, Object> params = new HashMap<>(Map.of("name", name));
      String everyWord = everyWordMatches(name, params);
      List<String> expected =
          jdbc.sql(
                  """
                  SELECT p.npi::text FROM provider p WHERE p.active %s
                  ORDER BY CAST(1 - similarity(p.search_name, :name) AS double precision), p.npi LIMIT 30
                  """
                      .formatted(everyWord))
              .params(params)
              .query(String.class)
              .list();
      if (!name.equals("jonh smyth")) {
        assertThat(expected).as(name).isNotEmpty();
      }
      if (name.startsWith("changp")) {
        assertThat(expected).as(name).startsWith("1184802050");
      }
      if (name.equals("medical center")) {
        assertThat(expected).as(name).hasSizeGreaterThan(10);
      }
      for (int size : List.of(1, 3)) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        while (found.size() < expected.size()) {
          JsonNode page =
              get(
                  "name="
                      + name.replace(" ", "%20")
                      + "&size="
                      + size
                      + (cursor == null ? "" : "&cursor=" + cursor));
          page.get("items").forEach(item -> found.add(item.get("npi").asString()));
          if (page.get("nextCursor").isNull()) {
            break;
          }
          cursor = page.get("nextCursor").asString();
        }
        assertThat(found.subList(0, Math.min(found.size(), expected.size())))
            .as(name + ", pages of " + size)
            .isEqualTo(expected);
        assertThat(found).as(name + ", pages of " + size).hasSameSizeAs(expected);
      }
    }
  }

  @Test
  void countsTheNameMatchesAsTheRegistryHoldsThem() throws Exception {
    // the total comes from the name tables; the registry's own rows say how many active providers
    // match every word
    Map<String, Object> params = new HashMap<>();
    long expected =
        jdbc.sql(
                "SELECT count(*) FROM provider p WHERE p.active "
                    + everyWordMatches("medical center", params))
            .params(params)
            .query(Long.class)
            .single();
    assertThat(expected).isGreaterThan(10);
    assertThat(get("name=medical%20center").get("total").asLong()).isEqualTo(expected);
  }

  /**
   * The registry-side condition that each word of the name but its initials matches a word of
   * p.search_name: trigram similarity 0.25 or the same letters; the words go into params.
   */
  private static String everyWordMatches(String name, Map<String, Object> params) {
    List<String> words =
        java.util.Arrays.stream(name.split(" ")).filter(w -> w.length() > 1).toList();
    StringBuilder everyWord = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      everyWord.append(
          """
           AND EXISTS (SELECT 1 FROM unnest(string_to_array(p.search_name, ' ')) AS w
                       WHERE similarity(w, :w%1$d) >= 0.25
                          OR (SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table(w, '') c)
                           = (SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table(:w%1$d, '') c))
          """
              .formatted(i));
      params.put("w" + i, words.get(i));
    }
    return everyWord.toString();
  }

  @Test
  void pagesThroughResultsWithoutDuplicatesOrGaps() throws Exception {
    JsonNode first = get("state=TX&entityType=ORGANIZATION&size=50");
    long total = first.get("total").asLong();
    Set<String> seen = new HashSet<>();
    JsonNode page = first;
    int pages = 0;
    while (true) {
      pages++;
      for (JsonNode item : page.get("items")) {
        assertThat(seen.add(item.get("npi").asString())).as("no duplicates").isTrue();
        assertThat(item.get("address").get("state").asString()).isEqualTo("TX");
      }
      if (page.get("nextCursor").isNull()) {
        break;
      }
      page =
          get(
              "state=TX&entityType=ORGANIZATION&size=50&cursor="
                  + page.get("nextCursor").asString());
    }
    assertThat(total).isEqualTo(116);
    assertThat(seen).hasSize(116);
    assertThat(pages).isEqualTo(3);
    assertThat(first.get("totalIsEstimate").asBoolean()).isFalse();
    assertThat(first.get("facets").get("state").get(0).get("value").asString()).isEqualTo("TX");
  }

  @Test
  void filtersOnPartDPrescribing() throws Exception {
    // written for this test: the real 2013 rows of one psychiatrist (A'BODJEDI, 72 drugs) under the
    // NPI of a 2018
    // NPPES sample provider, in the current Part D layout
    List<String> out = new ArrayList<>();
    out.add(
        "Prscrbr_NPI,Prscrbr_Last_Org_Name,Prscrbr_First_Name,Prscrbr_City,Prscrbr_State_Abrvtn,Prscrbr_State_FIPS,"
            + "Prscrbr_Type,Prscrbr_Type_Src,Brnd_Name,Gnrc_Name,Tot_Clms,Tot_30day_Fills,Tot_Day_Suply,Tot_Drug_Cst,"
            + "Tot_Benes,GE65_Sprsn_Flag,GE65_Tot_Clms,GE65_Tot_30day_Fills,GE65_Tot_Drug_Cst,GE65_Tot_Day_Suply,"
            + "GE65_Bene_Sprsn_Flag,GE65_Tot_Benes");
    try (InputStream in =
        getClass()
            .getResourceAsStream("/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n")) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("1952310666")) {
          out.add(
              String.join(
                  ",",
                  "1184802050",
                  "JIA",
                  "CHANGPING",
                  "NEW YORK",
                  "NY",
                  "36",
                  "Psychiatry",
                  "S",
                  "\"" + f[7] + "\"",
                  "\"" + f[8] + "\"",
                  f[10],
                  f[10],
                  f[11],
                  f[12],
                  f[9],
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  ""));
        }
      }
    }
    Path file = Files.write(dir.resolve("partd_search_2021.csv"), out);
    ingestion.runNow("partd", file.toString(), ProgressListener.NONE);

    JsonNode page = get("drug=ZOLPIDEM%20TARTRATE&minClaims=100");

    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("npi").asString()).isEqualTo("1184802050");
    // the generic name counts its brands too: ZOLPIDEM TARTRATE 285, ER 54, AMBIEN 28, AMBIEN CR 13
    assertThat(page.get("items").get(0).get("claims").asInt()).isEqualTo(380);
    assertThat(get("drug=ZOLPIDEM%20TARTRATE&minClaims=400").get("items")).isEmpty();
  }

  @Test
  void keepsDeactivatedProvidersOutUnlessAskedFor() throws Exception {
    Path report =
        Files.writeString(
            dir.resolve("deactivations.csv"),
            "\"NPI\",\"NPPES Deactivation Date\"\n\"1669586954\",\"01/15/2026\"\n");
    ingestion.runNow("nppes-deactivations", report.toString(), ProgressListener.NONE);

    assertThat(get("npi=1669586954").get("items")).isEmpty();
    assertThat(
            get("npi=1669586954&status=DEACTIVATED").get("items").get(0).get("status").asString())
        .isEqualTo("DEACTIVATED");
    assertThat(get("npi=1669586954&status=ANY").get("items")).hasSize(1);
  }

  @Test
  void namesEveryBadParameterInAProblemDetail() {
    var result =
        mvc.get()
            .uri(
                "/api/v1/providers?npi=1234567890&zip=123&near=10013&radiusMiles=1000&specialty=Astrology&size=500")
            .exchange();

    assertThat(result).hasStatus(400);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("npi", "zip", "radiusMiles", "specialty", "size");
  }

  @Test
  void treatsSqlInEveryFreeTextParameterAsText() throws Exception {
    List<String> parameters =
        List.of(
            "name",
            "specialty",
            "credential",
            "state",
            "city",
            "zip",
            "near",
            "hcpcs",
            "drug",
            "manufacturer",
            "sort",
            "cursor",
            "entityType",
            "status");
    for (String attack :
        List.of(
            "'; DROP TABLE provider; --",
            "x' OR '1'='1",
            "\\\"); SELECT pg_sleep(5); --",
            "1) UNION SELECT npi FROM app_user --")) {
      String encoded = java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8);
      for (String parameter : parameters) {
        var result =
            mvc.get()
                .uri(java.net.URI.create("/api/v1/providers?state=NY&" + parameter + "=" + encoded))
                .exchange();
        // text is matched as text, or refused as invalid: never an error, never a changed query
        assertThat(result.getResponse().getStatus()).as("%s=%s", parameter, attack).isIn(200, 400);
      }
      var byName =
          JSON.readTree(
              mvc.get()
                  .uri(java.net.URI.create("/api/v1/providers?name=" + encoded))
                  .exchange()
                  .getResponse()
                  .getContentAsString());
      assertThat(byName.get("total").asLong()).isLessThan(998 + 99);
    }
    assertThat(jdbc.sql("SELECT count(*) FROM provider").query(Long.class).single())
        .isEqualTo(998 + 99);
  }

  static double haversineMiles(double lat1, double lon1, double lat2, double lon2) {
    double r = 3958.7613;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(a));
  }
}
