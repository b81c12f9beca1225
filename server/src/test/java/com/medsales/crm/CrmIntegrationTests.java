package com.medsales.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.Ingestions;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * The CRM over real HTTP on the real sample registry: contacts made from providers stay live, calls
 * with follow-ups, optimistic locking, soft delete and restore, change history, visibility by role
 * and territory, the pipeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrmIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "crm test passphrase";

  /** Changping Jia, internal medicine, practising in ZIP 10013 (NPPES sample 2018). */
  static final String JIA = "1184802050";

  /** Moyosore Onifade, internal medicine, ZIP 63136. */
  static final String ONIFADE = "1669586954";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Ingestion ingestion;
  @TempDir Path dir;
  TestTenants tenants;
  UUID tenant;

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
      try (InputStream in =
          getClass().getResourceAsStream("/demo/nppes/npidata_pfile_2018_sample_99.csv")) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Ingestions.runWhenFree(ingestion, "nppes-weekly", file.toString());
    }
    tenant = tenants.tenant("crm");
    UUID manager = tenants.user(tenant, "crm-manager", PASSWORD, "MANAGER");
    UUID rep = tenants.user(tenant, "crm-rep", PASSWORD, "REP");
    tenants.user(tenant, "crm-rep-2", PASSWORD, "REP");
    tenants.user(tenant, "crm-admin", PASSWORD, "ADMIN");
    tenants.owner().sql("DELETE FROM team WHERE tenant_id = ?").param(tenant).update();
    UUID team =
        tenants
            .owner()
            .sql(
                "INSERT INTO team (tenant_id, name, manager_id) VALUES (?, 'East', ?) RETURNING id")
            .params(tenant, manager)
            .query(UUID.class)
            .single();
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

  /** The rep's contact for a provider, made fresh (any earlier one removed). */
  JsonNode contactFor(TestBrowser rep, String npi) {
    tenants.owner().sql("DELETE FROM crm_change WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM task WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM activity_attendee WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM activity WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM opportunity WHERE tenant_id = ?").param(tenant).update();
    tenants
        .owner()
        .sql("DELETE FROM contact WHERE tenant_id = ? AND npi = ?")
        .params(tenant, Long.parseLong(npi))
        .update();
    var created = rep.post("/api/v1/contacts", "{\"npi\": \"" + npi + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  @Test
  void aContactCreatedFromAProviderShowsTheRegistrysCurrentFactsWithoutCopyingThem() {
    var rep = as("crm-rep");

    JsonNode contact = contactFor(rep, JIA);

    assertThat(contact.get("displayName").asString()).isEqualTo("CHANGPING JIA");
    assertThat(contact.get("zip5").asString()).isEqualTo("10013");
    assertThat(contact.get("specialty").asString()).containsIgnoringCase("Internal Medicine");
    var stored =
        tenants.row(
            "SELECT first_name, last_name, zip5, specialty, source FROM contact WHERE id = ?::uuid",
            contact.get("id").asString());
    assertThat(stored.get("first_name")).isNull();
    assertThat(stored.get("last_name")).isNull();
    assertThat(stored.get("zip5")).isNull();
    assertThat(stored.get("source")).isEqualTo("PROVIDER");
    // the registry changes: the contact follows
    tenants
        .owner()
        .sql("UPDATE provider SET last_name = 'JIA-NEWNAME' WHERE npi = ?")
        .param(Long.parseLong(JIA))
        .update();
    try {
      JsonNode detail = json(rep.get("/api/v1/contacts/" + contact.get("id").asString()));
      assertThat(detail.get("lastName").asString()).isEqualTo("JIA-NEWNAME");
      assertThat(detail.get("provider").get("npi").asString()).isEqualTo(JIA);
    } finally {
      tenants
          .owner()
          .sql("UPDATE provider SET last_name = 'JIA' WHERE npi = ?")
          .param(Long.parseLong(JIA))
          .update();
    }
    // one contact per provider
    var again = rep.post("/api/v1/contacts", "{\"npi\": \"" + JIA + "\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("current").get("id").asString())
        .isEqualTo(contact.get("id").asString());
    assertThat(rep.post("/api/v1/contacts", "{\"npi\": \"1234567890\"}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void aLoggedCallWithAFollowUpPutsTheTaskUnderMyTasksOverdueFirst() {
    var rep = as("crm-rep");
    String contact = contactFor(rep, JIA).get("id").asString();
    rep.post(
        "/api/v1/tasks",
        "{\"title\": \"Later thing\", \"dueDate\": \"" + LocalDate.now().plusDays(10) + "\"}");

    var call =
        rep.post(
            "/api/v1/activities",
            "{\"kind\": \"CALL\", \"subject\": \"Intro call\", \"outcome\": \"Interested\","
                + " \"nextStep\": \"Send the clinical study\", \"products\": [\"Stent X\"], \"attendeeIds\": [\""
                + contact
                + "\"],"
                + " \"followUp\": {\"title\": \"Send the clinical study\", \"dueDate\": \""
                + LocalDate.now().minusDays(1)
                + "\", \"priority\": \"HIGH\"}}");

    assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
    assertThat(json(call).get("attendees").get(0).get("name").asString())
        .isEqualTo("CHANGPING JIA");
    JsonNode mine = json(rep.get("/api/v1/tasks?mine=true&status=OPEN"));
    assertThat(mine.get(0).get("title").asString()).isEqualTo("Send the clinical study");
    assertThat(mine.get(0).get("overdue").asBoolean()).isTrue();
    assertThat(mine.get(0).get("contactName").asString()).isEqualTo("CHANGPING JIA");
    assertThat(mine.get(1).get("title").asString()).isEqualTo("Later thing");
    List<String> timeline = new ArrayList<>();
    json(rep.get("/api/v1/contacts/" + contact + "/timeline"))
        .forEach(e -> timeline.add(e.get("type").asString()));
    assertThat(timeline).contains("ACTIVITY_CALL", "TASK", "REGISTRY_NEW");
  }

  @Test
  void theTimelinesEnumeratedEntryCarriesTheRegistrysEnumerationDateNotTheDayItWasLoaded() {
    var rep = as("crm-rep");
    String contact = contactFor(rep, JIA).get("id").asString();

    List<String> enumerated = new ArrayList<>();
    json(rep.get("/api/v1/contacts/" + contact + "/timeline"))
        .forEach(
            e -> {
              if (e.get("type").asString().equals("REGISTRY_NEW")) {
                enumerated.add(e.get("at").asString());
              }
            });

    // "Provider Enumeration Date" 02/04/2008 in the 2018 NPPES sample
    assertThat(enumerated).isNotEmpty().allSatisfy(at -> assertThat(at).startsWith("2008-02-0"));
  }

  @Test
  void aRepListsTheTenantsActiveColleaguesForPickersWithoutTheirSignInDetails() {
    UUID gone = tenants.user(tenant, "crm-gone", PASSWORD, "REP");
    tenants.owner().sql("UPDATE app_user SET enabled = false WHERE id = ?").param(gone).update();
    UUID elsewhere = tenants.user(tenants.tenant("crm-other"), "crm-elsewhere", PASSWORD, "REP");

    var response = as("crm-rep").get("/api/v1/users");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    json(response)
        .forEach(
            u -> {
              names.add(u.get("displayName").asString());
              assertThat(u.has("email") || u.has("username") || u.has("enabled"))
                  .as(u.toString())
                  .isFalse();
            });
    assertThat(names)
        .contains("User crm-rep", "User crm-rep-2", "User crm-manager", "User crm-admin")
        .doesNotContain("User crm-gone", "User crm-elsewhere");
    assertThat(response.body()).doesNotContain(elsewhere.toString(), gone.toString());
    assertThat(new TestBrowser(port).get("/api/v1/users").statusCode()).isEqualTo(401);
  }

  @Test
  void aConflictingEditAnswers409WithTheCurrentVersionAndEveryChangeIsInTheHistory() {
    var rep = as("crm-rep");
    JsonNode contact = contactFor(rep, JIA);
    String id = contact.get("id").asString();

    var first =
        rep.patch(
            "/api/v1/contacts/" + id,
            "{\"version\": 0, \"tags\": [\"kol\"], \"email\": \"jia@example.org\"}");
    var stale = rep.patch("/api/v1/contacts/" + id, "{\"version\": 0, \"tags\": [\"other\"]}");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first).get("version").asLong()).isEqualTo(1);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("current").get("version").asLong()).isEqualTo(1);
    assertThat(json(stale).get("current").get("tags").get(0).asString()).isEqualTo("kol");
    // the same shape as the GET, so the web app merges field by field
    JsonNode current = json(stale).get("current");
    JsonNode got = json(rep.get("/api/v1/contacts/" + id));
    assertThat(current.has("owner_id")).isFalse();
    got.propertyNames().forEach(name -> assertThat(current.has(name)).as(name).isTrue());
    assertThat(current.get("ownerId")).isEqualTo(got.get("ownerId"));
    JsonNode history = json(rep.get("/api/v1/contacts/" + id + "/history"));
    List<String> fields = new ArrayList<>();
    history.forEach(h -> fields.add(h.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("tags", "email", "*");
    JsonNode tags =
        history.get(0).get("field").asString().equals("tags") ? history.get(0) : history.get(1);
    assertThat(tags.get("oldValue").toString()).isEqualTo("[]");
    assertThat(tags.get("newValue").toString()).isEqualTo("[\"kol\"]");
    assertThat(tags.get("changedByName").asString()).isEqualTo("User crm-rep");
  }

  @Test
  void aDeletedContactCanBeRestoredFor30Days() {
    var rep = as("crm-rep");
    String id = contactFor(rep, JIA).get("id").asString();

    assertThat(rep.delete("/api/v1/contacts/" + id).statusCode()).isEqualTo(204);
    assertThat(rep.get("/api/v1/contacts/" + id).statusCode()).isEqualTo(404);
    assertThat(json(rep.get("/api/v1/contacts?deleted=true")).get("items").toString()).contains(id);
    assertThat(rep.post("/api/v1/contacts/" + id + "/restore", "{}").statusCode()).isEqualTo(200);
    assertThat(rep.get("/api/v1/contacts/" + id).statusCode()).isEqualTo(200);

    rep.delete("/api/v1/contacts/" + id);
    tenants
        .owner()
        .sql("UPDATE contact SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid")
        .param(id)
        .update();
    assertThat(rep.post("/api/v1/contacts/" + id + "/restore", "{}").statusCode()).isEqualTo(410);
    assertThat(json(rep.get("/api/v1/contacts?deleted=true")).get("items").toString())
        .doesNotContain(id);
  }

  /**
   * A kind of record listed without its deleted ones unless asked: its path, table and a body
   * creating one.
   */
  record Kind(String path, String table, String body) {
    String create(TestBrowser user, String name) {
      var created = user.post(path, body.formatted(name));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      return json(created).get("id").asString();
    }
  }

  static final List<Kind> WORK =
      List.of(
          new Kind("/api/v1/tasks", "task", "{\"title\": \"%s\"}"),
          new Kind("/api/v1/opportunities", "opportunity", "{\"name\": \"%s\"}"),
          new Kind("/api/v1/activities", "activity", "{\"kind\": \"CALL\", \"subject\": \"%s\"}"));

  static List<String> ids(HttpResponse<String> list) {
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(list).forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  @Test
  void deletedTasksDealsAndCallsAreListedLatestFirstUntilRestoredOr30DaysOld() {
    var rep = as("crm-rep");
    contactFor(rep, JIA);
    for (Kind kind : WORK) {
      String older = kind.create(rep, "Deleted first");
      String newer = kind.create(rep, "Deleted second");
      String kept = kind.create(rep, "Never deleted");

      assertThat(rep.delete(kind.path() + "/" + older).statusCode()).isEqualTo(204);
      assertThat(rep.delete(kind.path() + "/" + newer).statusCode()).isEqualTo(204);

      assertThat(ids(rep.get(kind.path() + "?deleted=true")))
          .as(kind.path())
          .containsExactly(newer, older);
      assertThat(ids(rep.get(kind.path())))
          .as(kind.path())
          .contains(kept)
          .doesNotContain(newer, older);
      JsonNode latest = json(rep.get(kind.path() + "?deleted=true")).get(0);
      assertThat(latest.get("deletedAt").asString()).as(kind.path()).isNotBlank();
      assertThat(latest.get("deletedByName").asString()).as(kind.path()).isEqualTo("User crm-rep");
      assertThat(json(rep.get(kind.path() + "/" + kept)).get("deletedAt").isNull())
          .as(kind.path())
          .isTrue();

      assertThat(rep.post(kind.path() + "/" + older + "/restore", "{}").statusCode())
          .isEqualTo(200);
      assertThat(ids(rep.get(kind.path() + "?deleted=true")))
          .as(kind.path())
          .containsExactly(newer);
      assertThat(ids(rep.get(kind.path()))).as(kind.path()).contains(kept, older);

      tenants
          .owner()
          .sql(
              "UPDATE "
                  + kind.table()
                  + " SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid")
          .param(newer)
          .update();
      assertThat(ids(rep.get(kind.path() + "?deleted=true"))).as(kind.path()).isEmpty();
    }
  }

  @Test
  void deletedTasksDealsAndCallsAreListedOnlyToThoseWhoMaySeeThem() {
    var rep = as("crm-rep");
    contactFor(rep, JIA);
    tenants.user(tenants.tenant("crm-other"), "crm-other-admin", PASSWORD, "ADMIN");
    var otherTenantsAdmin = as("crm-other-admin");
    for (Kind kind : WORK) {
      String mine = kind.create(rep, "Rep's own");
      assertThat(rep.delete(kind.path() + "/" + mine).statusCode()).isEqualTo(204);

      assertThat(ids(as("crm-manager").get(kind.path() + "?deleted=true")))
          .as(kind.path())
          .containsExactly(mine);
      assertThat(ids(as("crm-admin").get(kind.path() + "?deleted=true")))
          .as(kind.path())
          .contains(mine);
      assertThat(ids(as("crm-rep-2").get(kind.path() + "?deleted=true")))
          .as(kind.path())
          .doesNotContain(mine);
      assertThat(ids(otherTenantsAdmin.get(kind.path() + "?deleted=true")))
          .as(kind.path())
          .doesNotContain(mine);
    }
  }

  @Test
  void theOpenApiDocumentOffersTheDeletedListOfTasksDealsAndCalls() {
    JsonNode paths = json(as("crm-rep").get("/v3/api-docs")).get("paths");
    for (Kind kind : WORK) {
      List<String> parameters = new ArrayList<>();
      paths
          .get(kind.path())
          .get("get")
          .get("parameters")
          .forEach(p -> parameters.add(p.get("name").asString()));
      assertThat(parameters).as(kind.path()).contains("deleted");
    }
  }

  @Test
  void repsSeeTheirOwnAndTheirTerritorysContactsManagersTheirTeamsAdminsAll() {
    var rep = as("crm-rep");
    var rep2 = as("crm-rep-2");
    String jia = contactFor(rep, JIA).get("id").asString();
    String onifade = contactFor(rep2, ONIFADE).get("id").asString();

    assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(404);
    assertThat(json(rep2.get("/api/v1/contacts")).get("items").toString())
        .doesNotContain(jia)
        .contains(onifade);
    assertThat(
            rep.patch("/api/v1/contacts/" + onifade, "{\"version\": 0, \"notes\": \"mine now\"}")
                .statusCode())
        .isEqualTo(404);
    // the manager of rep's team sees and may edit rep's contact, not rep-2's
    var manager = as("crm-manager");
    assertThat(manager.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(200);
    assertThat(
            manager
                .patch("/api/v1/contacts/" + jia, "{\"version\": 0, \"notes\": \"coached\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(manager.get("/api/v1/contacts/" + onifade).statusCode()).isEqualTo(404);
    assertThat(as("crm-admin").get("/api/v1/contacts/" + onifade).statusCode()).isEqualTo(200);

    // rep-2 is given the territory holding ZIP 10013, where Jia practises: rep-2 now sees Jia, but
    // may not edit
    UUID territory =
        tenants
            .owner()
            .sql(
                "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', 'Manhattan South')"
                    + " ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
            .param(tenant)
            .query(UUID.class)
            .single();
    tenants
        .owner()
        .sql(
            "INSERT INTO territory_zip (tenant_id, zip5, territory_id) VALUES (?, '10013', ?) ON CONFLICT DO NOTHING")
        .params(tenant, territory)
        .update();
    tenants
        .owner()
        .sql(
            "INSERT INTO territory_assignment (tenant_id, territory_id, user_id, kind) VALUES (?, ?, ?, 'PRIMARY') ON CONFLICT DO NOTHING")
        .params(tenant, territory, tenants.userId("crm-rep-2"))
        .update();
    try {
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(200);
      assertThat(
              json(rep2.get("/api/v1/contacts?territoryId=" + territory)).get("items").toString())
          .contains(jia);
      assertThat(
              rep2.patch("/api/v1/contacts/" + jia, "{\"version\": 1, \"notes\": \"taken\"}")
                  .statusCode())
          .isEqualTo(403);
      // aligned by its county instead (10013 lies in New York County, 36061), the territory still
      // holds Jia
      tenants
          .owner()
          .sql("DELETE FROM territory_zip WHERE territory_id = ?")
          .param(territory)
          .update();
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(404);
      tenants
          .owner()
          .sql(
              "INSERT INTO territory_county (tenant_id, county_geoid, territory_id) VALUES (?, '36061', ?)")
          .params(tenant, territory)
          .update();
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(200);
      assertThat(
              json(rep2.get("/api/v1/contacts?territoryId=" + territory)).get("items").toString())
          .contains(jia);
    } finally {
      tenants.owner().sql("DELETE FROM territory WHERE id = ?").param(territory).update();
    }
  }

  @Test
  void aContactsHistoryNamesTheAccountAndOwnerItsIdsStandFor() {
    var rep = as("crm-rep");
    String id = contactFor(rep, JIA).get("id").asString();
    var account =
        rep.post("/api/v1/accounts", "{\"name\": \"Grand Street Clinic\", \"kind\": \"PRACTICE\"}");
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
    String accountId = json(account).get("id").asString();
    UUID colleague = tenants.userId("crm-rep-2");

    var linked =
        rep.patch(
            "/api/v1/contacts/" + id, "{\"version\": 0, \"accountId\": \"" + accountId + "\"}");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    var handed =
        as("crm-admin")
            .patch(
                "/api/v1/contacts/" + id, "{\"version\": 1, \"ownerId\": \"" + colleague + "\"}");
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);

    // the history gives the names the ids stand for
    JsonNode history = json(as("crm-admin").get("/api/v1/contacts/" + id + "/history"));
    JsonNode owner = history.get(0);
    assertThat(owner.get("field").asString()).isEqualTo("owner_id");
    assertThat(owner.get("oldValue").asString()).isEqualTo(tenants.userId("crm-rep").toString());
    assertThat(owner.get("oldName").asString()).isEqualTo("User crm-rep");
    assertThat(owner.get("newName").asString()).isEqualTo("User crm-rep-2");
    JsonNode accountChange = history.get(1);
    assertThat(accountChange.get("field").asString()).isEqualTo("account_id");
    assertThat(accountChange.get("oldName").isNull()).isTrue();
    assertThat(accountChange.get("newName").asString()).isEqualTo("Grand Street Clinic");
  }

  @Test
  void aRepHandsTheirContactToATeammateWhoOwnsItFromThenOn() {
    var rep = as("crm-rep");
    var rep2 = as("crm-rep-2");
    String id = contactFor(rep, JIA).get("id").asString();
    UUID colleague = tenants.userId("crm-rep-2");

    var handed =
        rep.patch(
            "/api/v1/contacts/" + id,
            "{\"version\": 0, \"notes\": \"met at the conference\", \"ownerId\": \""
                + colleague
                + "\"}");

    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
    JsonNode given = json(handed);
    assertThat(given.get("ownerId").asString()).isEqualTo(colleague.toString());
    assertThat(given.get("ownerName").asString()).isEqualTo("User crm-rep-2");
    assertThat(given.get("notes").asString()).isEqualTo("met at the conference");
    assertThat(given.get("version").asLong()).isEqualTo(2);
    // the colleague owns it now; the giver, neither their manager nor aligned to Jia's ZIP, no
    // longer sees it
    JsonNode theirs = json(rep2.get("/api/v1/contacts/" + id));
    assertThat(theirs.get("ownerId").asString()).isEqualTo(colleague.toString());
    assertThat(theirs.get("version").asLong()).isEqualTo(2);
    assertThat(rep.get("/api/v1/contacts/" + id).statusCode()).isEqualTo(404);
    JsonNode handOver = json(rep2.get("/api/v1/contacts/" + id + "/history")).get(0);
    assertThat(handOver.get("field").asString()).isEqualTo("owner_id");
    assertThat(handOver.get("changedByName").asString()).isEqualTo("User crm-rep");
    assertThat(handOver.get("newName").asString()).isEqualTo("User crm-rep-2");
    // a stale version still answers 409, and the owner may give it back
    assertThat(
            rep2.patch(
                    "/api/v1/contacts/" + id,
                    "{\"version\": 1, \"ownerId\": \"" + tenants.userId("crm-rep") + "\"}")
                .statusCode())
        .isEqualTo(409);
    var back =
        rep2.patch(
            "/api/v1/contacts/" + id,
            "{\"version\": 2, \"ownerId\": \"" + tenants.userId("crm-rep") + "\"}");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(json(rep.get("/api/v1/contacts/" + id)).get("version").asLong()).isEqualTo(3);
  }

  @Test
  void aRepMakesAContactForATeammate() {
    var rep = as("crm-rep");
    UUID colleague = tenants.userId("crm-rep-2");
    tenants
        .owner()
        .sql("DELETE FROM contact WHERE tenant_id = ? AND last_name = 'Referral'")
        .param(tenant)
        .update();

    var created =
        rep.post(
            "/api/v1/contacts", "{\"lastName\": \"Referral\", \"ownerId\": \"" + colleague + "\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("ownerName").asString()).isEqualTo("User crm-rep-2");
    String id = json(created).get("id").asString();
    assertThat(as("crm-rep-2").get("/api/v1/contacts/" + id).statusCode()).isEqualTo(200);
    assertThat(rep.get("/api/v1/contacts/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aWriteRowLevelSecurityRefusesAnswers403SayingWhoMayMakeIt() {
    // accounts are handed over by a manager or an admin: the rep's write would leave an account the
    // rep cannot see,
    // which the database refuses (SQLState 42501)
    var rep = as("crm-rep");
    tenants
        .owner()
        .sql("DELETE FROM account WHERE tenant_id = ? AND name = 'Canal Street Surgery'")
        .param(tenant)
        .update();
    var account =
        rep.post(
            "/api/v1/accounts", "{\"name\": \"Canal Street Surgery\", \"kind\": \"PRACTICE\"}");
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
    String id = json(account).get("id").asString();

    var handed =
        rep.patch(
            "/api/v1/accounts/" + id,
            "{\"version\": 0, \"ownerId\": \"" + tenants.userId("crm-rep-2") + "\"}");

    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(403);
    assertThat(handed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = json(handed);
    assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
    assertThat(problem.get("detail").asString()).contains("manager").contains("administrator");
    JsonNode unchanged = json(rep.get("/api/v1/accounts/" + id));
    assertThat(unchanged.get("ownerId").asString()).isEqualTo(tenants.userId("crm-rep").toString());
    assertThat(unchanged.get("version").asLong()).isZero();
    // the rep's manager may hand it over
    assertThat(
            as("crm-manager")
                .patch(
                    "/api/v1/accounts/" + id,
                    "{\"version\": 0, \"ownerId\": \"" + tenants.userId("crm-manager") + "\"}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aProviderWhoIsAColleaguesContactAnswers409NamingTheOwnerButNotTheContact() {
    var rep = as("crm-rep");
    contactFor(rep, JIA);

    var again = as("crm-rep-2").post("/api/v1/contacts", "{\"npi\": \"" + JIA + "\"}");

    assertThat(again.statusCode()).isEqualTo(409);
    JsonNode problem = json(again);
    assertThat(problem.get("detail").asString())
        .contains("already a contact of User crm-rep")
        .contains("reassign");
    assertThat(problem.get("current").get("ownerName").asString()).isEqualTo("User crm-rep");
    assertThat(problem.get("current").get("ownerId").asString())
        .isEqualTo(tenants.userId("crm-rep").toString());
    assertThat(problem.get("current").has("id")).isFalse();
  }

  @Test
  void aRepOfAStateAlignedTerritorySeesTheStatesContactsUnlessTheirZipOrCountyIsAlignedElsewhere() {
    var rep = as("crm-rep");
    var rep2 = as("crm-rep-2");
    tenants.user(tenant, "crm-rep-3", PASSWORD, "REP");
    var rep3 = as("crm-rep-3");
    // rep owns Jia (practising in 10013, New York) and Onifade (63136, Missouri), and an unlinked
    // contact in 10001
    String jia = contactFor(rep, JIA).get("id").asString();
    tenants
        .owner()
        .sql("DELETE FROM contact WHERE tenant_id = ? AND npi = ?")
        .params(tenant, Long.parseLong(ONIFADE))
        .update();
    var onifadeCreated = rep.post("/api/v1/contacts", "{\"npi\": \"" + ONIFADE + "\"}");
    assertThat(onifadeCreated.statusCode()).as(onifadeCreated.body()).isEqualTo(201);
    String onifade = json(onifadeCreated).get("id").asString();
    var staff = rep.post("/api/v1/contacts", "{\"lastName\": \"Front Desk\", \"zip5\": \"10001\"}");
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(201);
    String desk = json(staff).get("id").asString();

    UUID newYork =
        tenants
            .owner()
            .sql(
                "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', 'New York State')"
                    + " ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
            .param(tenant)
            .query(UUID.class)
            .single();
    UUID manhattan =
        tenants
            .owner()
            .sql(
                "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', 'Manhattan Only')"
                    + " ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
            .param(tenant)
            .query(UUID.class)
            .single();
    try {
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(404);
      tenants
          .owner()
          .sql("INSERT INTO territory_state (tenant_id, state, territory_id) VALUES (?, 'NY', ?)")
          .params(tenant, newYork)
          .update();
      tenants
          .owner()
          .sql(
              "INSERT INTO territory_assignment (tenant_id, territory_id, user_id, kind) VALUES (?, ?, ?, 'PRIMARY')")
          .params(tenant, newYork, tenants.userId("crm-rep-2"))
          .update();

      // rep-2 covers New York by the whole state: Jia (by her practice) and the desk (by its own
      // ZIP), not Missouri
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(200);
      assertThat(rep2.get("/api/v1/contacts/" + desk).statusCode()).isEqualTo(200);
      assertThat(rep2.get("/api/v1/contacts/" + onifade).statusCode()).isEqualTo(404);
      assertThat(json(rep2.get("/api/v1/contacts?territoryId=" + newYork)).get("items").toString())
          .contains(jia, desk)
          .doesNotContain(onifade);
      // rep-3 has no territory: none of them
      assertThat(rep3.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(404);
      assertThat(json(rep3.get("/api/v1/contacts")).get("items").toString())
          .doesNotContain(jia)
          .doesNotContain(desk);

      // New York County (36061, home of 10013 and 10001) aligned to another territory takes both
      // out of the state's
      tenants
          .owner()
          .sql(
              "INSERT INTO territory_county (tenant_id, county_geoid, territory_id) VALUES (?, '36061', ?)")
          .params(tenant, manhattan)
          .update();
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(404);
      assertThat(rep2.get("/api/v1/contacts/" + desk).statusCode()).isEqualTo(404);
      assertThat(
              json(as("crm-admin").get("/api/v1/contacts?territoryId=" + newYork))
                  .get("items")
                  .toString())
          .doesNotContain(jia);
      // and so does 10013 aligned by ZIP elsewhere, once the county is the state's again
      tenants
          .owner()
          .sql("DELETE FROM territory_county WHERE territory_id = ?")
          .param(manhattan)
          .update();
      tenants
          .owner()
          .sql("INSERT INTO territory_zip (tenant_id, zip5, territory_id) VALUES (?, '10013', ?)")
          .params(tenant, manhattan)
          .update();
      assertThat(rep2.get("/api/v1/contacts/" + jia).statusCode()).isEqualTo(404);
      assertThat(rep2.get("/api/v1/contacts/" + desk).statusCode()).isEqualTo(200);
    } finally {
      tenants
          .owner()
          .sql("DELETE FROM territory WHERE id IN (?, ?)")
          .params(newYork, manhattan)
          .update();
    }
  }

  @Test
  void anOpportunityMovesAcrossTheBoardAndCountsInTheForecast() {
    var rep = as("crm-rep");
    JsonNode stages = json(rep.get("/api/v1/opportunities/stages"));
    assertThat(stages.get(0).get("name").asString()).isEqualTo("Prospect");
    String proposal = stages.get(3).get("id").asString();
    var created =
        rep.post(
            "/api/v1/opportunities",
            "{\"name\": \"Cath lab refresh\", \"amount\": 250000, \"closeDate\": \""
                + LocalDate.now().withDayOfMonth(28)
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asString();

    var moved =
        rep.patch(
            "/api/v1/opportunities/" + id, "{\"version\": 0, \"stageId\": \"" + proposal + "\"}");

    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(json(moved).get("stageName").asString()).isEqualTo("Proposal");
    JsonNode board = json(rep.get("/api/v1/opportunities/board"));
    assertThat(board.get(3).get("opportunities").get(0).get("id").asString()).isEqualTo(id);
    assertThat(board.get(0).get("opportunities")).isEmpty();
    JsonNode month = json(rep.get("/api/v1/opportunities/forecast?months=3")).get(0);
    assertThat(month.get("amount").decimalValue()).isEqualByComparingTo("250000");
    assertThat(month.get("weighted").decimalValue()).isEqualByComparingTo("175000");
    // only admins configure the stages
    assertThat(
            rep.put(
                    "/api/v1/opportunities/stages",
                    "[{\"name\": \"Only\", \"probability\": 5, \"outcome\": \"OPEN\"}]")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void removingAStageKeepsItsDeletedDealsRestorableInTheFirstStage() {
    var admin = as("crm-admin");
    var rep = as("crm-rep");
    List<String> stages = new ArrayList<>();
    json(admin.get("/api/v1/opportunities/stages"))
        .forEach(
            stage ->
                stages.add(
                    JSON.writeValueAsString(
                        java.util.Map.of(
                            "id",
                            stage.get("id").asString(),
                            "name",
                            stage.get("name").asString(),
                            "probability",
                            stage.get("probability").asInt(),
                            "outcome",
                            stage.get("outcome").asString()))));
    String original = "[" + String.join(",", stages) + "]";
    var withLead =
        admin.put(
            "/api/v1/opportunities/stages",
            "["
                + String.join(",", stages)
                + ",{\"name\": \"Trade show lead\", \"probability\": 5, \"outcome\": \"OPEN\"}]");
    assertThat(withLead.statusCode()).as(withLead.body()).isEqualTo(200);
    String lead = json(withLead).get(stages.size()).get("id").asString();
    String deleted =
        json(rep.post(
                "/api/v1/opportunities",
                "{\"name\": \"Booth visitor\", \"stageId\": \"" + lead + "\"}"))
            .get("id")
            .asString();
    String active =
        json(rep.post(
                "/api/v1/opportunities",
                "{\"name\": \"Booth follow-up\", \"stageId\": \"" + lead + "\"}"))
            .get("id")
            .asString();
    assertThat(rep.delete("/api/v1/opportunities/" + deleted).statusCode()).isEqualTo(204);

    // a stage with a current deal stays; once only deleted deals are left in it, it goes
    assertThat(admin.put("/api/v1/opportunities/stages", original).statusCode()).isEqualTo(400);
    assertThat(rep.delete("/api/v1/opportunities/" + active).statusCode()).isEqualTo(204);
    var removed = admin.put("/api/v1/opportunities/stages", original);

    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(json(removed)).hasSize(stages.size());
    var restored = rep.post("/api/v1/opportunities/" + deleted + "/restore", "{}");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(json(rep.get("/api/v1/opportunities/" + deleted)).get("stageName").asString())
        .isEqualTo("Prospect");
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT old_value #>> '{}' FROM crm_change WHERE entity_id = ?::uuid AND field = 'stage_id'")
                .param(deleted)
                .query(String.class)
                .list())
        .containsExactly(lead);
  }

  @Test
  void importsAnotherCrmsContactsMatchingMisspeltNamesWithAConfidenceAndKeepingTheUnmatched() {
    var rep = as("crm-rep");
    contactFor(rep, ONIFADE);
    tenants
        .owner()
        .sql("DELETE FROM contact WHERE tenant_id = ? AND source = 'IMPORT'")
        .param(tenant)
        .update();
    tenants
        .owner()
        .sql("DELETE FROM contact WHERE tenant_id = ? AND npi = ?")
        .params(tenant, Long.parseLong(JIA))
        .update();
    String csv =
        """
        First Name,Last Name,Specialty,Zip,Email
        Changpnig,Jia,Internal Medicine,10013,cjia@example.org
        Moyosore,Onifade,Internal Medicine,63136,m.onifade@example.org
        Jane,Nobodyknows,Cardiology,99501,jane@example.org
        ,,Dermatology,10001,
        """;

    JsonNode preview =
        json(
            rep.post(
                "/api/v1/contacts/import/preview",
                JSON.writeValueAsString(java.util.Map.of("csv", csv))));

    assertThat(preview.get("rejects").get(0).get("line").asLong()).isEqualTo(5);
    JsonNode rows = preview.get("rows");
    assertThat(rows.get(0).get("match").get("npi").asString()).isEqualTo(JIA);
    assertThat(rows.get(0).get("status").asString()).isIn("MATCHED", "REVIEW");
    assertThat(rows.get(0).get("confidence").asDouble()).isBetween(0.45, 1.0);
    assertThat(rows.get(1).get("status").asString()).isEqualTo("DUPLICATE");
    assertThat(rows.get(1).get("confidence").asDouble())
        .isGreaterThan(rows.get(0).get("confidence").asDouble());
    assertThat(rows.get(2).get("status").asString()).isEqualTo("UNMATCHED");
    // a file with rejects imports nothing
    assertThat(
            rep.post(
                    "/api/v1/contacts/import",
                    JSON.writeValueAsString(java.util.Map.of("csv", csv)))
                .statusCode())
        .isEqualTo(400);

    String fixed = csv.lines().limit(4).collect(java.util.stream.Collectors.joining("\n"));
    var imported =
        rep.post(
            "/api/v1/contacts/import",
            JSON.writeValueAsString(
                java.util.Map.of("csv", fixed, "decisions", java.util.Map.of("2", JIA))));

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(json(imported).get("linked").asInt()).isEqualTo(1);
    assertThat(json(imported).get("plain").asInt()).isEqualTo(1);
    assertThat(json(imported).get("mergedIntoExisting").asInt()).isEqualTo(1);
    JsonNode jia = json(rep.get("/api/v1/contacts?npi=" + JIA)).get("items").get(0);
    assertThat(jia.get("email").asString()).isEqualTo("cjia@example.org");
    assertThat(jia.get("displayName").asString()).isEqualTo("CHANGPING JIA");
    JsonNode jane = json(rep.get("/api/v1/contacts?q=nobodyknows")).get("items").get(0);
    assertThat(jane.get("npi").isNull()).isTrue();
    assertThat(jane.get("source").asString()).isEqualTo("IMPORT");
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT import_row->>'specialty' FROM contact WHERE last_name = 'Nobodyknows' AND tenant_id = ?")
                .param(tenant)
                .query(String.class)
                .single())
        .isEqualTo("Cardiology");
    JsonNode onifade = json(rep.get("/api/v1/contacts?npi=" + ONIFADE)).get("items").get(0);
    assertThat(onifade.get("email").asString()).isEqualTo("m.onifade@example.org");
  }
}
