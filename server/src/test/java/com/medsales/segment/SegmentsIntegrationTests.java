package com.medsales.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.TenantScope;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Market baskets over real HTTP on the real CMS samples (the first 7,019 rows of the 2013 Part D
 * release, the 2019 and 2021 Part B Mohs-surgery rows), with the recomputation run by this
 * context's ingestion worker: deciles checked against a computation written plainly here over the
 * same rows (ties included), suppressed cells, states and territories, movers, a re-published year
 * and a basket edit recomputing, another tenant, bad input, search and the provider's baskets.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "medsales.test.context=segments")
@Import(SegmentsIntegrationTests.Recorded.class)
class SegmentsIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "segments test passphrase";
  static final String PART_D_2013 = "PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab";
  static final String MOHS = "MUP_PHY_by_provider_and_service_%d_mohs_17311-17315.csv";

  /** Every BasketRecomputed published in this context. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Recorded {
    static final List<BasketRecomputed> EVENTS = new CopyOnWriteArrayList<>();

    @Bean
    Recorder basketRecomputedRecorder() {
      return new Recorder();
    }
  }

  static class Recorder {
    @EventListener
    void on(BasketRecomputed event) {
      Recorded.EVENTS.add(event);
    }
  }

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Ingestion ingestion;
  @Autowired Segments segments;
  @TempDir Path dir;

  TestTenants tenants;
  JdbcClient owner;
  UUID tenant;
  TestBrowser manager;
  TestBrowser stranger;

  @BeforeEach
  void dataAndTenants() throws Exception {
    tenants = new TestTenants(bulk, passwords);
    owner = tenants.owner();
    if (!loaded("partD", 2013)) {
      publishPartD(copy("/demo/partd/" + PART_D_2013));
    }
    for (int year : List.of(2019, 2021)) {
      if (!loaded("partB", year)) {
        ingestion.runNow(
            "partb", copy("/demo/partb/" + MOHS.formatted(year)).toString(), ProgressListener.NONE);
      }
    }
    tenant = tenants.tenant("segs");
    UUID other = tenants.tenant("segs-other");
    for (UUID t : List.of(tenant, other)) {
      for (String table :
          List.of(
              "export", "target_list", "activity_attendee", "activity", "crm_change", "contact")) {
        owner.sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(t).update();
      }
      owner.sql("DELETE FROM basket WHERE tenant_id = ?").param(t).update();
      owner.sql("DELETE FROM territory_state WHERE tenant_id = ?").param(t).update();
      owner.sql("DELETE FROM territory WHERE tenant_id = ?").param(t).update();
    }
    owner.sql("DELETE FROM sign_in_failure").update();
    tenants.user(tenant, "segs-manager", PASSWORD, "MANAGER");
    tenants.user(other, "segs-stranger", PASSWORD, "MANAGER");
    manager = signedIn("segs-manager");
    stranger = signedIn("segs-stranger");
  }

  @Test
  void partDDecilesAreTheDefinitionComputedPlainlyOverTheSampleRowsTiesIncluded() {
    UUID basket =
        basket(
            "Thyroid and ACE",
            "PARTD",
            null,
            item(" levothyroxine sodium ", "OWN"),
            item("Synthroid", "OWN"),
            item("LISINOPRIL", "COMPETITOR"),
            item("potassium chloride", "COMPETITOR"));
    awaitFresh(basket);

    Predicate<Map<String, Object>> matches =
        row ->
            Set.of("LEVOTHYROXINE SODIUM", "SYNTHROID", "LISINOPRIL", "POTASSIUM CHLORIDE")
                    .contains(upper(row.get("brand_name")))
                || Set.of("LEVOTHYROXINE SODIUM", "SYNTHROID", "LISINOPRIL", "POTASSIUM CHLORIDE")
                    .contains(upper(row.get("generic_name")));
    Predicate<Map<String, Object>> own =
        row ->
            Set.of("LEVOTHYROXINE SODIUM", "SYNTHROID").contains(upper(row.get("brand_name")))
                || Set.of("LEVOTHYROXINE SODIUM", "SYNTHROID")
                    .contains(upper(row.get("generic_name")));
    List<Map<String, Object>> rows =
        owner
            .sql(
                "SELECT npi, brand_name, generic_name, total_claims AS v FROM partd_drug WHERE data_year = 2013")
            .query()
            .listOfRows();
    Map<Long, Plain> expected = plain(rows, matches, own, null);
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(ties(expected)).as("volumes shared by several providers").isGreaterThan(5);

    JsonNode first = ok(manager.get("/api/v1/baskets/" + basket + "/deciles?size=37"));
    assertThat(first.get("year").asInt()).isEqualTo(2013);
    assertThat(first.get("status").asString()).isEqualTo("FRESH");
    assertThat(first.get("scope").get("kind").asString()).isEqualTo("NATION");
    assertThat(first.get("total").asLong()).isEqualTo(expected.size());
    assertSamePages(basket, "", expected);

    // one state: the registry's practice state, else the CMS file's (no registry loaded here)
    String state =
        owner
            .sql(
                "SELECT cp.state FROM cms_provider cp WHERE cp.npi IN (SELECT npi FROM partd_drug) "
                    + "GROUP BY cp.state ORDER BY count(*) DESC LIMIT 1")
            .query(String.class)
            .single();
    Map<Long, String> states = states(expected.keySet());
    Map<Long, Plain> inState =
        plain(rows, r -> matches.test(r) && state.equals(states.get(npi(r))), own, null);
    assertThat(inState).hasSizeGreaterThan(5).hasSizeLessThan(expected.size());
    assertSamePages(basket, "&state=" + state.toLowerCase(Locale.ROOT), inState);

    // only deciles 8 to 10
    JsonNode top = ok(manager.get("/api/v1/baskets/" + basket + "/deciles?minDecile=8&size=500"));
    assertThat(top.get("total").asLong())
        .isEqualTo(expected.values().stream().filter(p -> p.decile >= 8).count());
    top.get("items").forEach(i -> assertThat(i.get("decile").asInt()).isGreaterThanOrEqualTo(8));
  }

  @Test
  void suppressedCellsCountAsZeroAndEachProviderSaysHowManyItHad() {
    UUID basket =
        basket(
            "Beneficiaries",
            "PARTD",
            "beneficiaries",
            item("LISINOPRIL", "OWN"),
            item("AMLODIPINE BESYLATE", "COMPETITOR"),
            item("SIMVASTATIN", "COMPETITOR"));
    awaitFresh(basket);
    Set<String> drugs = Set.of("LISINOPRIL", "AMLODIPINE BESYLATE", "SIMVASTATIN");
    Map<Long, Plain> expected =
        plain(
            owner
                .sql(
                    """
                    SELECT npi, brand_name, generic_name, total_beneficiaries AS v FROM partd_drug
                    WHERE data_year = 2013""")
                .query()
                .listOfRows(),
            r ->
                drugs.contains(upper(r.get("brand_name")))
                    || drugs.contains(upper(r.get("generic_name"))),
            r -> "LISINOPRIL".equals(upper(r.get("generic_name"))),
            null);
    assertThat(expected.values().stream().filter(p -> p.suppressed > 0).count())
        .as("providers with a suppressed cell")
        .isGreaterThan(10);
    assertSamePages(basket, "", expected);
  }

  @Test
  void partBAllowedIsServicesTimesTheAverageAllowedAmount() {
    // the ALLOWED metric: services times the average allowed amount, exactly
    UUID allowed =
        basket("Mohs allowed", "PARTB", "ALLOWED", item("17311", "OWN"), item("17312", "OWN"));
    awaitFresh(allowed);
    List<Map<String, Object>> allowedRows =
        owner
            .sql(
                """
                SELECT npi, hcpcs_code, total_services * avg_allowed_amount AS v FROM partb_service
                WHERE data_year = 2019""")
            .query()
            .listOfRows();
    assertSamePages(
        allowed,
        "&year=2019",
        plain(
            allowedRows,
            r -> Set.of("17311", "17312").contains(upper(r.get("hcpcs_code"))),
            r -> true,
            null));
  }

  @Test
  void summaryCountsEachDecileAndNamesWhoEnteredAndLeftTheTopDecilesSinceTheYearBefore() {
    UUID basket =
        basket(
            "Mohs",
            "PARTB",
            null,
            item("17311", "OWN"),
            item("17312", "OWN"),
            item("17313", "COMPETITOR"),
            item("17314", "COMPETITOR"),
            item("17315", "COMPETITOR"));
    awaitFresh(basket);
    Map<Integer, Map<Long, Plain>> byYear = new HashMap<>();
    for (int year : List.of(2019, 2021)) {
      byYear.put(
          year,
          plain(
              owner
                  .sql(
                      "SELECT npi, hcpcs_code, total_services AS v FROM partb_service WHERE data_year = ?")
                  .param(year)
                  .query()
                  .listOfRows(),
              r -> true,
              r -> Set.of("17311", "17312").contains(upper(r.get("hcpcs_code"))),
              null));
    }
    JsonNode summary = ok(manager.get("/api/v1/baskets/" + basket + "/summary"));
    assertThat(summary.get("year").asInt()).isEqualTo(2021);
    assertThat(summary.get("comparedWithYear").asInt()).isEqualTo(2019);
    Map<Long, Plain> now = byYear.get(2021);
    Map<Long, Plain> before = byYear.get(2019);
    JsonNode deciles = summary.get("deciles");
    assertThat(deciles).hasSize(10);
    for (JsonNode d : deciles) {
      int decile = d.get("decile").asInt();
      assertThat(d.get("providers").asLong())
          .as("decile %d", decile)
          .isEqualTo(now.values().stream().filter(p -> p.decile == decile).count());
    }
    Set<Long> entered = new HashSet<>();
    Set<Long> left = new HashSet<>();
    for (long npi : union(now.keySet(), before.keySet())) {
      int n = now.containsKey(npi) ? now.get(npi).decile : 0;
      int b = before.containsKey(npi) ? before.get(npi).decile : 0;
      if (n >= 8 && b < 8) {
        entered.add(npi);
      }
      if (b >= 8 && n < 8) {
        left.add(npi);
      }
    }
    assertThat(entered).isNotEmpty();
    assertThat(left).isNotEmpty();
    assertThat(summary.get("enteredCount").asLong()).isEqualTo(entered.size());
    assertThat(summary.get("leftCount").asLong()).isEqualTo(left.size());
    summary
        .get("entered")
        .forEach(m -> assertThat(entered).contains(Long.parseLong(m.get("npi").asString())));
    summary
        .get("left")
        .forEach(m -> assertThat(left).contains(Long.parseLong(m.get("npi").asString())));

    // the API other modules use: every national decile that moved between the two years
    long computation = liveComputation(basket, 2021);
    List<Segments.Move> moves =
        TenantScope.ofTenant(tenant).call(() -> segments.moves(computation));
    Map<Long, int[]> expectedMoves = new HashMap<>();
    for (long npi : union(now.keySet(), before.keySet())) {
      int n = now.containsKey(npi) ? now.get(npi).decile : 0;
      int b = before.containsKey(npi) ? before.get(npi).decile : 0;
      if (n != b) {
        expectedMoves.put(npi, new int[] {b, n});
      }
    }
    assertThat(moves).hasSize(expectedMoves.size());
    moves.forEach(
        m ->
            assertThat(new int[] {m.previousDecile(), m.decile()})
                .isEqualTo(expectedMoves.get(m.npi())));
    List<Long> some = new ArrayList<>(now.keySet()).subList(0, 5);
    assertThat(TenantScope.ofTenant(tenant).call(() -> segments.deciles(basket, 2021, some)))
        .extracting(Segments.NpiDecile::npi, Segments.NpiDecile::decile)
        .containsExactlyInAnyOrderElementsOf(
            some.stream()
                .map(n -> org.assertj.core.api.Assertions.tuple(n, now.get(n).decile))
                .toList());
    assertThat(Recorded.EVENTS)
        .anyMatch(
            e ->
                e.basketId().equals(basket)
                    && e.year() == 2021
                    && e.computationId() == computation);

    // the provider's baskets: each computed year, oldest first
    long surgeon = entered.iterator().next();
    JsonNode mine = ok(manager.get("/api/v1/providers/" + surgeon + "/baskets"));
    JsonNode mohs = byName(mine).get("Mohs");
    assertThat(mohs.get("years")).hasSize(2);
    assertThat(mohs.get("years").get(0).get("year").asInt()).isEqualTo(2019);
    assertThat(mohs.get("years").get(1).get("decile").asInt()).isEqualTo(now.get(surgeon).decile);
    assertThat(new BigDecimal(mohs.get("years").get(1).get("volume").asString()))
        .isEqualByComparingTo(now.get(surgeon).volume);
  }

  @Test
  void aTerritoryScopeRanksTheProvidersWithALocationInIt() {
    UUID basket =
        basket(
            "Statins",
            "PARTD",
            null,
            item("SIMVASTATIN", "OWN"),
            item("ATORVASTATIN CALCIUM", "COMPETITOR"));
    awaitFresh(basket);
    UUID territory =
        UUID.fromString(
            created(
                    manager.post(
                        "/api/v1/territories",
                        "{\"name\": \"Sunshine\", \"level\": \"TERRITORY\"}"))
                .get("id")
                .asString());
    ok(manager.put("/api/v1/territories/" + territory + "/states", "{\"states\": [\"FL\"]}"));
    List<Map<String, Object>> rows =
        owner
            .sql(
                "SELECT npi, brand_name, generic_name, total_claims AS v FROM partd_drug WHERE data_year = 2013")
            .query()
            .listOfRows();
    Set<Long> inFlorida =
        new HashSet<>(
            owner.sql("SELECT npi FROM cms_provider WHERE state = 'FL'").query(Long.class).list());
    Predicate<Map<String, Object>> statin =
        r ->
            Set.of("SIMVASTATIN", "ATORVASTATIN CALCIUM").contains(upper(r.get("generic_name")))
                || Set.of("SIMVASTATIN", "ATORVASTATIN CALCIUM")
                    .contains(upper(r.get("brand_name")));
    Map<Long, Plain> expected =
        plain(
            rows,
            r -> statin.test(r) && inFlorida.contains(npi(r)),
            r -> "SIMVASTATIN".equals(upper(r.get("generic_name"))),
            null);
    assertThat(expected).hasSizeGreaterThan(3);
    JsonNode page =
        ok(manager.get("/api/v1/baskets/" + basket + "/deciles?size=3&territoryId=" + territory));
    assertThat(page.get("scope").get("territory").asString()).isEqualTo("Sunshine");
    assertSamePages(basket, "&territoryId=" + territory, expected);
    JsonNode summary =
        ok(manager.get("/api/v1/baskets/" + basket + "/summary?territoryId=" + territory));
    long counted = 0;
    for (JsonNode d : summary.get("deciles")) {
      counted += d.get("providers").asLong();
    }
    assertThat(counted).isEqualTo(expected.size());
    // another tenant's territory answers as an unknown one
    assertThat(
            stranger
                .get("/api/v1/baskets/" + basket + "/deciles?territoryId=" + territory)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            manager
                .get("/api/v1/baskets/" + basket + "/deciles?territoryId=" + UUID.randomUUID())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRepublishedYearIsRecomputedAndItsMoversCompareWithTheResultsBefore() throws Exception {
    UUID basket =
        basket(
            "Potassium",
            "PARTD",
            "COST",
            item("POTASSIUM CHLORIDE", "OWN"),
            item("KLOR-CON M20", "OWN"));
    awaitFresh(basket);
    long before = liveComputation(basket, 2013);
    Map<Long, Plain> full = potassium();
    assertThat(full).hasSizeGreaterThan(20);
    try {
      // the year again with every other prescriber left out
      Path half = dir.resolve("half_" + PART_D_2013);
      List<String> lines =
          Files.readAllLines(copy("/demo/partd/" + PART_D_2013), StandardCharsets.ISO_8859_1);
      List<String> kept = new ArrayList<>(List.of(lines.getFirst()));
      Set<String> npis = new java.util.TreeSet<>();
      lines.stream().skip(1).forEach(l -> npis.add(l.split("\t")[0]));
      // every other prescriber, and never the basket's largest
      String largest =
          String.valueOf(
              full.entrySet().stream()
                  .max((x, y) -> x.getValue().volume.compareTo(y.getValue().volume))
                  .orElseThrow()
                  .getKey());
      List<String> all = new ArrayList<>(npis);
      Set<String> keptNpis = new HashSet<>();
      for (int i = 0; i < all.size(); i += 2) {
        keptNpis.add(all.get(i));
      }
      keptNpis.remove(largest);
      lines.stream().skip(1).filter(l -> keptNpis.contains(l.split("\t")[0])).forEach(kept::add);
      Files.write(half, kept, StandardCharsets.ISO_8859_1);
      publishPartD(half);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> liveComputation(basket, 2013) != before && "FRESH".equals(status(basket)));
      long after = liveComputation(basket, 2013);
      Map<Long, Plain> expected = potassium();
      assertSamePages(basket, "", expected);
      JsonNode summary = ok(manager.get("/api/v1/baskets/" + basket + "/summary"));
      assertThat(summary.get("comparedWithYear").asInt()).isEqualTo(2013);
      long left =
          full.entrySet().stream()
              .filter(e -> e.getValue().decile >= 8)
              .filter(e -> !expected.containsKey(e.getKey()) || expected.get(e.getKey()).decile < 8)
              .count();
      long entered =
          expected.entrySet().stream()
              .filter(e -> e.getValue().decile >= 8)
              .filter(e -> !full.containsKey(e.getKey()) || full.get(e.getKey()).decile < 8)
              .count();
      assertThat(summary.get("leftCount").asLong()).isEqualTo(left);
      assertThat(summary.get("enteredCount").asLong()).isEqualTo(entered);
      assertThat(left + entered).as("movers").isPositive();
      assertThat(TenantScope.ofTenant(tenant).call(() -> segments.moves(after)))
          .anyMatch(m -> m.decile() == 0 && m.previousDecile() > 0);
      assertThat(Recorded.EVENTS).anyMatch(e -> e.computationId() == after);
      assertThat(
              owner
                  .sql("SELECT state FROM basket_computation WHERE id = ?")
                  .param(before)
                  .query(String.class)
                  .single())
          .as("kept for the movers")
          .isEqualTo("PREVIOUS");
    } finally {
      publishPartD(copy("/demo/partd/" + PART_D_2013));
      awaitFresh(basket);
    }
  }

  @Test
  void anEditRecomputesAndIsAudited() {
    UUID basket = basket("Edited", "PARTD", null, item("LISINOPRIL", "OWN"));
    awaitFresh(basket);
    long before = liveComputation(basket, 2013);
    JsonNode edited =
        ok(
            manager.put(
                "/api/v1/baskets/" + basket,
                """
                {"name": "Edited twice", "metric": "COST", "version": 0,
                 "items": [{"code": "LISINOPRIL", "role": "OWN"}, {"code": "losartan potassium", "role": "COMPETITOR"}]}"""));
    assertThat(edited.get("version").asLong()).isEqualTo(1);
    assertThat(edited.get("items")).hasSize(2);
    awaitFresh(basket);
    assertThat(liveComputation(basket, 2013)).isNotEqualTo(before);
    Map<Long, Plain> expected =
        plain(
            owner
                .sql(
                    "SELECT npi, brand_name, generic_name, total_drug_cost AS v FROM partd_drug WHERE data_year = 2013")
                .query()
                .listOfRows(),
            r ->
                Set.of("LISINOPRIL", "LOSARTAN POTASSIUM").contains(upper(r.get("generic_name")))
                    || Set.of("LISINOPRIL", "LOSARTAN POTASSIUM")
                        .contains(upper(r.get("brand_name"))),
            r ->
                "LISINOPRIL".equals(upper(r.get("generic_name")))
                    || "LISINOPRIL".equals(upper(r.get("brand_name"))),
            null);
    assertSamePages(basket, "", expected);
    // a stale version is refused with the basket as it is now
    HttpResponse<String> stale =
        manager.put(
            "/api/v1/baskets/" + basket,
            "{\"name\": \"x\", \"version\": 0, \"items\": [{\"code\": \"LISINOPRIL\", \"role\": \"OWN\"}]}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(
            owner
                .sql(
                    "SELECT array_agg(action ORDER BY id) FROM audit_event WHERE tenant_id = ? AND action LIKE 'basket.%'")
                .param(tenant)
                .query(String.class)
                .single())
        .contains("basket.create", "basket.update");
    assertThat(manager.delete("/api/v1/baskets/" + basket).statusCode()).isEqualTo(204);
    assertThat(manager.get("/api/v1/baskets/" + basket).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherTenantNeitherSeesNorUsesABasket() {
    UUID basket = basket("Private", "PARTD", null, item("LISINOPRIL", "OWN"));
    awaitFresh(basket);
    HttpResponse<String> unknown = stranger.get("/api/v1/baskets/" + UUID.randomUUID());
    assertThat(unknown.statusCode()).isEqualTo(404);
    for (String path : List.of("", "/deciles", "/summary")) {
      HttpResponse<String> foreign = stranger.get("/api/v1/baskets/" + basket + path);
      assertThat(foreign.statusCode()).as(path).isEqualTo(404);
    }
    assertThat(
            stranger
                .put(
                    "/api/v1/baskets/" + basket,
                    "{\"name\": \"Mine\", \"items\": [{\"code\": \"LISINOPRIL\", \"role\": \"OWN\"}]}")
                .statusCode())
        .isEqualTo(404);
    assertThat(stranger.delete("/api/v1/baskets/" + basket).statusCode()).isEqualTo(404);
    assertThat(ok(stranger.get("/api/v1/baskets"))).isEmpty();
    assertThat(ok(stranger.get("/api/v1/providers/" + anyNpi(basket) + "/baskets"))).isEmpty();
    HttpResponse<String> search =
        stranger.get("/api/v1/providers?basket=" + basket + "&minDecile=8");
    assertThat(search.statusCode()).isEqualTo(400);
    assertThat(errors(search).containsKey("basket")).as(search.body()).isTrue();
    assertThat(manager.get("/api/v1/baskets/" + basket).statusCode()).isEqualTo(200);
  }

  @Test
  void badItemsMetricsAndSourcesAreProblemDetailsNamingTheField() {
    HttpResponse<String> unknownDrug =
        manager.post(
            "/api/v1/baskets",
            """
            {"name": "Bad", "source": "PARTD",
             "items": [{"code": "LISINOPRIL", "role": "OWN"}, {"code": "NOT A DRUG AT ALL", "role": "COMPETITOR"}]}""");
    assertThat(unknownDrug.statusCode()).isEqualTo(400);
    assertThat(unknownDrug.headers().firstValue("content-type").orElse(""))
        .contains("problem+json");
    assertThat(errors(unknownDrug).get("items[1].code")).contains("NOT A DRUG AT ALL");

    HttpResponse<String> badMetric =
        manager.post(
            "/api/v1/baskets",
            "{\"name\": \"Bad\", \"source\": \"PARTD\", \"metric\": \"SERVICES\", \"items\": [{\"code\": \"LISINOPRIL\", \"role\": \"OWN\"}]}");
    assertThat(badMetric.statusCode()).isEqualTo(400);
    assertThat(errors(badMetric).containsKey("metric")).isTrue();

    HttpResponse<String> badRole =
        manager.post(
            "/api/v1/baskets",
            "{\"name\": \"Bad\", \"source\": \"PARTB\", \"items\": [{\"code\": \"17311\", \"role\": \"MINE\"}]}");
    assertThat(errors(badRole).containsKey("items[0].role")).as(badRole.body()).isTrue();

    HttpResponse<String> badSource =
        manager.post(
            "/api/v1/baskets", "{\"name\": \"Bad\", \"source\": \"PARTC\", \"items\": []}");
    assertThat(errors(badSource).containsKey("source")).isTrue();

    HttpResponse<String> badCode =
        manager.post(
            "/api/v1/baskets",
            "{\"name\": \"Bad\", \"source\": \"PARTB\", \"items\": [{\"code\": \"99999\", \"role\": \"OWN\"}]}");
    assertThat(errors(badCode).get("items[0].code")).contains("99999");
    assertThat(ok(manager.get("/api/v1/baskets"))).isEmpty();
  }

  @Test
  void codesAreOfferedAsTheUserTypes() {
    awaitCodes();
    JsonNode lisin = ok(manager.get("/api/v1/baskets/codes?source=PARTD&q=lisin"));
    assertThat(lisin).isNotEmpty();
    assertThat(lisin.get(0).get("code").asString()).isEqualTo("LISINOPRIL");
    JsonNode mohs = ok(manager.get("/api/v1/baskets/codes?source=partb&q=1731"));
    List<String> codes = new ArrayList<>();
    mohs.forEach(c -> codes.add(c.get("code").asString()));
    assertThat(codes).contains("17311", "17312", "17313", "17314", "17315");
    assertThat(manager.get("/api/v1/baskets/codes?source=PARTC").statusCode()).isEqualTo(400);
  }

  @Test
  void providerSearchKeepsTheBasketsTopDecilesSortedByBasketVolume() {
    UUID basket =
        basket(
            "Searched",
            "PARTD",
            null,
            item("LEVOTHYROXINE SODIUM", "OWN"),
            item("AMLODIPINE BESYLATE", "COMPETITOR"));
    awaitFresh(basket);
    Map<Long, Integer> top = new LinkedHashMap<>();
    JsonNode page = ok(manager.get("/api/v1/baskets/" + basket + "/deciles?minDecile=8&size=500"));
    page.get("items")
        .forEach(i -> top.put(Long.parseLong(i.get("npi").asString()), i.get("decile").asInt()));
    assertThat(top).isNotEmpty();

    JsonNode found =
        ok(
            manager.get(
                "/api/v1/providers?basket="
                    + basket
                    + "&minDecile=8&sort=basketVolume&status=ANY&size=100"));
    List<Long> npis = new ArrayList<>();
    BigDecimal last = null;
    for (JsonNode item : found.get("items")) {
      long npi = Long.parseLong(item.get("npi").asString());
      npis.add(npi);
      assertThat(item.get("decile").asInt()).isEqualTo(top.get(npi));
      BigDecimal volume = new BigDecimal(item.get("basketVolume").asString());
      if (last != null) {
        assertThat(volume).isLessThanOrEqualTo(last);
      }
      last = volume;
    }
    assertThat(npis).containsExactlyInAnyOrderElementsOf(top.keySet());
    assertThat(found.get("total").asLong()).isEqualTo(top.size());

    HttpResponse<String> needsBasket =
        manager.get("/api/v1/providers?minDecile=8&sort=basketVolume");
    assertThat(needsBasket.statusCode()).isEqualTo(400);
    assertThat(errors(needsBasket).containsKey("minDecile")).isTrue();
    assertThat(errors(needsBasket).containsKey("sort")).isTrue();
  }

  /** The potassium basket's drug cost, computed plainly over the 2013 rows loaded now. */
  Map<Long, Plain> potassium() {
    Set<String> drugs = Set.of("POTASSIUM CHLORIDE", "KLOR-CON M20");
    return plain(
        owner
            .sql(
                """
                SELECT npi, brand_name, generic_name, total_drug_cost AS v FROM partd_drug
                WHERE data_year = 2013""")
            .query()
            .listOfRows(),
        r ->
            drugs.contains(upper(r.get("brand_name")))
                || drugs.contains(upper(r.get("generic_name"))),
        r -> true,
        null);
  }

  // --- the plain computation

  /** A provider's volume, own volume, suppressed cells and decile, computed without SQL. */
  static final class Plain {
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal own = BigDecimal.ZERO;
    int suppressed;
    int decile;
  }

  /**
   * Every provider's volume over the matching rows (column v; NULL counts 0 and as a suppressed
   * cell), then, over those with volume above 0: T the total, S a provider's strictly greater
   * volumes' total, decile = 10 - floor(10 * S / T).
   */
  static Map<Long, Plain> plain(
      List<Map<String, Object>> rows,
      Predicate<Map<String, Object>> matches,
      Predicate<Map<String, Object>> own,
      Object unused) {
    Map<Long, Plain> all = new HashMap<>();
    for (Map<String, Object> row : rows) {
      if (!matches.test(row)) {
        continue;
      }
      Plain p = all.computeIfAbsent(npi(row), k -> new Plain());
      Object v = row.get("v");
      if (v == null) {
        p.suppressed++;
        continue;
      }
      BigDecimal value = new BigDecimal(v.toString());
      p.volume = p.volume.add(value);
      if (own.test(row)) {
        p.own = p.own.add(value);
      }
    }
    Map<Long, Plain> ranked = new HashMap<>();
    all.forEach(
        (npi, p) -> {
          if (p.volume.signum() > 0) {
            ranked.put(npi, p);
          }
        });
    BigDecimal total =
        ranked.values().stream().map(p -> p.volume).reduce(BigDecimal.ZERO, BigDecimal::add);
    for (Plain p : ranked.values()) {
      BigDecimal above = BigDecimal.ZERO;
      for (Plain q : ranked.values()) {
        if (q.volume.compareTo(p.volume) > 0) {
          above = above.add(q.volume);
        }
      }
      p.decile = 10 - above.multiply(BigDecimal.TEN).divideToIntegralValue(total).intValueExact();
    }
    return ranked;
  }

  static long ties(Map<Long, Plain> providers) {
    Map<BigDecimal, Integer> counts = new HashMap<>();
    providers.values().forEach(p -> counts.merge(p.volume.stripTrailingZeros(), 1, Integer::sum));
    return counts.values().stream().filter(c -> c > 1).count();
  }

  /** Every page of a scope's deciles, 7 at a time, against the plain computation. */
  @Test
  void aBasketsDecilesExportHoldsExactlyWhatItsDecilesPagesThrough() {
    UUID basket =
        basket(
            "Thyroid export",
            "PARTD",
            null,
            item("levothyroxine sodium", "OWN"),
            item("LISINOPRIL", "COMPETITOR"));
    awaitFresh(basket);
    List<List<String>> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          json(
              manager.get(
                  "/api/v1/baskets/"
                      + basket
                      + "/deciles?minDecile=3&size=7"
                      + (cursor == null
                          ? ""
                          : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
      page.get("items")
          .forEach(
              i ->
                  paged.add(
                      List.of(
                          i.get("npi").asString(),
                          i.get("name").asString(),
                          new BigDecimal(i.get("volume").asString())
                              .stripTrailingZeros()
                              .toPlainString(),
                          i.get("decile").asString())));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(paged).hasSizeGreaterThan(7);

    var created =
        manager.post(
            "/api/v1/exports",
            JSON.writeValueAsString(
                Map.of(
                    "kind",
                    "basket-deciles",
                    "format",
                    "CSV",
                    "params",
                    Map.of("basketId", basket.toString(), "minDecile", 3))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = json(created).get("id").asString();
    JsonNode[] view = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              view[0] = json(manager.get("/api/v1/exports/" + id));
              return List.of("DONE", "FAILED").contains(view[0].get("status").asString());
            });
    assertThat(view[0].get("status").asString()).as(view[0].toString()).isEqualTo("DONE");
    HttpResponse<byte[]> file = manager.bytes(view[0].get("downloadUrl").asString());
    assertThat(file.statusCode()).isEqualTo(200);
    String text = new String(file.body(), StandardCharsets.UTF_8).substring(1);
    List<List<String>> rows = new ArrayList<>();
    for (var record : de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(text)) {
      rows.add(record.getFields());
    }
    assertThat(rows.getFirst()).startsWith("Basket ID", "NPI", "Name");
    List<String> header = rows.getFirst();
    int volume = header.indexOf("Volume");
    int decile = header.indexOf("Decile");
    assertThat(
            rows.subList(1, rows.size()).stream()
                .map(
                    r ->
                        List.of(
                            r.get(1),
                            r.get(2),
                            new BigDecimal(r.get(volume)).stripTrailingZeros().toPlainString(),
                            r.get(decile)))
                .toList())
        .isEqualTo(paged);
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(r -> assertThat(r.getFirst()).isEqualTo(basket.toString()));

    // another tenant's manager cannot export it: the same 404 as an unknown basket
    var foreign =
        stranger.post(
            "/api/v1/exports",
            JSON.writeValueAsString(
                Map.of(
                    "kind",
                    "basket-deciles",
                    "format",
                    "CSV",
                    "params",
                    Map.of("basketId", basket.toString()))));
    var unknown =
        stranger.post(
            "/api/v1/exports",
            JSON.writeValueAsString(
                Map.of(
                    "kind",
                    "basket-deciles",
                    "format",
                    "CSV",
                    "params",
                    Map.of("basketId", UUID.randomUUID().toString()))));
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());
  }

  @Test
  void
      aTargetListRuledByABasketSaysWhichDecileEachJoinedWithAndTheManagersHomeCoversTheTopDeciles() {
    UUID basket =
        basket(
            "Thyroid plan",
            "PARTD",
            null,
            item("levothyroxine sodium", "OWN"),
            item("Synthroid", "OWN"));
    awaitFresh(basket);
    long top =
        json(manager.get("/api/v1/baskets/" + basket + "/deciles?minDecile=8&size=1"))
            .get("total")
            .asLong();
    assertThat(top).isPositive();

    JsonNode list =
        created(
            manager.post(
                "/api/v1/target-lists",
                JSON.writeValueAsString(
                    Map.of(
                        "name",
                        "Thyroid top deciles",
                        "periodStart",
                        java.time.LocalDate.now().withDayOfYear(1).toString(),
                        "periodEnd",
                        java.time.LocalDate.now()
                            .withDayOfYear(1)
                            .plusYears(1)
                            .minusDays(1)
                            .toString(),
                        "rule",
                        "basket=" + basket + "&minDecile=8"))));
    assertThat(list.get("memberCount").asLong()).isEqualTo(top);
    JsonNode changes =
        json(manager.get("/api/v1/target-lists/" + list.get("id").asString() + "/changes"));
    JsonNode joined = changes.get(0).get("joined");
    assertThat(joined.size()).isPositive();
    joined.forEach(
        m -> assertThat(m.get("reason").asString()).matches("joined: decile (8|9|10) in 2013"));

    // the manager calls on one of them this quarter: the coverage panel counts it
    String npi = joined.get(0).get("npi").asString();
    UUID me = tenants.userId("segs-manager");
    UUID contact =
        tenants.insert(
            "INSERT INTO contact (tenant_id, npi, owner_id, source) VALUES (?, ?, ?, 'PROVIDER') RETURNING id",
            tenant,
            Long.parseLong(npi),
            me);
    UUID call =
        tenants.insert(
            "INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id) VALUES (?, 'CALL', now(), 'x', ?) RETURNING id",
            tenant,
            me);
    owner
        .sql("INSERT INTO activity_attendee (tenant_id, activity_id, contact_id) VALUES (?, ?, ?)")
        .params(tenant, call, contact)
        .update();
    JsonNode coverage = json(manager.get("/api/v1/home/manager")).get("decileCoverage");
    JsonNode row = null;
    for (JsonNode c : coverage) {
      if (c.get("basket").asString().equals("Thyroid plan (2013)")) {
        row = c;
      }
    }
    assertThat(row).as(coverage.toString()).isNotNull();
    assertThat(row.get("topDecileProviders").asLong()).isEqualTo(top);
    assertThat(row.get("called").asLong()).isEqualTo(1);
  }

  void assertSamePages(UUID basket, String scope, Map<Long, Plain> expected) {
    List<long[]> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          ok(
              manager.get(
                  "/api/v1/baskets/"
                      + basket
                      + "/deciles?size=97"
                      + scope
                      + (cursor == null
                          ? ""
                          : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
      assertThat(page.get("total").asLong()).isEqualTo(expected.size());
      for (JsonNode item : page.get("items")) {
        long npi = Long.parseLong(item.get("npi").asString());
        Plain p = expected.get(npi);
        assertThat(p).as("provider %d", npi).isNotNull();
        assertThat(new BigDecimal(item.get("volume").asString()))
            .as("volume of %d", npi)
            .isEqualByComparingTo(p.volume);
        assertThat(new BigDecimal(item.get("ownVolume").asString()))
            .as("own volume of %d", npi)
            .isEqualByComparingTo(p.own);
        assertThat(item.get("decile").asInt()).as("decile of %d", npi).isEqualTo(p.decile);
        assertThat(item.get("suppressedCells").asInt())
            .as("suppressed cells of %d", npi)
            .isEqualTo(p.suppressed);
        seen.add(new long[] {npi});
      }
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 1000);
    assertThat(seen).hasSize(expected.size());
    assertThat(seen.stream().map(s -> s[0]).distinct().count()).isEqualTo(expected.size());
  }

  // --- helpers

  static String upper(Object value) {
    return value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
  }

  static long npi(Map<String, Object> row) {
    return ((Number) row.get("npi")).longValue();
  }

  static Set<Long> union(Collection<Long> a, Collection<Long> b) {
    Set<Long> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  Map<Long, String> states(Collection<Long> npis) {
    Map<Long, String> states = new HashMap<>();
    owner
        .sql(
            """
            SELECT n.npi, coalesce(pa.state, cp.state) AS state FROM unnest(CAST(:npis AS bigint[])) n (npi)
            LEFT JOIN provider_address pa ON pa.npi = n.npi AND pa.kind = 'PRACTICE' AND pa.seq = 1
            LEFT JOIN cms_provider cp ON cp.npi = n.npi""")
        .param("npis", npis.toArray(Long[]::new))
        .query(
            rs -> {
              states.put(rs.getLong(1), rs.getString(2));
            });
    return states;
  }

  static Map<String, Object> item(String code, String role) {
    return Map.of("code", code, "role", role);
  }

  @SafeVarargs
  final UUID basket(String name, String source, String metric, Map<String, Object>... items) {
    awaitCodes();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("source", source);
    if (metric != null) {
      body.put("metric", metric);
    }
    body.put("items", List.of(items));
    JsonNode basket = created(manager.post("/api/v1/baskets", JSON.writeValueAsString(body)));
    return UUID.fromString(basket.get("id").asString());
  }

  void awaitFresh(UUID basket) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "FRESH".equals(status(basket)));
  }

  /** Until the job has built every loaded year's codes (the editor's list). */
  void awaitCodes() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                owner.sql("SELECT count(*) FROM basket_code_build").query(Long.class).single()
                    >= 3);
  }

  String status(UUID basket) {
    return ok(manager.get("/api/v1/baskets/" + basket)).get("status").asString();
  }

  long liveComputation(UUID basket, int year) {
    return owner
        .sql(
            "SELECT id FROM basket_computation WHERE basket_id = ? AND data_year = ? AND state = 'LIVE'")
        .params(basket, year)
        .query(Long.class)
        .optional()
        .orElse(-1L);
  }

  long anyNpi(UUID basket) {
    return owner
        .sql(
            "SELECT r.npi FROM basket_result r JOIN basket_computation c ON c.id = r.computation_id WHERE c.basket_id = ? LIMIT 1")
        .param(basket)
        .query(Long.class)
        .single();
  }

  boolean loaded(String dataset, int year) {
    return owner
        .sql(
            "SELECT EXISTS (SELECT 1 FROM ingestion_run WHERE dataset = ? AND data_year = ? AND status = 'PUBLISHED')")
        .params(dataset, year)
        .query(Boolean.class)
        .single();
  }

  void publishPartD(Path file) throws Exception {
    ingestion.runNow("partd", file.toString(), 2013, ProgressListener.NONE);
  }

  Path copy(String resource) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Path file = dir.resolve(Path.of(resource).getFileName().toString());
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }

  TestBrowser signedIn(String username) {
    TestBrowser browser = new TestBrowser(port);
    assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    return browser;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** A ProblemDetail's errors, by field. */
  static Map<String, String> errors(HttpResponse<String> response) {
    Map<String, String> errors = new LinkedHashMap<>();
    JsonNode list = json(response).get("errors");
    if (list != null) {
      list.forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
    }
    return errors;
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  static JsonNode created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  static Map<String, JsonNode> byName(JsonNode array) {
    Map<String, JsonNode> map = new HashMap<>();
    array.forEach(n -> map.put(n.get("name").asString(), n));
    return map;
  }
}
