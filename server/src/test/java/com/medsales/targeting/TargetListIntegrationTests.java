package com.medsales.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.Ingestions;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Target lists over real HTTP on the real NPPES samples: attainment counted from the CRM's
 * activities, who sees which list, members from NPIs and from a search, and a dynamic list
 * following a real NPPES publish with a deactivation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class TargetListIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "targets test passphrase";

  /** Changping Jia, internal medicine, ZIP 10013 (NPPES sample 2018). */
  static final String JIA = "1184802050";

  /** Moyosore Onifade, internal medicine, ZIP 63136. */
  static final String ONIFADE = "1669586954";

  /** Douglas Cardillo and Brown, internal medicine in ZIP 30115, GA (NPPES sample 2018). */
  static final String CARDILLO = "1518941608";

  static final String BROWN = "1902844061";

  static final String SAMPLE = "/demo/nppes/npidata_pfile_2018_sample_99.csv";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Ingestion ingestion;
  @TempDir Path dir;
  TestTenants tenants;
  UUID tenant;
  UUID rep;
  UUID rep2;

  @BeforeEach
  void registryAndTeam() throws Exception {
    tenants = new TestTenants(bulk, passwords);
    if (tenants
            .owner()
            .sql("SELECT count(*) FROM provider WHERE npi = ?")
            .param(Long.parseLong(JIA))
            .query(Long.class)
            .single()
        == 0) {
      Path file = dir.resolve("npidata_pfile_2018_sample_99.csv");
      try (InputStream in = getClass().getResourceAsStream(SAMPLE)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Ingestions.runWhenFree(ingestion, "nppes-weekly", file.toString());
    }
    tenant = tenants.tenant("targets");
    UUID manager = tenants.user(tenant, "targets-manager", PASSWORD, "MANAGER");
    rep = tenants.user(tenant, "targets-rep", PASSWORD, "REP");
    rep2 = tenants.user(tenant, "targets-rep-2", PASSWORD, "REP");
    tenants.user(tenant, "targets-admin", PASSWORD, "ADMIN");
    UUID other = tenants.tenant("targets-other");
    tenants.user(other, "targets-other-admin", PASSWORD, "ADMIN");
    for (String table :
        List.of(
            "target_list",
            "task",
            "activity_attendee",
            "activity",
            "crm_change",
            "contact",
            "team")) {
      tenants.owner().sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(tenant).update();
    }
    tenants.owner().sql("DELETE FROM target_list WHERE tenant_id = ?").param(other).update();
    UUID team =
        tenants.insert(
            "INSERT INTO team (tenant_id, name, manager_id) VALUES (?, 'East', ?) RETURNING id",
            tenant,
            manager);
    tenants
        .owner()
        .sql("INSERT INTO team_member (tenant_id, team_id, user_id) VALUES (?, ?, ?)")
        .params(tenant, team, rep)
        .update();
    tenants.owner().sql("DELETE FROM sign_in_failure").update();
  }

  TestBrowser as(String username) {
    var browser = new TestBrowser(port);
    assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    return browser;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? JSON.nullNode() : json(response);
  }

  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  String newList(TestBrowser who, String name, String rule) {
    String body =
        "{\"name\": \"%s\", \"periodStart\": \"%s\", \"periodEnd\": \"%s\"%s}"
            .formatted(
                name,
                TODAY.minusDays(30),
                TODAY.plusDays(30),
                rule == null ? "" : ", \"rule\": \"" + rule + "\"");
    return ok(who.post("/api/v1/target-lists", body), 201).get("id").asString();
  }

  String contact(TestBrowser who, String npi) {
    return ok(who.post("/api/v1/contacts", "{\"npi\": \"" + npi + "\"}"), 201).get("id").asString();
  }

  String activity(TestBrowser who, String kind, OffsetDateTime at, String contactId) {
    return ok(
            who.post(
                "/api/v1/activities",
                "{\"kind\": \"%s\", \"occurredAt\": \"%s\", \"subject\": \"%s\", \"attendeeIds\": [\"%s\"]}"
                    .formatted(kind, at, kind.toLowerCase(), contactId)),
            201)
        .get("id")
        .asString();
  }

  @Test
  void aMembersExportHoldsExactlyWhatTheMembersPagesThroughAndOnlyForWhoMaySeeTheList() {
    var rep = as("targets-rep");
    String list = newList(rep, "Export plan", null);
    ok(
        rep.post(
            "/api/v1/target-lists/" + list + "/members",
            "{\"npis\": [\""
                + JIA
                + "\", \""
                + ONIFADE
                + "\", \""
                + CARDILLO
                + "\", \""
                + BROWN
                + "\"]}"),
        200);
    ok(
        rep.patch(
            "/api/v1/target-lists/" + list + "/members/" + JIA,
            "{\"tier\": \"A\", \"callGoal\": 3}"),
        200);
    String jiaContact = contact(rep, JIA);
    activity(rep, "CALL", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), jiaContact);
    List<List<String>> paged = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          json(
              rep.get(
                  "/api/v1/target-lists/"
                      + list
                      + "/members?size=3&sort=npi"
                      + (cursor == null ? "" : "&cursor=" + cursor)));
      page.get("items")
          .forEach(
              i ->
                  paged.add(
                      List.of(
                          i.get("npi").asString(),
                          i.get("name").asString(),
                          i.get("tier").isNull() ? "" : i.get("tier").asString(),
                          i.get("calls").asString())));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(paged).hasSize(4);

    JsonNode created =
        ok(
            rep.post(
                "/api/v1/exports",
                "{\"kind\": \"target-list-members\", \"format\": \"CSV\", \"params\": {\"listId\": \""
                    + list
                    + "\", \"sort\": \"npi\"}}"),
            202);
    String id = created.get("id").asString();
    JsonNode[] view = new JsonNode[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () -> {
              view[0] = json(rep.get("/api/v1/exports/" + id));
              return List.of("DONE", "FAILED").contains(view[0].get("status").asString());
            });
    assertThat(view[0].get("status").asString()).as(view[0].toString()).isEqualTo("DONE");
    var file = rep.bytes(view[0].get("downloadUrl").asString());
    assertThat(file.statusCode()).isEqualTo(200);
    String text = new String(file.body(), java.nio.charset.StandardCharsets.UTF_8).substring(1);
    List<List<String>> rows = new java.util.ArrayList<>();
    for (var record : de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(text)) {
      rows.add(record.getFields());
    }
    List<String> header = rows.getFirst();
    assertThat(header).startsWith("List ID", "NPI", "Name");
    int tier = header.indexOf("Tier");
    int calls = header.indexOf("Calls");
    assertThat(
            rows.subList(1, rows.size()).stream()
                .map(r -> List.of(r.get(1), r.get(2), r.get(tier), r.get(calls)))
                .toList())
        .isEqualTo(paged);
    assertThat(paged).anySatisfy(r -> assertThat(r).containsExactly(JIA, r.get(1), "A", "1"));

    // another tenant's admin: the same 404 as for a list that does not exist
    var stranger = as("targets-other-admin");
    var foreign =
        stranger.post(
            "/api/v1/exports",
            "{\"kind\": \"target-list-members\", \"format\": \"CSV\", \"params\": {\"listId\": \""
                + list
                + "\"}}");
    var unknown =
        stranger.post(
            "/api/v1/exports",
            "{\"kind\": \"target-list-members\", \"format\": \"CSV\", \"params\": {\"listId\": \""
                + java.util.UUID.randomUUID()
                + "\"}}");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());
  }

  static JsonNode member(JsonNode page, String npi) {
    for (JsonNode item : page.get("items")) {
      if (item.get("npi").asString().equals(npi)) {
        return item;
      }
    }
    throw new AssertionError(npi + " is not on the page: " + page);
  }

  @Test
  void countsTheCallsOfThePeriodByTheListsCallersOfTheCountingKindsOnly() {
    var rep = as("targets-rep");
    String list = newList(rep, "Q plan", null);
    JsonNode added =
        ok(
            rep.post(
                "/api/v1/target-lists/" + list + "/members",
                "{\"npis\": [\"" + JIA + "\", \"" + ONIFADE + "\"]}"),
            200);
    assertThat(added.get("added").asInt()).isEqualTo(2);
    assertThat(added.get("alreadyMembers").asInt()).isZero();
    assertThat(added.get("memberCount").asInt()).isEqualTo(2);
    String jia = contact(rep, JIA);
    OffsetDateTime inPeriod = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
    activity(rep, "CALL", inPeriod, jia);
    activity(rep, "VISIT", inPeriod.minusDays(1), jia);
    activity(rep, "EMAIL", inPeriod, jia);
    activity(rep, "NOTE", inPeriod, jia);
    activity(rep, "CALL", OffsetDateTime.now(ZoneOffset.UTC).minusDays(45), jia);
    String deleted = activity(rep, "LUNCH", inPeriod, jia);
    ok(rep.delete("/api/v1/activities/" + deleted), 204);
    // a rep outside the owner's team calls on the same provider: not the list's calls
    UUID foreign =
        tenants.insert(
            "INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id) VALUES (?, 'CALL', now(), 'x', ?) RETURNING id",
            tenant,
            rep2);
    tenants
        .owner()
        .sql(
            "INSERT INTO activity_attendee (tenant_id, activity_id, contact_id) VALUES (?, ?, ?::uuid)")
        .params(tenant, foreign, jia)
        .update();
    ok(
        rep.patch(
            "/api/v1/target-lists/" + list + "/members/" + JIA,
            "{\"tier\": \"A\", \"callGoal\": 4}"),
        200);
    ok(rep.patch("/api/v1/target-lists/" + list + "/members/" + ONIFADE, "{\"callGoal\": 2}"), 200);

    JsonNode page = ok(rep.get("/api/v1/target-lists/" + list + "/members"), 200);

    assertThat(page.get("total").asInt()).isEqualTo(2);
    JsonNode called = member(page, JIA);
    assertThat(called.get("name").asString()).isEqualTo("CHANGPING JIA");
    assertThat(called.get("tier").asString()).isEqualTo("A");
    assertThat(called.get("callGoal").asInt()).isEqualTo(4);
    assertThat(called.get("calls").asInt()).as("the call and the visit of the period").isEqualTo(2);
    assertThat(called.get("attainment").asDouble()).isEqualTo(0.5);
    assertThat(called.get("contactId").asString()).isEqualTo(jia);
    assertThat(called.get("lastCallAt").isNull()).isFalse();
    assertThat(called.get("address").get("zip5").asString()).isEqualTo("10013");
    assertThat(member(page, ONIFADE).get("calls").asInt()).isZero();
    assertThat(member(page, ONIFADE).get("contactId").isNull()).isTrue();
    assertThat(page.get("items").get(0).get("npi").asString()).as("tier A first").isEqualTo(JIA);

    JsonNode attainment = ok(rep.get("/api/v1/target-lists/" + list + "/attainment"), 200);
    JsonNode overall = attainment.get("overall");
    assertThat(overall.get("targets").asInt()).isEqualTo(2);
    assertThat(overall.get("reached").asInt()).isEqualTo(1);
    assertThat(overall.get("reachPercent").asDouble()).isEqualTo(50.0);
    assertThat(overall.get("calls").asInt()).isEqualTo(2);
    assertThat(overall.get("goal").asInt()).isEqualTo(6);
    assertThat(overall.get("frequency").asDouble()).isEqualTo(2.0);
    assertThat(attainment.get("byTier").get(0).get("tier").asString()).isEqualTo("A");
    assertThat(attainment.get("byTier").get(0).get("reached").asInt()).isEqualTo(1);
    assertThat(attainment.get("byTier").get(1).get("tier").asString()).isEqualTo("none");
    assertThat(attainment.get("byTier").get(1).get("reached").asInt()).isZero();

    // a manager's list counts the calls of the reps of the teams they manage
    var manager = as("targets-manager");
    String teamList = newList(manager, "Team plan", null);
    ok(
        manager.post(
            "/api/v1/target-lists/" + teamList + "/members", "{\"npis\": [\"" + JIA + "\"]}"),
        200);
    assertThat(
            ok(manager.get("/api/v1/target-lists/" + teamList + "/attainment"), 200)
                .get("overall")
                .get("calls")
                .asInt())
        .isEqualTo(2);

    JsonNode reach = ok(manager.get("/api/v1/reports/reach?listId=" + teamList), 200);
    assertThat(reach.get(0).get("reached").asInt()).isEqualTo(1);
    assertThat(reach.get(1).get("userName").asString()).isEqualTo("User targets-rep");
    assertThat(reach.get(1).get("calls").asInt()).isEqualTo(2);
    JsonNode byKind =
        ok(manager.get("/api/v1/reports/activity?groupBy=kind&from=" + TODAY.minusDays(10)), 200);
    assertThat(
            java.util.stream.StreamSupport.stream(byKind.get("rows").spliterator(), false)
                .collect(
                    Collectors.toMap(
                        r -> r.get("key").asString(), r -> r.get("activities").asInt())))
        .as("the manager sees the team's activities, not the other rep's; deleted ones not at all")
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("CALL", 1, "VISIT", 1, "EMAIL", 1, "NOTE", 1));
  }

  @Test
  void anotherTenantAndARepOutsideTheTeamSeeNothing() {
    var rep = as("targets-rep");
    String list = newList(rep, "Mine", null);
    ok(rep.post("/api/v1/target-lists/" + list + "/members", "{\"npis\": [\"" + JIA + "\"]}"), 200);

    var outsider = as("targets-rep-2");
    var otherTenant = as("targets-other-admin");
    for (var stranger : List.of(outsider, otherTenant)) {
      assertThat(stranger.get("/api/v1/target-lists/" + list).statusCode()).isEqualTo(404);
      assertThat(stranger.get("/api/v1/target-lists/" + list + "/members").statusCode())
          .isEqualTo(404);
      assertThat(stranger.get("/api/v1/target-lists/" + list + "/attainment").statusCode())
          .isEqualTo(404);
      assertThat(stranger.get("/api/v1/reports/reach?listId=" + list).statusCode()).isEqualTo(404);
      assertThat(
              stranger
                  .patch("/api/v1/target-lists/" + list + "/members/" + JIA, "{\"tier\": \"B\"}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(stranger.delete("/api/v1/target-lists/" + list).statusCode()).isEqualTo(404);
      assertThat(json(stranger.get("/api/v1/target-lists"))).isEmpty();
    }
    assertThat(ok(as("targets-manager").get("/api/v1/target-lists"), 200)).hasSize(1);
    assertThat(
            ok(as("targets-admin").get("/api/v1/target-lists/" + list), 200)
                .get("memberCount")
                .asInt())
        .isEqualTo(1);
    // a rep may not give a list to someone outside their reach
    assertThat(
            rep.post(
                    "/api/v1/target-lists",
                    "{\"name\": \"x\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-03-31\", \"ownerId\": \"%s\"}"
                        .formatted(rep2))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void addsEveryMatchOfASearchAndCountsThoseAlreadyOnTheList() {
    var rep = as("targets-rep");
    String list = newList(rep, "Georgia", null);
    ok(
        rep.post("/api/v1/target-lists/" + list + "/members", "{\"npis\": [\"" + BROWN + "\"]}"),
        200);

    JsonNode added =
        ok(
            rep.post(
                "/api/v1/target-lists/" + list + "/members", "{\"search\": \"zip=30115&size=1\"}"),
            200);

    assertThat(added.get("alreadyMembers").asInt()).isEqualTo(1);
    assertThat(added.get("added").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(added.get("memberCount").asInt())
        .as("every match, not a page of them")
        .isEqualTo(added.get("added").asInt() + 1);
    var refused =
        rep.post("/api/v1/target-lists/" + list + "/members", "{\"search\": \"state=Ohio\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("state");
    assertThat(
            rep.post("/api/v1/target-lists/" + list + "/members", "{\"search\": \"colour=red\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            rep.post(
                    "/api/v1/target-lists/" + list + "/members",
                    "{\"npis\": [\"" + JIA + "\"], \"search\": \"zip=30115\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            rep.post("/api/v1/target-lists/" + list + "/members", "{\"npis\": [\"1234567890\"]}")
                .statusCode())
        .as("not a valid NPI")
        .isEqualTo(400);
  }

  /**
   * The sample's row of {@code npi} as a weekly NPPES file, its last update dated {@code updated}
   * (MM/DD/YYYY): a file the ingestion has not seen, so it is published rather than skipped.
   */
  Path weeklyRowOf(String npi, String updated) throws Exception {
    Path file =
        dir.resolve("npidata_pfile_weekly_" + npi + "_" + updated.replace('/', '-') + ".csv");
    try (var reader =
            CsvReader.builder()
                .ofNamedCsvRecord(
                    new InputStreamReader(
                        getClass().getResourceAsStream(SAMPLE), StandardCharsets.UTF_8));
        var writer = CsvWriter.builder().build(file)) {
      boolean header = true;
      boolean found = false;
      for (NamedCsvRecord row : reader) {
        if (header) {
          writer.writeRecord(row.getHeader());
          header = false;
        }
        if (row.getField("NPI").equals(npi)) {
          Map<String, String> fields = new LinkedHashMap<>(row.getFieldsAsMap());
          fields.put("Last Update Date", updated);
          writer.writeRecord(fields.values());
          found = true;
          break;
        }
      }
      assertThat(found).as(npi + " in the sample").isTrue();
    }
    return file;
  }

  @Test
  void aDynamicListFollowsAnNppesPublishWithADeactivation(@Autowired ApplicationEvents events)
      throws Exception {
    // the provider is active, as the sample has it (another test may have deactivated it)
    Ingestions.runWhenFree(
        ingestion, "nppes-weekly", weeklyRowOf(CARDILLO, "01/02/2026").toString());
    var rep = as("targets-rep");
    String dynamic = newList(rep, "Zip 30115", "zip=30115");
    String pinned = newList(rep, "Zip 30115, Cardillo pinned", "zip=30115");
    ok(
        rep.post(
            "/api/v1/target-lists/" + pinned + "/members", "{\"npis\": [\"" + CARDILLO + "\"]}"),
        200);
    JsonNode before = ok(rep.get("/api/v1/target-lists/" + dynamic + "/members?sort=npi"), 200);
    assertThat(before.get("items").findValuesAsString("npi")).contains(CARDILLO, BROWN);
    events.clear();

    Path report =
        Files.writeString(
            dir.resolve("deactivations.csv"),
            "\"NPI\",\"NPPES Deactivation Date\"\n\"" + CARDILLO + "\",\"01/15/2026\"\n");
    try {
      Ingestions.runWhenFree(ingestion, "nppes-deactivations", report.toString());

      JsonNode after = ok(rep.get("/api/v1/target-lists/" + dynamic + "/members?sort=npi"), 200);
      assertThat(after.get("items").findValuesAsString("npi"))
          .doesNotContain(CARDILLO)
          .contains(BROWN);
      JsonNode change = ok(rep.get("/api/v1/target-lists/" + dynamic + "/changes"), 200).get(0);
      assertThat(change.get("trigger").asString()).startsWith("published NPPES");
      assertThat(change.get("joined")).isEmpty();
      assertThat(change.get("left")).hasSize(1);
      assertThat(change.get("left").get(0).get("npi").asString()).isEqualTo(CARDILLO);
      assertThat(change.get("left").get(0).get("name").asString()).isEqualTo("DOUGLAS CARDILLO");
      assertThat(change.get("left").get(0).get("reason").asString()).isEqualTo("left: deactivated");
      assertThat(events.stream(TargetListReevaluated.class))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.listId()).isEqualTo(UUID.fromString(dynamic));
                assertThat(e.tenantId()).isEqualTo(tenant);
                assertThat(e.left()).isEqualTo(1);
                assertThat(e.joined()).isZero();
                assertThat(e.changeId()).isEqualTo(change.get("id").asLong());
              });
      assertThat(
              ok(rep.get("/api/v1/target-lists/" + pinned + "/members"), 200)
                  .get("items")
                  .findValuesAsString("npi"))
          .as("a member added by hand stays until removed")
          .contains(CARDILLO);
      assertThat(
              ok(rep.get("/api/v1/target-lists/" + pinned + "/changes"), 200)
                  .findValuesAsString("trigger"))
          .as("the publish changed nothing on the pinned list")
          .containsExactly("created");
    } finally {
      // the registry as the other tests know it: the sample's row, active again
      Ingestions.runWhenFree(
          ingestion, "nppes-weekly", weeklyRowOf(CARDILLO, "02/03/2026").toString());
    }
    JsonNode back = ok(rep.get("/api/v1/target-lists/" + dynamic + "/changes"), 200).get(0);
    assertThat(back.get("joined").get(0).get("npi").asString()).isEqualTo(CARDILLO);
    assertThat(back.get("joined").get(0).get("reason").asString())
        .isEqualTo("joined: matches the rule");
  }

  @Test
  void refusesARuleTheSearchRefuses() {
    var rep = as("targets-rep");
    var bad =
        rep.post(
            "/api/v1/target-lists",
            "{\"name\": \"x\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-03-31\", \"rule\": \"state=Ohio\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("rule.state");
    assertThat(
            rep.post(
                    "/api/v1/target-lists",
                    "{\"name\": \"x\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-03-31\", \"rule\": \"status=sometimes\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            rep.post(
                    "/api/v1/target-lists",
                    "{\"name\": \"x\", \"periodStart\": \"2026-03-01\", \"periodEnd\": \"2026-01-31\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theRepsHomeShowsOverdueTasksTargetsNotReachedAndThisWeeksCalls() {
    var rep = as("targets-rep");
    String list = newList(rep, "Home plan", null);
    ok(
        rep.post(
            "/api/v1/target-lists/" + list + "/members",
            "{\"npis\": [\"" + JIA + "\", \"" + ONIFADE + "\"]}"),
        200);
    ok(rep.patch("/api/v1/target-lists/" + list + "/members/" + ONIFADE, "{\"tier\": \"A\"}"), 200);
    String jia = contact(rep, JIA);
    activity(rep, "CALL", OffsetDateTime.now(ZoneOffset.UTC), jia);
    ok(
        rep.post(
            "/api/v1/tasks",
            "{\"title\": \"Send samples\", \"dueDate\": \"%s\"}".formatted(TODAY.minusDays(3))),
        201);

    JsonNode home = ok(rep.get("/api/v1/home/rep"), 200);

    assertThat(home.get("tasks").get(0).get("title").asString()).isEqualTo("Send samples");
    assertThat(home.get("tasks").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(home.get("notReachedCount").asInt()).isEqualTo(1);
    assertThat(home.get("notReached").get(0).get("npi").asString()).isEqualTo(ONIFADE);
    assertThat(home.get("notReached").get(0).get("tier").asString()).isEqualTo("A");
    assertThat(home.get("callsThisWeek").get("calls").asInt()).isEqualTo(1);

    JsonNode managerHome = ok(as("targets-manager").get("/api/v1/home/manager"), 200);
    assertThat(managerHome.get("reach").get(0).get("listName").asString()).isEqualTo("Home plan");
    assertThat(managerHome.get("reach").get(0).get("reached").asInt()).isEqualTo(1);
    // the tenant has no market basket: the coverage panel lists none (SegmentsIntegrationTests
    // checks it with one)
    assertThat(managerHome.get("decileCoverage").isArray()).isTrue();
    assertThat(managerHome.get("decileCoverage")).isEmpty();
    assertThat(managerHome.get("tasks").findValuesAsString("name")).contains("User targets-rep");
  }
}
