package com.medsales.territory;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.Ingestions;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Territories over real HTTP, on the real NPPES samples (998 organisations of December 2021, 99
 * providers of 2018): alignment files of real New York ZIPs previewed and applied, the sample
 * providers they hold, single edits, roles, another tenant, and the per-territory figures checked
 * against SQL over the sample rows.
 */
// a context (and database) of its own: it loads a Part B year and adds registry rows, and its
// ingestion runs would sit
// in the platform audit chain that AuditTrailIntegrationTests reads from the start
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "medsales.test.context=territory")
class TerritoryIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "territory test passphrase";
  static final String CSV = "text/csv";

  // real sample providers and the ZIPs they practise in
  static final long GRAMERCY_MRI = 1437152683L; // 10010
  static final long BIOSCRIP = 1114920014L; // 10011
  static final long CHANGPING_JIA = 1184802050L; // 10013, internal medicine, from the 2018 sample
  static final long THERAPATH = 1932102027L; // 10036
  static final long ALLERGY_ROCKLAND = 1295738003L; // 10901

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Ingestion ingestion;
  @TempDir Path dir;

  TestTenants tenants;
  UUID tenant;
  UUID rep;
  TestBrowser manager;

  @BeforeEach
  void registryAndTenant() throws Exception {
    tenants = new TestTenants(bulk, passwords);
    if (tenants
            .owner()
            .sql("SELECT count(*) FROM provider WHERE npi IN (?, ?)")
            .params(GRAMERCY_MRI, CHANGPING_JIA)
            .query(Long.class)
            .single()
        < 2) {
      Ingestions.runWhenFree(
          ingestion,
          "nppes",
          copy("/demo/nppes/npidata_pfile_2021-12_organizations_998.csv").toString());
      Ingestions.runWhenFree(
          ingestion,
          "nppes-weekly",
          copy("/demo/nppes/npidata_pfile_2018_sample_99.csv").toString());
    }
    tenant = tenants.tenant("terra");
    for (String table :
        List.of("territory_assignment", "territory_state", "territory_county", "territory_zip")) {
      tenants.owner().sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(tenant).update();
    }
    // children before parents
    tenants
        .owner()
        .sql("DELETE FROM territory WHERE tenant_id = ? AND level = 'TERRITORY'")
        .param(tenant)
        .update();
    tenants.owner().sql("DELETE FROM territory WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM sign_in_failure").update();
    tenants.user(tenant, "terra-manager", PASSWORD, "MANAGER");
    rep = tenants.user(tenant, "terra-rep", PASSWORD, "REP");
    manager = signedIn("terra-manager");
  }

  @Test
  void
      previewsThenAppliesAnAlignmentOfRealNewYorkZipsAndARealignmentMovesProvidersBetweenTerritories()
          throws IOException {
    UUID metro =
        id(
            created(
                manager.post(
                    "/api/v1/territories",
                    "{\"name\": \"New York Metro\", \"level\": \"DISTRICT\"}")));
    String file = resource("/territory/nyc-alignment.csv");

    JsonNode preview = ok(manager.post("/api/v1/territories/alignment/preview", file, CSV));
    assertThat(preview.get("applied").asBoolean()).isFalse();
    assertThat(preview.get("rowsRead").asInt()).isEqualTo(24);
    assertThat(preview.get("rejects")).isEmpty();
    assertThat(strings(preview.get("territoriesCreated")))
        .containsExactly(
            "Bronx-Westchester",
            "Brooklyn",
            "Hudson Valley",
            "Manhattan Midtown",
            "Manhattan South",
            "Queens-Long Island");
    assertThat(preview.get("zipsAdded").asLong()).isEqualTo(24);
    assertThat(preview.get("zipsMoved")).isEmpty();
    Map<String, JsonNode> perTerritory = byName(preview.get("perTerritory"), "territory");
    assertThat(perTerritory.get("Manhattan South").get("zipsBefore").asLong()).isZero();
    assertThat(perTerritory.get("Manhattan South").get("zipsAfter").asLong()).isEqualTo(7);
    assertThat(perTerritory.get("Manhattan South").get("providersGained").asLong())
        .isEqualTo(providersIn("10001", "10002", "10003", "10010", "10011", "10013", "10014"))
        .isEqualTo(3);
    assertThat(perTerritory.get("Hudson Valley").get("providersGained").asLong()).isEqualTo(1);
    assertThat(preview.get("checksum").asString()).startsWith("sha256:");
    // a preview keeps nothing
    assertThat(json(manager.get("/api/v1/territories"))).hasSize(1);

    JsonNode applied = ok(manager.post("/api/v1/territories/alignment/apply", file, CSV));
    assertThat(applied.get("applied").asBoolean()).isTrue();
    assertThat(applied.get("zipsAdded").asLong()).isEqualTo(24);
    assertThat(applied.get("checksum").asString()).isEqualTo(preview.get("checksum").asString());
    Map<String, JsonNode> tree = byName(json(manager.get("/api/v1/territories")), "name");
    assertThat(tree).hasSize(7);
    assertThat(tree.get("Manhattan South").get("parentId").asString()).isEqualTo(metro.toString());
    assertThat(tree.get("Manhattan South").get("level").asString()).isEqualTo("TERRITORY");
    assertThat(tree.get("Manhattan South").get("zipCount").asLong()).isEqualTo(7);
    assertThat(tree.get("Hudson Valley").get("parentId").isNull()).isTrue();
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'territory.alignment' AND outcome = 'SUCCESS'")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    UUID south = id(tree.get("Manhattan South"));
    UUID midtown = id(tree.get("Manhattan Midtown"));
    assertThat(npis(south)).containsExactly(BIOSCRIP, CHANGPING_JIA, GRAMERCY_MRI);
    assertThat(npis(midtown)).containsExactly(THERAPATH);
    assertThat(npis(metro))
        .contains(BIOSCRIP, CHANGPING_JIA, GRAMERCY_MRI, THERAPATH)
        .doesNotContain(ALLERGY_ROCKLAND)
        .hasSize((int) providersIn(zipsOf("/territory/nyc-alignment.csv", "New York Metro")));
    JsonNode jia =
        json(manager.get("/api/v1/territories/" + south + "/providers?size=5")).get("items").get(1);
    assertThat(jia.get("npi").asLong()).isEqualTo(CHANGPING_JIA);
    assertThat(jia.get("zip5").asString()).isEqualTo("10013");
    assertThat(jia.get("primarySpecialty").get("code").asString()).isEqualTo("207R00000X");

    // a quarter later: 10013 moves to Midtown and Rockland's ZIP leaves the alignment
    String realigned = resource("/territory/nyc-alignment-realigned.csv");
    JsonNode preview2 = ok(manager.post("/api/v1/territories/alignment/preview", realigned, CSV));
    assertThat(preview2.get("territoriesCreated")).isEmpty();
    assertThat(preview2.get("zipsAdded").asLong()).isZero();
    assertThat(preview2.get("zipsMoved")).hasSize(1);
    assertThat(preview2.get("zipsMoved").get(0).toString())
        .isEqualTo(
            "{\"zip5\":\"10013\",\"from\":\"Manhattan South\",\"to\":\"Manhattan Midtown\"}");
    assertThat(strings(preview2.get("zipsUnassigned"))).containsExactly("10901");
    Map<String, JsonNode> changes = byName(preview2.get("perTerritory"), "territory");
    assertThat(changes.get("Manhattan South").get("providersLost").asLong()).isEqualTo(1);
    assertThat(changes.get("Manhattan South").get("providersGained").asLong()).isZero();
    assertThat(changes.get("Manhattan Midtown").get("providersGained").asLong()).isEqualTo(1);
    assertThat(changes.get("Hudson Valley").get("providersLost").asLong()).isEqualTo(1);
    assertThat(changes.get("Hudson Valley").get("zipsAfter").asLong()).isZero();
    assertThat(npis(south)).as("still before the apply").contains(CHANGPING_JIA);

    ok(manager.post("/api/v1/territories/alignment/apply", realigned, CSV));
    assertThat(npis(south)).containsExactly(BIOSCRIP, GRAMERCY_MRI);
    assertThat(npis(midtown)).containsExactly(CHANGPING_JIA, THERAPATH);
    assertThat(npis(id(tree.get("Hudson Valley")))).isEmpty();

    // merge mode changes only the file's ZIPs
    JsonNode merged =
        ok(
            manager.post(
                "/api/v1/territories/alignment/apply?mode=merge",
                "zip,territory\n10901,Hudson Valley\n",
                CSV));
    assertThat(merged.get("zipsAdded").asLong()).isEqualTo(1);
    assertThat(merged.get("zipsUnassigned")).isEmpty();
    assertThat(npis(id(tree.get("Hudson Valley")))).containsExactly(ALLERGY_ROCKLAND);
    assertThat(npis(south)).hasSize(2);
  }

  @Test
  void aFileWithRejectedLinesListsThemByLineAndAppliesNothing() throws IOException {
    String file = resource("/territory/nyc-alignment-with-rejects.csv");
    JsonNode preview = ok(manager.post("/api/v1/territories/alignment/preview", file, CSV));
    List<String> rejects = new ArrayList<>();
    preview
        .get("rejects")
        .forEach(r -> rejects.add(r.get("line").asInt() + ": " + r.get("reason").asString()));
    assertThat(rejects).hasSize(4);
    assertThat(rejects.get(0)).startsWith("3: ZIP '7302' has fewer than 5 digits");
    assertThat(rejects.get(1)).startsWith("4: 'ABCDE' is not a 5-digit ZIP");
    assertThat(rejects.get(2)).isEqualTo("5: names no territory");
    assertThat(rejects.get(3))
        .isEqualTo("6: ZIP 10013 is aligned to 'Manhattan South' on line 2 already");
    assertThat(preview.get("warnings").get(0).get("line").asInt())
        .isEqualTo(7); // 99999 is no real ZIP
    assertThat(preview.get("zipsAdded").asLong()).isEqualTo(2);

    var applied = manager.post("/api/v1/territories/alignment/apply", file, CSV);
    assertThat(applied.statusCode()).isEqualTo(400);
    assertThat(json(applied).get("rejects")).hasSize(4);
    assertThat(json(manager.get("/api/v1/territories"))).isEmpty();
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM territory_zip WHERE tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isZero();

    // a county column beside the ZIP is information: the line aligns its ZIP
    JsonNode zipWithCounty =
        ok(
            manager.post(
                "/api/v1/territories/alignment/preview",
                "zip,county,territory\n10013,New York,Manhattan\n",
                CSV));
    assertThat(zipWithCounty.get("zipsAdded").asLong()).isEqualTo(1);
    assertThat(zipWithCounty.get("countiesAdded").asLong()).isZero();
    var noZip =
        manager.post(
            "/api/v1/territories/alignment/apply", "postcode,territory\n10013,Manhattan\n", CSV);
    assertThat(noZip.statusCode()).isEqualTo(400);
    assertThat(json(noZip).get("errors").get(0).get("field").asString()).isEqualTo("file");

    // an alignment file names territories, not districts
    created(
        manager.post("/api/v1/territories", "{\"name\": \"Northeast\", \"level\": \"REGION\"}"));
    JsonNode toRegion =
        ok(
            manager.post(
                "/api/v1/territories/alignment/preview", "zip,territory\n10013,northeast\n", CSV));
    assertThat(toRegion.get("rejects").get(0).get("reason").asString())
        .isEqualTo("'Northeast' is a REGION; ZIPs align to TERRITORY-level territories");
  }

  @Test
  void singleZipsAndWholeStatesAlignAndAZipOverridesItsState() {
    UUID south =
        id(
            created(
                manager.post(
                    "/api/v1/territories",
                    "{\"name\": \"Manhattan South\", \"level\": \"TERRITORY\"}")));
    UUID jersey =
        id(
            created(
                manager.post(
                    "/api/v1/territories",
                    "{\"name\": \"New Jersey\", \"level\": \"TERRITORY\", \"code\": \"NJ-01\"}")));
    UUID newYork =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Upstate\", \"level\": \"TERRITORY\"}")));

    JsonNode zip = ok(manager.post("/api/v1/territories/" + south + "/zips/10013", ""));
    assertThat(zip.get("previousTerritoryId").isNull()).isTrue();
    assertThat(zip.get("knownZip").asBoolean()).isTrue();
    assertThat(npis(south)).containsExactly(CHANGPING_JIA);
    // whole New York state to Upstate: Manhattan's 10013 stays with Manhattan South
    ok(manager.put("/api/v1/territories/" + newYork + "/states", "{\"states\": [\"ny\"]}"));
    assertThat(npis(newYork))
        .doesNotContain(CHANGPING_JIA)
        .contains(GRAMERCY_MRI, ALLERGY_ROCKLAND)
        .hasSize(
            (int)
                count(
                    "SELECT count(DISTINCT pa.npi) FROM provider_address pa JOIN provider p USING (npi)"
                        + " WHERE p.active AND pa.kind <> 'MAILING' AND pa.state = 'NY' AND pa.zip5 <> '10013'"));
    ok(manager.put("/api/v1/territories/" + jersey + "/states", "{\"states\": [\"NJ\"]}"));
    assertThat(npis(jersey))
        .hasSize(
            (int)
                count(
                    "SELECT count(DISTINCT pa.npi) FROM provider_address pa JOIN provider p USING (npi)"
                        + " WHERE p.active AND pa.kind <> 'MAILING' AND pa.state = 'NJ'"))
        .isNotEmpty();

    // moving the ZIP says where it came from; then taking it out leaves Manhattan to the state's
    // territory
    JsonNode moved = ok(manager.post("/api/v1/territories/" + jersey + "/zips/10013", ""));
    assertThat(moved.get("previousTerritoryId").asString()).isEqualTo(south.toString());
    assertThat(npis(south)).isEmpty();
    assertThat(npis(jersey)).contains(CHANGPING_JIA);
    assertThat(manager.delete("/api/v1/territories/" + south + "/zips/10013").statusCode())
        .isEqualTo(404);
    assertThat(manager.delete("/api/v1/territories/" + jersey + "/zips/10013").statusCode())
        .isEqualTo(204);
    assertThat(npis(newYork)).contains(CHANGPING_JIA);
    assertThat(manager.post("/api/v1/territories/" + jersey + "/zips/1001", "").statusCode())
        .isEqualTo(400);
    var badState =
        manager.put("/api/v1/territories/" + jersey + "/states", "{\"states\": [\"XX\"]}");
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(json(badState).get("errors").get(0).get("field").asString()).isEqualTo("states");

    JsonNode map = json(manager.get("/api/v1/territories/map"));
    assertThat(map).isEmpty();
    ok(manager.post("/api/v1/territories/" + south + "/zips/10013", ""));
    map = json(manager.get("/api/v1/territories/map"));
    assertThat(map).hasSize(1);
    assertThat(map.get(0).get("territoryName").asString()).isEqualTo("Manhattan South");
    assertThat(map.get(0).get("latitude").asDouble())
        .isCloseTo(40.72, org.assertj.core.data.Offset.offset(0.01));
    // its home county (New York County, Manhattan) keys the county outline the map colours
    assertThat(map.get(0).get("county").asString()).isEqualTo("36061");
    assertThat(map.get(0).get("via").asString()).isEqualTo("ZIP");
  }

  @Test
  void eachZipHasOneHomeCountyTheOneHoldingMostOfItsLand() {
    assertThat(count("SELECT count(*) FROM zip_county")).isEqualTo(46_953);
    assertThat(count("SELECT count(DISTINCT zip5) FROM zip_county")).isEqualTo(33_791);
    assertThat(count("SELECT count(*) FROM zip_county WHERE home")).isEqualTo(33_791);
    assertThat(
            count(
                "SELECT count(*) FROM zip_county a JOIN zip_county b ON b.zip5 = a.zip5 AND a.home"
                    + " AND b.land_area > a.land_area"))
        .isZero();
    // 00601 (Adjuntas, PR): 63.6 km2 in Adjuntas Municipio, 0.8 in Ponce
    assertThat(
            tenants
                .owner()
                .sql("SELECT county_geoid FROM zip_county WHERE zip5 = '00601' AND home")
                .query(String.class)
                .single())
        .isEqualTo("72001");
    assertThat(count("SELECT count(*) FROM county")).isEqualTo(3_222 + 19);
    assertThat(
            tenants
                .owner()
                .sql("SELECT name FROM county WHERE geoid = '35013'")
                .query(String.class)
                .single())
        .isEqualTo("Doña Ana County");
  }

  @Test
  void wholeCountiesAlignAZipOverridesItsCountyAndACountyItsState() {
    UUID manhattan =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Manhattan\", \"level\": \"TERRITORY\"}")));
    UUID downtown =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Downtown\", \"level\": \"TERRITORY\"}")));
    UUID upstate =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Upstate\", \"level\": \"TERRITORY\"}")));
    ok(manager.put("/api/v1/territories/" + upstate + "/states", "{\"states\": [\"NY\"]}"));

    JsonNode view =
        ok(
            manager.put(
                "/api/v1/territories/" + manhattan + "/counties", "{\"counties\": [\"36061\"]}"));
    assertThat(view.get("counties").get(0).get("name").asString()).isEqualTo("New York County");
    // New York County holds 10010, 10013 and 10036; Rockland's 10901 stays with the state's
    // territory
    assertThat(npis(manhattan))
        .contains(GRAMERCY_MRI, CHANGPING_JIA, THERAPATH)
        .doesNotContain(ALLERGY_ROCKLAND)
        .hasSize(
            (int)
                count(
                    "SELECT count(DISTINCT pa.npi) FROM provider_address pa JOIN provider p USING (npi)"
                        + " JOIN zip_county zc ON zc.zip5 = pa.zip5 AND zc.home WHERE p.active AND pa.kind <> 'MAILING'"
                        + " AND zc.county_geoid = '36061'"));
    assertThat(npis(upstate)).contains(ALLERGY_ROCKLAND).doesNotContain(GRAMERCY_MRI);
    ok(manager.post("/api/v1/territories/" + downtown + "/zips/10013", ""));
    assertThat(npis(downtown)).containsExactly(CHANGPING_JIA);
    assertThat(npis(manhattan)).doesNotContain(CHANGPING_JIA).contains(GRAMERCY_MRI);
    assertThat(json(manager.get("/api/v1/territories/map")).size())
        .isEqualTo(
            (int)
                count(
                    "SELECT count(*) FROM zip_county zc JOIN zip_centroid c USING (zip5)"
                        + " WHERE zc.home AND zc.county_geoid = '36061'"));
    for (JsonNode point : json(manager.get("/api/v1/territories/map"))) {
      assertThat(point.get("county").asString()).isEqualTo("36061");
      assertThat(point.get("via").asString())
          .isEqualTo(point.get("zip5").asString().equals("10013") ? "ZIP" : "COUNTY");
    }

    // a ZIP spanning counties goes with the county holding most of its land
    var spanning =
        tenants
            .owner()
            .sql(
                """
            SELECT pa.npi, pa.zip5, h.county_geoid AS home, o.county_geoid AS other
            FROM provider_address pa JOIN provider p ON p.npi = pa.npi AND p.active
            JOIN zip_county h ON h.zip5 = pa.zip5 AND h.home JOIN zip_county o ON o.zip5 = pa.zip5 AND NOT o.home
            WHERE pa.kind <> 'MAILING' AND pa.state = 'NY' ORDER BY pa.npi LIMIT 1
            """)
            .query(
                (rs, n) ->
                    List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .single();
    long npi = Long.parseLong(spanning.get(0));
    UUID other =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Other\", \"level\": \"TERRITORY\"}")));
    ok(
        manager.put(
            "/api/v1/territories/" + other + "/counties",
            "{\"counties\": [\"" + spanning.get(3) + "\"]}"));
    assertThat(npis(other)).doesNotContain(npi);
    ok(
        manager.put(
            "/api/v1/territories/" + other + "/counties",
            "{\"counties\": [\"" + spanning.get(2) + "\"]}"));
    assertThat(npis(other)).contains(npi);

    var bad =
        manager.put(
            "/api/v1/territories/" + manhattan + "/counties", "{\"counties\": [\"99999\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("errors").get(0).get("field").asString()).isEqualTo("counties");
  }

  @Test
  void aTerritorysZipListSaysHowEachZipGotThereWithItsCountyAndStateInPages() {
    UUID metro =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Metro\", \"level\": \"DISTRICT\"}")));
    UUID manhattan =
        id(
            created(
                manager.post(
                    "/api/v1/territories",
                    "{\"name\": \"Manhattan\", \"level\": \"TERRITORY\", \"parentId\": \""
                        + metro
                        + "\"}")));
    UUID upstate =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Upstate\", \"level\": \"TERRITORY\"}")));
    ok(manager.put("/api/v1/territories/" + upstate + "/states", "{\"states\": [\"NY\"]}"));
    ok(
        manager.put(
            "/api/v1/territories/" + manhattan + "/counties", "{\"counties\": [\"36061\"]}"));
    ok(
        manager.post(
            "/api/v1/territories/" + manhattan + "/zips/10901",
            "")); // Rockland's, taken from the state

    Map<String, JsonNode> inManhattan = byName(allZips(manhattan), "zip5");
    long newYorkCounty =
        count("SELECT count(*) FROM zip_county WHERE county_geoid = '36061' AND home");
    assertThat(inManhattan).hasSize((int) newYorkCounty + 1);
    assertThat(inManhattan.get("10013").get("via").asString()).isEqualTo("COUNTY");
    assertThat(inManhattan.get("10013").get("county").asString()).isEqualTo("New York County");
    assertThat(inManhattan.get("10013").get("state").asString()).isEqualTo("NY");
    assertThat(inManhattan.get("10013").get("knownLocation").asBoolean()).isTrue();
    assertThat(inManhattan.get("10901").get("via").asString()).isEqualTo("ZIP");
    assertThat(inManhattan.get("10901").get("countyGeoid").asString()).isEqualTo("36087");
    JsonNode first = ok(manager.get("/api/v1/territories/" + manhattan + "/zips?size=1"));
    assertThat(first.get("total").asLong()).isEqualTo(newYorkCounty + 1);
    assertThat(first.get("direct").asLong()).isEqualTo(1);

    // the state's territory holds the state's other ZIPs (by their home county), not New York
    // County's nor 10901
    Map<String, JsonNode> inUpstate = byName(allZips(upstate), "zip5");
    assertThat(inUpstate)
        .hasSize(
            (int)
                count(
                    "SELECT count(*) FROM zip_county zc JOIN county k ON k.geoid = zc.county_geoid"
                        + " WHERE zc.home AND k.state = 'NY' AND zc.county_geoid <> '36061' AND zc.zip5 <> '10901'"));
    assertThat(inUpstate.get("12207").get("via").asString()).isEqualTo("STATE");
    assertThat(inUpstate.get("12207").get("county").asString()).isEqualTo("Albany County");
    assertThat(inUpstate).doesNotContainKeys("10013", "10901");
    // a district lists what its territories hold
    assertThat(byName(allZips(metro), "zip5").keySet()).isEqualTo(inManhattan.keySet());

    // the pickers: ZIPs by prefix and counties by name, each with the territory holding it now
    Map<String, JsonNode> found =
        byName(ok(manager.get("/api/v1/territories/zips?prefix=1001&limit=5")), "zip5");
    assertThat(found.get("10013").get("territory").asString()).isEqualTo("Manhattan");
    assertThat(found.get("10013").get("via").asString()).isEqualTo("COUNTY");
    assertThat(found.keySet()).allMatch(z -> z.startsWith("1001")).hasSizeLessThanOrEqualTo(5);
    JsonNode albany = ok(manager.get("/api/v1/territories/zips?prefix=12207")).get(0);
    assertThat(albany.get("territory").asString()).isEqualTo("Upstate");
    assertThat(albany.get("via").asString()).isEqualTo("STATE");
    JsonNode kings =
        ok(
            manager.get(
                "/api/v1/territories/counties?q="
                    + java.net.URLEncoder.encode("Kings, NY", StandardCharsets.UTF_8)));
    assertThat(kings).hasSize(1);
    assertThat(kings.get(0).get("geoid").asString()).isEqualTo("36047");
    assertThat(kings.get(0).get("territoryId").isNull()).isTrue();
    assertThat(kings.get(0).get("zips").asLong())
        .isEqualTo(count("SELECT count(*) FROM zip_county WHERE county_geoid = '36047' AND home"));
    Map<String, JsonNode> newYorks =
        byName(ok(manager.get("/api/v1/territories/counties?q=new%20york&state=ny")), "geoid");
    assertThat(newYorks.get("36061").get("territory").asString()).isEqualTo("Manhattan");
    List<String> kingsStates = new ArrayList<>();
    ok(manager.get("/api/v1/territories/counties?q=kings"))
        .forEach(c -> kingsStates.add(c.get("state").asString()));
    assertThat(kingsStates)
        .containsExactly(
            "CA", "NY", "SD"); // Kings County (CA, NY) and Kingsbury County (SD), by state

    // refusals are problems naming the field
    for (String bad :
        List.of(
            "/api/v1/territories/" + manhattan + "/zips?size=0",
            "/api/v1/territories/" + manhattan + "/zips?cursor=abc",
            "/api/v1/territories/zips?prefix=1a",
            "/api/v1/territories/counties?q=%20",
            "/api/v1/territories/counties?q=kings&state=XX",
            "/api/v1/territories/zips?prefix=100&limit=1000")) {
      var refused = manager.get(bad);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json(refused).get("errors").get(0).get("field").asString())
          .isIn("size", "cursor", "prefix", "q", "state", "limit");
    }
    assertThat(manager.get("/api/v1/territories/" + UUID.randomUUID() + "/zips").statusCode())
        .isEqualTo(404);
    JsonNode paths = ok(manager.get("/v3/api-docs")).get("paths");
    assertThat(paths.get("/api/v1/territories/{id}/zips").get("get")).isNotNull();
    assertThat(paths.get("/api/v1/territories/zips").get("get")).isNotNull();
    assertThat(paths.get("/api/v1/territories/counties").get("get")).isNotNull();
    // a rep reads them as any territory
    TestBrowser repBrowser = signedIn("terra-rep");
    assertThat(
            ok(repBrowser.get("/api/v1/territories/" + manhattan + "/zips")).get("total").asLong())
        .isEqualTo(newYorkCounty + 1);
  }

  /** Every ZIP of the territory, reading page after page. */
  JsonNode allZips(UUID territory) {
    var all = JSON.createArrayNode();
    String cursor = "";
    do {
      JsonNode page =
          ok(manager.get("/api/v1/territories/" + territory + "/zips?size=400&cursor=" + cursor));
      page.get("items").forEach(all::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    return all;
  }

  @Test
  void aCountyFileNamesCountiesByFipsOrByNameInTheirStateAndThePreviewShowsWhatMoves() {
    String withRejects =
        """
        county_fips,county,state,territory
        36061,,,Manhattan
        ,Rockland,NY,Hudson Valley
        ,Baltimore,MD,Baltimore
        ,Nowhere,NY,Hudson Valley
        3606,,,Manhattan
        ,Kings,,Brooklyn
        ,New York County,NY,Hudson Valley
        """;
    JsonNode preview = ok(manager.post("/api/v1/territories/alignment/preview", withRejects, CSV));
    List<String> rejects = new ArrayList<>();
    preview
        .get("rejects")
        .forEach(r -> rejects.add(r.get("line").asInt() + ": " + r.get("reason").asString()));
    assertThat(rejects)
        .containsExactly(
            "4: county 'Baltimore' is ambiguous in MD: Baltimore County (24005), Baltimore city (24510)",
            "5: no county 'Nowhere' in NY",
            "6: county FIPS '3606' has fewer than 5 digits (did a spreadsheet drop its leading zero?)",
            "7: county 'Kings' needs its state's 2-letter code in a state column",
            "8: county 36061 is aligned to another territory on an earlier line already");
    assertThat(manager.post("/api/v1/territories/alignment/apply", withRejects, CSV).statusCode())
        .isEqualTo(400);

    String file =
        "county_fips,county,state,territory\n36061,,,Manhattan\n,rockland county,ny,Hudson Valley\n";
    preview = ok(manager.post("/api/v1/territories/alignment/preview", file, CSV));
    assertThat(preview.get("countiesAdded").asLong()).isEqualTo(2);
    Map<String, JsonNode> perTerritory = byName(preview.get("perTerritory"), "territory");
    assertThat(perTerritory.get("Hudson Valley").get("countiesAfter").asLong()).isEqualTo(1);
    assertThat(perTerritory.get("Hudson Valley").get("countyZipsBefore").asLong()).isZero();
    assertThat(perTerritory.get("Hudson Valley").get("countyZipsAfter").asLong())
        .isEqualTo(count("SELECT count(*) FROM zip_county WHERE county_geoid = '36087' AND home"))
        .isPositive();
    assertThat(perTerritory.get("Hudson Valley").get("providersGained").asLong())
        .isEqualTo(
            count(
                "SELECT count(DISTINCT pa.npi) FROM provider_address pa JOIN provider p USING (npi)"
                    + " JOIN zip_county zc ON zc.zip5 = pa.zip5 AND zc.home WHERE p.active AND pa.kind <> 'MAILING'"
                    + " AND zc.county_geoid = '36087'"));
    assertThat(json(manager.get("/api/v1/territories"))).isEmpty();

    JsonNode applied = ok(manager.post("/api/v1/territories/alignment/apply", file, CSV));
    assertThat(applied.get("applied").asBoolean()).isTrue();
    UUID hudson = id(byName(json(manager.get("/api/v1/territories")), "name").get("Hudson Valley"));
    assertThat(npis(hudson)).contains(ALLERGY_ROCKLAND);

    // Rockland moves by name; REPLACE unaligns New York County, which the file no longer names
    JsonNode moved =
        ok(
            manager.post(
                "/api/v1/territories/alignment/preview",
                "county,state,territory\nRockland,NY,Manhattan\n",
                CSV));
    assertThat(moved.get("countiesMoved").get(0).get("from").asString()).isEqualTo("Hudson Valley");
    assertThat(moved.get("countiesMoved").get(0).get("to").asString()).isEqualTo("Manhattan");
    assertThat(moved.get("countiesUnassigned").get(0).get("geoid").asString()).isEqualTo("36061");
    assertThat(
            byName(moved.get("perTerritory"), "territory")
                .get("Hudson Valley")
                .get("providersLost")
                .asLong())
        .isEqualTo(perTerritory.get("Hudson Valley").get("providersGained").asLong());
    // Manhattan trades New York County's ZIPs for Rockland's, less 10901, which the same file
    // aligns by itself
    JsonNode manhattan =
        byName(
                ok(manager.post(
                        "/api/v1/territories/alignment/preview",
                        "zip,county,state,territory\n10901,,,Hudson Valley\n,Rockland,NY,Manhattan\n",
                        CSV))
                    .get("perTerritory"),
                "territory")
            .get("Manhattan");
    long rockland = count("SELECT count(*) FROM zip_county WHERE county_geoid = '36087' AND home");
    assertThat(manhattan.get("countyZipsBefore").asLong())
        .isEqualTo(count("SELECT count(*) FROM zip_county WHERE county_geoid = '36061' AND home"));
    assertThat(manhattan.get("countyZipsAfter").asLong()).isEqualTo(rockland - 1);
  }

  @Test
  void editsAreVersionedAssignmentsNameUsersOfTheTenantAndAParentWithChildrenStays() {
    UUID region =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Northeast\", \"level\": \"REGION\"}")));
    JsonNode territory =
        created(
            manager.post(
                "/api/v1/territories",
                "{\"name\": \"Manhattan\", \"level\": \"TERRITORY\", \"parentId\": \""
                    + region
                    + "\"}"));
    UUID id = id(territory);
    assertThat(
            manager
                .post("/api/v1/territories", "{\"name\": \"Manhattan\", \"level\": \"TERRITORY\"}")
                .statusCode())
        .isEqualTo(409);
    var upsideDown =
        manager.post(
            "/api/v1/territories",
            "{\"name\": \"Up\", \"level\": \"REGION\", \"parentId\": \"" + id + "\"}");
    assertThat(upsideDown.statusCode()).isEqualTo(400);
    assertThat(json(upsideDown).get("errors").get(0).get("field").asString()).isEqualTo("parentId");
    var missingLevel = manager.post("/api/v1/territories", "{\"name\": \"X\"}");
    assertThat(json(missingLevel).get("errors").get(0).get("field").asString()).isEqualTo("level");

    JsonNode renamed =
        ok(
            manager.patch(
                "/api/v1/territories/" + id, "{\"name\": \"Manhattan South\", \"version\": 0}"));
    assertThat(renamed.get("version").asLong()).isEqualTo(1);
    assertThat(renamed.get("parentId").asString()).isEqualTo(region.toString());
    var stale =
        manager.patch(
            "/api/v1/territories/" + id, "{\"name\": \"Lower Manhattan\", \"version\": 0}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(1);
    JsonNode detached =
        ok(manager.patch("/api/v1/territories/" + id, "{\"detach\": true, \"version\": 1}"));
    assertThat(detached.get("parentId").isNull()).isTrue();
    assertThat(detached.get("name").asString()).isEqualTo("Manhattan South");
    ok(
        manager.patch(
            "/api/v1/territories/" + id, "{\"parentId\": \"" + region + "\", \"version\": 2}"));

    UUID otherTenant = tenants.tenant("terra-rival");
    UUID stranger = tenants.user(otherTenant, "terra-rival-rep", PASSWORD, "REP");
    var foreign =
        manager.put(
            "/api/v1/territories/" + id + "/assignments",
            "{\"assignments\": [{\"userId\": \"" + stranger + "\", \"kind\": \"PRIMARY\"}]}");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("names a user that does not exist");
    UUID managerId = tenants.userId("terra-manager");
    var twoPrimaries =
        manager.put(
            "/api/v1/territories/" + id + "/assignments",
            "{\"assignments\": [{\"userId\": \""
                + rep
                + "\", \"kind\": \"PRIMARY\"}, {\"userId\": \""
                + managerId
                + "\", \"kind\": \"PRIMARY\"}]}");
    assertThat(twoPrimaries.statusCode()).isEqualTo(400);
    JsonNode assigned =
        ok(
            manager.put(
                "/api/v1/territories/" + id + "/assignments",
                "{\"assignments\": [{\"userId\": \""
                    + rep
                    + "\", \"kind\": \"PRIMARY\"}, {\"userId\": \""
                    + managerId
                    + "\", \"kind\": \"SECONDARY\"}]}"));
    assertThat(assigned.get("assignments").toString())
        .isEqualTo(
            "[{\"userId\":\""
                + rep
                + "\",\"displayName\":\"User terra-rep\",\"kind\":\"PRIMARY\"},"
                + "{\"userId\":\""
                + managerId
                + "\",\"displayName\":\"User terra-manager\",\"kind\":\"SECONDARY\"}]");

    var parentWithChildren = manager.delete("/api/v1/territories/" + region);
    assertThat(parentWithChildren.statusCode()).isEqualTo(409);
    assertThat(json(parentWithChildren).get("children").asLong()).isEqualTo(1);
    assertThat(manager.delete("/api/v1/territories/" + id).statusCode()).isEqualTo(204);
    assertThat(manager.delete("/api/v1/territories/" + region).statusCode()).isEqualTo(204);
    assertThat(json(manager.get("/api/v1/territories"))).isEmpty();
  }

  @Test
  void aRepReadsTerritoriesButCannotChangeThemNorTheAlignment() {
    UUID id =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Brooklyn\", \"level\": \"TERRITORY\"}")));
    ok(manager.post("/api/v1/territories/" + id + "/zips/11209", ""));
    TestBrowser repBrowser = signedIn("terra-rep");

    assertThat(json(repBrowser.get("/api/v1/territories"))).hasSize(1);
    assertThat(npis(repBrowser, id))
        .contains(1427051689L, 1922001155L); // the two sample organisations of 11209
    assertThat(repBrowser.get("/api/v1/territories/" + id + "/stats").statusCode()).isEqualTo(200);
    for (var refused :
        List.of(
            repBrowser.post(
                "/api/v1/territories/alignment/preview", "zip,territory\n11215,Brooklyn\n", CSV),
            repBrowser.post(
                "/api/v1/territories/alignment/apply", "zip,territory\n11215,Brooklyn\n", CSV),
            repBrowser.post(
                "/api/v1/territories", "{\"name\": \"Queens\", \"level\": \"TERRITORY\"}"),
            repBrowser.post("/api/v1/territories/" + id + "/zips/11215", ""),
            repBrowser.delete("/api/v1/territories/" + id + "/zips/11209"),
            repBrowser.patch("/api/v1/territories/" + id, "{\"name\": \"Mine\", \"version\": 0}"),
            repBrowser.put("/api/v1/territories/" + id + "/assignments", "{\"assignments\": []}"),
            repBrowser.delete("/api/v1/territories/" + id))) {
      assertThat(refused.statusCode())
          .as(refused.request().method() + " " + refused.uri())
          .isEqualTo(403);
    }
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM territory_zip WHERE tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anotherTenantSeesNoneOfMyTerritories() {
    UUID id =
        id(
            created(
                manager.post(
                    "/api/v1/territories", "{\"name\": \"Brooklyn\", \"level\": \"TERRITORY\"}")));
    ok(manager.post("/api/v1/territories/" + id + "/zips/11209", ""));
    UUID rival = tenants.tenant("terra-rival");
    tenants.user(rival, "terra-rival-admin", PASSWORD, "ADMIN");
    TestBrowser other = signedIn("terra-rival-admin");

    assertThat(other.get("/api/v1/territories/" + id).statusCode()).isEqualTo(404);
    assertThat(other.get("/api/v1/territories/" + id + "/providers").statusCode()).isEqualTo(404);
    assertThat(other.get("/api/v1/territories/" + id + "/stats").statusCode()).isEqualTo(404);
    assertThat(other.get("/api/v1/territories/" + id + "/zips").statusCode()).isEqualTo(404);
    assertThat(other.get("/api/v1/territories/zips?prefix=11209").body())
        .doesNotContain("Brooklyn");
    assertThat(
            other
                .patch("/api/v1/territories/" + id, "{\"name\": \"Taken\", \"version\": 0}")
                .statusCode())
        .isEqualTo(404);
    assertThat(other.post("/api/v1/territories/" + id + "/zips/11215", "").statusCode())
        .isEqualTo(404);
    assertThat(other.delete("/api/v1/territories/" + id).statusCode()).isEqualTo(404);
    assertThat(other.get("/api/v1/territories").body())
        .doesNotContain("Brooklyn")
        .doesNotContain(id.toString());
    assertThat(other.get("/api/v1/territories/map").body()).doesNotContain("11209");
    // the rival's own file creates its own Brooklyn and takes no ZIP from mine
    ok(other.post("/api/v1/territories/alignment/apply", "zip,territory\n11215,Brooklyn\n", CSV));
    assertThat(json(manager.get("/api/v1/territories")).get(0).get("zipCount").asLong())
        .isEqualTo(1);
    assertThat(npis(id)).contains(1427051689L).doesNotContain(1215930193L);
  }

  @Test
  void figuresPerTerritoryAgreeWithSqlOverTheSampleRows() throws Exception {
    ingestion.runNow(
        "partb",
        copy("/demo/partb/MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv").toString(),
        ProgressListener.NONE);
    // The CMS samples and the NPPES samples share no NPI: give three New York dermatologists of the
    // Part B sample the
    // registry entry their CMS address describes, so that a territory holds providers with Part B
    // volume.
    List<Long> dermatologists =
        tenants
            .owner()
            .sql(
                "SELECT npi FROM partb_provider WHERE data_year = 2021 AND state = 'NY' AND zip5 LIKE '10%'"
                    + " AND npi NOT IN (SELECT npi FROM provider) ORDER BY npi LIMIT 3")
            .query(Long.class)
            .list();
    assertThat(dermatologists).hasSize(3);
    try {
      tenants
          .owner()
          .sql(
              """
              INSERT INTO provider (npi, entity_type, last_name, first_name, active, hash_name, hash_addresses,
                                    hash_taxonomies, hash_identifiers, hash_status, hash_other)
              SELECT npi, 1, last_org_name, first_name, true, 0, 0, 0, 0, 0, 0 FROM partb_provider
              WHERE data_year = 2021 AND npi = ANY(?)
              """)
          .param(dermatologists.toArray(Long[]::new))
          .update();
      tenants
          .owner()
          .sql(
              """
              INSERT INTO provider_address (npi, kind, seq, city, state, zip5)
              SELECT npi, 'PRACTICE', 0, city, state, zip5 FROM partb_provider WHERE data_year = 2021 AND npi = ANY(?)
              UNION ALL
              -- a mailing address in an aligned ZIP makes nobody a member
              SELECT ?, 'MAILING', 99, 'New York', 'NY', zip5 FROM partb_provider WHERE data_year = 2021 AND npi = ?
              """)
          .params(dermatologists.toArray(Long[]::new), ALLERGY_ROCKLAND, dermatologists.getFirst())
          .update();
      tenants
          .owner()
          .sql(
              "INSERT INTO provider_taxonomy (npi, slot, code, is_primary) SELECT n, 1, '207N00000X', true FROM unnest(?::bigint[]) n")
          .param(dermatologists.toArray(Long[]::new))
          .update();
      List<String> zips =
          tenants
              .owner()
              .sql(
                  "SELECT DISTINCT zip5 FROM partb_provider WHERE data_year = 2021 AND npi = ANY(?)")
              .param(dermatologists.toArray(Long[]::new))
              .query(String.class)
              .list();
      StringBuilder file = new StringBuilder("zip,territory\n");
      zips.forEach(z -> file.append(z).append(",Dermatology NY\n"));
      List.of("10010", "10011", "10013").forEach(z -> file.append(z).append(",Manhattan South\n"));
      ok(manager.post("/api/v1/territories/alignment/apply", file.toString(), CSV));
      Map<String, JsonNode> tree = byName(json(manager.get("/api/v1/territories")), "name");

      JsonNode derm =
          ok(manager.get("/api/v1/territories/" + id(tree.get("Dermatology NY")) + "/stats"));
      String members =
          "SELECT DISTINCT pa.npi FROM provider_address pa JOIN provider p USING (npi)"
              + " WHERE p.active AND pa.kind <> 'MAILING' AND pa.zip5 = ANY(?)";
      String[] dermZips = zips.toArray(String[]::new);
      assertThat(derm.get("providers").asLong())
          .isEqualTo(count("SELECT count(*) FROM (" + members + ") m", (Object) dermZips))
          .isGreaterThanOrEqualTo(3);
      JsonNode partB = derm.get("partB");
      assertThat(partB.get("year").asInt()).isEqualTo(2021);
      assertThat(partB.get("providers").asLong()).isEqualTo(3);
      // services straight from the file's rows, not from the rollups the figures are read from
      BigDecimal services =
          tenants
              .owner()
              .sql(
                  "SELECT sum(total_services) FROM partb_service WHERE data_year = 2021 AND npi IN ("
                      + members
                      + ")")
              .param(dermZips)
              .query(BigDecimal.class)
              .single();
      assertThat(partB.get("services").decimalValue()).isEqualByComparingTo(services).isPositive();
      BigDecimal payments =
          tenants
              .owner()
              .sql(
                  "SELECT sum(avg_payment_amount * total_services) FROM partb_service WHERE data_year = 2021 AND npi IN ("
                      + members
                      + ")")
              .param(dermZips)
              .query(BigDecimal.class)
              .single();
      assertThat(partB.get("paymentAmount").decimalValue())
          .isCloseTo(payments, org.assertj.core.data.Offset.offset(new BigDecimal("1.00")));
      assertThat(derm.get("partD").get("claims").decimalValue()).isZero();
      Map<String, JsonNode> specialties = byName(derm.get("providersBySpecialty"), "code");
      assertThat(specialties.get("207N00000X").get("count").asLong()).isEqualTo(3);
      assertThat(specialties.get("207N00000X").get("specialty").asString())
          .containsIgnoringCase("Dermatology");

      JsonNode all = json(manager.get("/api/v1/territories/stats?year=2021"));
      Map<String, JsonNode> side = byName(all, "name");
      assertThat(side).containsOnlyKeys("Dermatology NY", "Manhattan South");
      assertThat(side.get("Dermatology NY").get("partB").get("services").decimalValue())
          .isEqualByComparingTo(services);
      JsonNode south = side.get("Manhattan South");
      assertThat(south.get("providers").asLong()).isEqualTo(3);
      assertThat(south.get("partB").get("providers").asLong()).isZero();
      assertThat(
              byName(south.get("providersBySpecialty"), "code")
                  .get("207R00000X")
                  .get("count")
                  .asLong())
          .isEqualTo(1);
      assertThat(
              json(manager.get("/api/v1/territories/stats?year=2019"))
                  .get(0)
                  .get("partB")
                  .get("services")
                  .decimalValue())
          .isZero();
    } finally {
      for (String table : List.of("provider_taxonomy", "provider_address", "provider")) {
        tenants
            .owner()
            .sql("DELETE FROM " + table + " WHERE npi = ANY(?)")
            .param(dermatologists.toArray(Long[]::new))
            .update();
      }
      tenants
          .owner()
          .sql("DELETE FROM provider_address WHERE npi = ? AND seq = 99")
          .param(ALLERGY_ROCKLAND)
          .update();
    }
  }

  // --- helpers

  TestBrowser signedIn(String username) {
    TestBrowser browser = new TestBrowser(port);
    assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    return browser;
  }

  List<Long> npis(UUID territory) {
    return npis(manager, territory);
  }

  /** Every NPI of the territory, reading page after page. */
  static List<Long> npis(TestBrowser browser, UUID territory) {
    List<Long> npis = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page =
          ok(
              browser.get(
                  "/api/v1/territories/" + territory + "/providers?size=2&cursor=" + cursor));
      page.get("items").forEach(i -> npis.add(i.get("npi").asLong()));
      assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(npis.size());
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    return npis;
  }

  /** Active providers practising in the ZIPs, counted straight from the registry. */
  long providersIn(String... zips) {
    return count(
        "SELECT count(DISTINCT pa.npi) FROM provider_address pa JOIN provider p USING (npi)"
            + " WHERE p.active AND pa.kind <> 'MAILING' AND pa.zip5 = ANY(?)",
        (Object) zips);
  }

  String[] zipsOf(String resource, String parent) throws IOException {
    return resource(resource)
        .lines()
        .skip(1)
        .filter(l -> l.endsWith("," + parent))
        .map(l -> l.substring(0, 5))
        .toArray(String[]::new);
  }

  long count(String sql, Object... params) {
    return tenants.owner().sql(sql).params(params).query(Long.class).single();
  }

  String resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Path copy(String resource) throws IOException {
    Path file = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  static JsonNode created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  static UUID id(JsonNode node) {
    return UUID.fromString(node.get("id").asString());
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  static Map<String, JsonNode> byName(JsonNode array, String field) {
    Map<String, JsonNode> map = new HashMap<>();
    array.forEach(n -> map.put(n.get(field).asString(), n));
    return map;
  }
}
