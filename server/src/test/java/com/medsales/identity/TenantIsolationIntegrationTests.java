package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.platform.TenantScope;
import com.medsales.testing.ApiOperations;
import com.medsales.testing.ApiOperations.Operation;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Isolation between tenants, twice over: every API operation of the OpenAPI document, called by
 * another tenant's administrator and by a user without the role, is refused and leaks nothing; and
 * every tenant-owned table, queried through the application's own database role with the wrong
 * tenant set, shows no row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "isolation test passphrase";
  static final String MARKER = "alpha-secret";

  /**
   * Public datasets: readable by every signed-in user of every tenant, so neither refusal applies.
   */
  static final Set<String> PUBLIC_DATA =
      Set.of(
          "GET /api/v1/providers",
          "GET /api/v1/providers/{npi}",
          "GET /api/v1/organizations",
          "GET /api/v1/organizations/{npi}",
          "GET /api/v1/taxonomies");

  /** The ways in, open by design. */
  static final Set<String> ENTRY_POINTS =
      Set.of(
          "POST /api/v1/auth/token",
          "POST /api/v1/auth/session",
          "GET /api/v1/auth/session",
          "DELETE /api/v1/auth/session",
          "GET /api/v1/auth/invitations/{token}",
          "POST /api/v1/auth/invitations/{token}");

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired JdbcClient appJdbc;
  @Autowired PlatformTransactionManager transactions;

  TestTenants tenants;
  UUID alpha;
  UUID beta;
  Map<String, String> alphaIds;
  Map<String, String> alphaCrm;

  @BeforeEach
  void twoTenants() {
    tenants = new TestTenants(bulk, passwords);
    alpha = tenants.tenant("alpha");
    beta = tenants.tenant("beta");
    UUID alphaAdmin = tenants.user(alpha, MARKER + "-admin", PASSWORD, "ADMIN");
    UUID alphaRep = tenants.user(alpha, MARKER + "-rep", PASSWORD, "REP");
    tenants.user(beta, "beta-admin", PASSWORD, "ADMIN");
    for (String table :
        List.of(
            "home_visit",
            "target_list",
            "notification",
            "notification_device",
            "notification_preference",
            "notification_setting",
            "crm_change",
            "task",
            "opportunity",
            "pipeline_stage",
            "activity_attendee",
            "activity",
            "contact",
            "account",
            "territory_assignment",
            "territory_state",
            "territory_county",
            "territory_zip",
            "territory",
            "team",
            "invitation",
            "api_token",
            "basket",
            "export")) {
      tenants.owner().sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(alpha).update();
    }
    tenants.owner().sql("DELETE FROM sign_in_failure").update();

    var alphaAdminBrowser = new TestBrowser(port);
    assertThat(alphaAdminBrowser.signIn(MARKER + "-admin", PASSWORD).statusCode()).isEqualTo(200);
    var teamResponse =
        alphaAdminBrowser.post(
            "/api/v1/admin/teams",
            "{\"name\": \""
                + MARKER
                + " team\", \"managerId\": \""
                + alphaAdmin
                + "\", \"memberIds\": [\""
                + alphaRep
                + "\"]}");
    assertThat(teamResponse.statusCode()).as(teamResponse.body()).isEqualTo(201);
    String team = json(teamResponse).get("id").asString();
    tenants
        .owner()
        .sql(
            "INSERT INTO tenant_sso (tenant_id, issuer_uri, client_id, client_secret_ref) VALUES (?, 'https://idp.alpha.example', 'medsales', 'ALPHA_OIDC_SECRET') ON CONFLICT DO NOTHING")
        .param(alpha)
        .update();
    String invitation =
        json(alphaAdminBrowser.post(
                "/api/v1/admin/invitations",
                "{\"email\": \""
                    + MARKER
                    + "@example.com\", \"displayName\": \""
                    + MARKER
                    + " invitee\", \"roles\": [\"REP\"]}"))
            .get("invitation")
            .get("id")
            .asString();
    String token =
        json(alphaAdminBrowser.post(
                "/api/v1/me/tokens",
                "{\"name\": \""
                    + MARKER
                    + " token\", \"scope\": \"READ_WRITE\", \"expiresInDays\": 5}"))
            .get("id")
            .asString();
    alphaCrm = crmRecordsOf(alphaAdmin, alphaRep);
    String notification =
        tenants
            .insert(
                """
                INSERT INTO notification (tenant_id, user_id, type, event_key, batch_key, title, body)
                VALUES (?, ?, 'ASSIGNED', 'alpha-event', 'alpha-event', ?, 'alpha body') RETURNING id
                """,
                alpha,
                alphaAdmin,
                MARKER + " notification")
            .toString();
    String device =
        tenants
            .insert(
                "INSERT INTO notification_device (tenant_id, user_id, token, platform) VALUES (?, ?, ?, 'WEB') RETURNING id",
                alpha,
                alphaAdmin,
                MARKER + "-device-token")
            .toString();
    tenants
        .owner()
        .sql(
            "INSERT INTO notification_preference (tenant_id, user_id, type, in_app, email, push) VALUES (?, ?, 'ASSIGNED', true, false, false)")
        .params(alpha, alphaAdmin)
        .update();
    tenants
        .owner()
        .sql(
            "INSERT INTO notification_setting (user_id, tenant_id, email_mode) VALUES (?, ?, 'DAILY_DIGEST')")
        .params(alphaAdmin, alpha)
        .update();
    String export =
        tenants
            .insert(
                "INSERT INTO export (tenant_id, user_id, username, display_name, roles, kind, format, params,"
                    + " expected_rows, expires_at) VALUES (?, ?, ?, 'x', ARRAY['ADMIN'], 'contacts', 'CSV',"
                    + " '{}', 0, now() + interval '7 days') RETURNING id",
                alpha,
                alphaAdmin,
                MARKER + "-admin")
            .toString();
    alphaIds =
        Map.ofEntries(
            Map.entry("contacts", alphaCrm.get("contact")),
            Map.entry("accounts", alphaCrm.get("account")),
            Map.entry("activities", alphaCrm.get("activity")),
            Map.entry("opportunities", alphaCrm.get("opportunity")),
            Map.entry("tasks", alphaCrm.get("task")),
            Map.entry("territories", alphaCrm.get("territory")),
            Map.entry("baskets", alphaCrm.get("basket")),
            Map.entry("target-lists", alphaCrm.get("target-list")),
            Map.entry("users", alphaRep.toString()),
            Map.entry("teams", team),
            Map.entry("invitations", invitation),
            Map.entry("runs", "1"),
            Map.entry("npi", "1003000126"),
            Map.entry("token", "inv_unknown"),
            Map.entry("me/tokens", token),
            Map.entry("notifications", notification),
            Map.entry("me/devices", device),
            Map.entry("exports", export));
  }

  /**
   * One row of alpha's in each CRM table, written as the owner, so the database test has something
   * to hide.
   */
  Map<String, String> crmRecordsOf(UUID admin, UUID rep) {
    var owner = tenants.owner();
    UUID territory =
        tenants.insert(
            "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', ?) RETURNING id",
            alpha,
            MARKER + " territory");
    owner
        .sql("INSERT INTO territory_zip (tenant_id, zip5, territory_id) VALUES (?, '10013', ?)")
        .params(alpha, territory)
        .update();
    owner
        .sql("INSERT INTO territory_state (tenant_id, state, territory_id) VALUES (?, 'VT', ?)")
        .params(alpha, territory)
        .update();
    owner
        .sql(
            "INSERT INTO territory_county (tenant_id, county_geoid, territory_id) VALUES (?, '36087', ?)")
        .params(alpha, territory)
        .update();
    owner
        .sql(
            "INSERT INTO territory_assignment (tenant_id, territory_id, user_id, kind) VALUES (?, ?, ?, 'PRIMARY')")
        .params(alpha, territory, rep)
        .update();
    UUID account =
        tenants.insert(
            "INSERT INTO account (tenant_id, name, kind, owner_id) VALUES (?, ?, 'HOSPITAL', ?) RETURNING id",
            alpha,
            MARKER + " hospital",
            rep);
    UUID contact =
        tenants.insert(
            "INSERT INTO contact (tenant_id, last_name, owner_id, account_id) VALUES (?, ?, ?, ?) RETURNING id",
            alpha,
            MARKER + " contact",
            rep,
            account);
    UUID activity =
        tenants.insert(
            "INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id) VALUES (?, 'CALL', now(), ?, ?) RETURNING id",
            alpha,
            MARKER + " call",
            rep);
    owner
        .sql("INSERT INTO activity_attendee (tenant_id, activity_id, contact_id) VALUES (?, ?, ?)")
        .params(alpha, activity, contact)
        .update();
    UUID stage =
        tenants.insert(
            "INSERT INTO pipeline_stage (tenant_id, name, position, probability) VALUES (?, 'Qualify', 1, 10) RETURNING id",
            alpha);
    UUID opportunity =
        tenants.insert(
            "INSERT INTO opportunity (tenant_id, name, stage_id, owner_id) VALUES (?, ?, ?, ?) RETURNING id",
            alpha,
            MARKER + " deal",
            stage,
            rep);
    UUID task =
        tenants.insert(
            "INSERT INTO task (tenant_id, title, assignee_id, created_by, opportunity_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
            alpha,
            MARKER + " task",
            rep,
            admin,
            opportunity);
    owner
        .sql(
            "INSERT INTO crm_change (tenant_id, entity, entity_id, field, new_value, changed_by) VALUES (?, 'contact', ?, 'last_name', '\"x\"', ?)")
        .params(alpha, contact, rep)
        .update();
    // a basket with a computed result, so that each of its tables has a row to hide
    UUID basket =
        tenants.insert(
            "INSERT INTO basket (tenant_id, name, source, metric) VALUES (?, ?, 'PARTD', 'CLAIMS') RETURNING id",
            alpha,
            MARKER + " basket");
    owner
        .sql(
            "INSERT INTO basket_item (tenant_id, basket_id, position, code, role) VALUES (?, ?, 0, 'LISINOPRIL', 'OWN')")
        .params(alpha, basket)
        .update();
    long computation =
        owner
            .sql(
                """
                INSERT INTO basket_computation (tenant_id, basket_id, data_year, state, source_run, basket_version)
                VALUES (?, ?, 2013, 'LIVE', -1, 0) RETURNING id""")
            .params(alpha, basket)
            .query(Long.class)
            .single();
    owner
        .sql(
            """
            INSERT INTO basket_result (computation_id, tenant_id, npi, state, volume, own_volume, suppressed_cells,
                                       decile, state_decile) VALUES (?, ?, 1003000126, 'NY', 12, 12, 0, 10, 10)""")
        .params(computation, alpha)
        .update();
    owner
        .sql(
            "INSERT INTO basket_decile (computation_id, tenant_id, state, decile, providers, volume) VALUES (?, ?, NULL, 10, 1, 12)")
        .params(computation, alpha)
        .update();
    // a target list with a member, a re-evaluation that changed it, and the rep's last visit
    UUID targetList =
        tenants.insert(
            "INSERT INTO target_list (tenant_id, name, period_start, period_end, owner_id, rule)"
                + " VALUES (?, ?, DATE '2026-01-01', DATE '2026-03-31', ?, 'state=VT') RETURNING id",
            alpha,
            MARKER + " list",
            rep);
    owner
        .sql(
            "INSERT INTO target_member (tenant_id, list_id, npi, by_rule) VALUES (?, ?, 1003000126, true)")
        .params(alpha, targetList)
        .update();
    long change =
        owner
            .sql(
                "INSERT INTO target_list_change (tenant_id, list_id, trigger, joined_count, left_count)"
                    + " VALUES (?, ?, 'created', 1, 0) RETURNING id")
            .params(alpha, targetList)
            .query(Long.class)
            .single();
    owner
        .sql(
            "INSERT INTO target_list_change_member (change_id, tenant_id, npi, joined, reason)"
                + " VALUES (?, ?, 1003000126, true, 'joined: matches the rule')")
        .params(change, alpha)
        .update();
    owner
        .sql("INSERT INTO home_visit (tenant_id, user_id) VALUES (?, ?)")
        .params(alpha, rep)
        .update();
    return Map.of(
        "basket",
        basket.toString(),
        "target-list",
        targetList.toString(),
        "territory",
        territory.toString(),
        "account",
        account.toString(),
        "contact",
        contact.toString(),
        "activity",
        activity.toString(),
        "opportunity",
        opportunity.toString(),
        "task",
        task.toString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  List<Operation> operations() {
    return ApiOperations.of(json(new TestBrowser(port).get("/v3/api-docs")), ApiOperations.ALL);
  }

  String concrete(String path) {
    String result = path;
    // the id of an alpha object of the kind the path names ({id} after /users, /teams, ...)
    for (var entry : alphaIds.entrySet()) {
      result =
          result.replace(
              "/" + entry.getKey() + "/{id}", "/" + entry.getKey() + "/" + entry.getValue());
    }
    return result
        .replace("{npi}", alphaIds.get("npi"))
        .replace("{token}", alphaIds.get("token"))
        .replace("{zip}", "10013");
  }

  static String body(Operation op) {
    return switch (op.key()) {
      case "PATCH /api/v1/admin/users/{id}" -> "{\"enabled\": false}";
      case "POST /api/v1/admin/teams", "PUT /api/v1/admin/teams/{id}" ->
          "{\"name\": \"beta team\", \"memberIds\": []}";
      case "POST /api/v1/admin/invitations" ->
          "{\"email\": \"b@example.com\", \"displayName\": \"B\", \"roles\": [\"REP\"]}";
      case "POST /api/v1/me/tokens" ->
          "{\"name\": \"beta\", \"scope\": \"READ\", \"expiresInDays\": 1}";
      case "POST /api/v1/me/password" ->
          "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"" + PASSWORD + "\"}";
      case "PUT /api/v1/admin/sso" ->
          "{\"issuerUri\": \"https://idp.beta.example\", \"clientId\": \"m\","
              + " \"clientSecretRef\": \"BETA_SECRET\", \"defaultRoles\": [\"REP\"], \"enabled\": false}";
      case "POST /api/v1/admin/ingestion/runs" ->
          "{\"dataset\": \"nppes-weekly\", \"source\": \"/nonexistent.csv\"}";
      case "POST /api/v1/territories" -> "{\"name\": \"beta territory\", \"level\": \"TERRITORY\"}";
      case "PATCH /api/v1/territories/{id}" -> "{\"name\": \"beta's now\", \"version\": 0}";
      case "PUT /api/v1/territories/{id}/states" -> "{\"states\": [\"NJ\"]}";
      case "PUT /api/v1/territories/{id}/counties" -> "{\"counties\": [\"34003\"]}";
      case "PUT /api/v1/territories/{id}/assignments" -> "{\"assignments\": []}";
      case "POST /api/v1/target-lists" ->
          "{\"name\": \"beta list\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-03-31\"}";
      case "POST /api/v1/target-lists/{id}/members" -> "{\"npis\": [\"1003000126\"]}";
      case "POST /api/v1/target-lists/{id}/members/bulk" ->
          "{\"npis\": [\"1003000126\"], \"tier\": \"A\"}";
      case "PATCH /api/v1/target-lists/{id}/members/{npi}" -> "{\"tier\": \"C\"}";
      default -> op.method().equals("PATCH") ? "{\"version\": 0}" : "{}";
    };
  }

  @Test
  void everyOperationRefusesAnotherTenantsAdministratorAndAUserWithoutTheRoleAndLeaksNothing() {
    var betaAdmin =
        new TestBrowser(port)
            .withoutCsrfHeader()
            .bearer(
                json(new TestBrowser(port)
                        .post(
                            "/api/v1/auth/token",
                            "{\"username\": \"beta-admin\", \"password\": \"" + PASSWORD + "\"}"))
                    .get("accessToken")
                    .asString());
    var alphaRep =
        new TestBrowser(port)
            .withoutCsrfHeader()
            .bearer(
                json(new TestBrowser(port)
                        .post(
                            "/api/v1/auth/token",
                            "{\"username\": \""
                                + MARKER
                                + "-rep\", \"password\": \""
                                + PASSWORD
                                + "\"}"))
                    .get("accessToken")
                    .asString());
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThan(20);
    Set<String> checked = new TreeSet<>();

    for (Operation op : operations) {
      if (ENTRY_POINTS.contains(op.key()) || PUBLIC_DATA.contains(op.key())) {
        continue;
      }
      String path = concrete(op.path());
      var asOtherTenant = betaAdmin.send(op.method(), path, body(op));
      assertThat(leaks(asOtherTenant))
          .as("%s as another tenant's admin leaks: %s", op.key(), asOtherTenant.body())
          .isFalse();
      if (op.path().contains("{id}")) {
        assertThat(asOtherTenant.statusCode())
            .as("%s as another tenant's admin", op.key())
            .isIn(403, 404);
      }
      if (op.path().startsWith("/api/v1/admin/")) {
        var withoutRole = alphaRep.send(op.method(), path, body(op));
        assertThat(withoutRole.statusCode()).as("%s as a REP", op.key()).isEqualTo(403);
        assertThat(leaks(withoutRole)).isFalse();
      }
      checked.add(op.key());
    }

    // nothing of alpha's was changed by all of that
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM team WHERE tenant_id = ?")
                .param(alpha)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            tenants
                .owner()
                .sql("SELECT enabled FROM app_user WHERE id = ?::uuid")
                .param(alphaIds.get("users"))
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            tenants
                .owner()
                .sql("SELECT revoked_at IS NULL FROM api_token WHERE id = ?::uuid")
                .param(alphaIds.get("me/tokens"))
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT read_at IS NULL AND EXISTS (SELECT 1 FROM notification_device WHERE id = ?::uuid)"
                        + " FROM notification WHERE id = ?::uuid")
                .params(alphaIds.get("me/devices"), alphaIds.get("notifications"))
                .query(Boolean.class)
                .single())
        .as("alpha's notification unread and device registered")
        .isTrue();
    for (String table : List.of("contact", "account", "activity", "opportunity", "task")) {
      assertThat(
              tenants
                  .owner()
                  .sql(
                      "SELECT deleted_at IS NULL AND version = 0 FROM "
                          + table
                          + " WHERE id = ?::uuid")
                  .param(alphaCrm.get(table))
                  .query(Boolean.class)
                  .single())
          .as("alpha's %s untouched", table)
          .isTrue();
    }
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT name || version || (SELECT count(*) FROM target_member m WHERE m.list_id = l.id AND m.tier IS NULL)"
                        + " FROM target_list l WHERE id = ?::uuid")
                .param(alphaCrm.get("target-list"))
                .query(String.class)
                .single())
        .as("alpha's target list untouched")
        .isEqualTo(MARKER + " list01");
    // alpha's territory kept its name, its ZIP, its county and its rep
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT name || (SELECT count(*) FROM territory_zip z WHERE z.territory_id = t.id)"
                        + " || (SELECT count(*) FROM territory_county c WHERE c.territory_id = t.id)"
                        + " || (SELECT count(*) FROM territory_assignment a WHERE a.territory_id = t.id) FROM territory t WHERE id = ?")
                .param(UUID.fromString(alphaCrm.get("territory")))
                .query(String.class)
                .single())
        .isEqualTo(MARKER + " territory111");
    assertThat(checked)
        .contains(
            "PATCH /api/v1/territories/{id}",
            "DELETE /api/v1/territories/{id}/zips/{zip}",
            "POST /api/v1/territories/alignment/apply",
            "GET /api/v1/territories/{id}/stats");
    assertThat(checked)
        .contains(
            "GET /api/v1/admin/users/{id}",
            "PATCH /api/v1/admin/users/{id}",
            "DELETE /api/v1/admin/teams/{id}",
            "DELETE /api/v1/me/tokens/{id}",
            "GET /api/v1/admin/audit",
            "GET /api/v1/admin/ingestion/runs",
            "PATCH /api/v1/contacts/{id}",
            "DELETE /api/v1/accounts/{id}",
            "POST /api/v1/tasks/{id}/restore",
            "GET /api/v1/activities/{id}",
            "PATCH /api/v1/opportunities/{id}");
  }

  boolean leaks(HttpResponse<String> response) {
    // a ProblemDetail's instance echoes the path the caller sent: that is not alpha's data
    String body = response.body().replace(response.uri().getPath(), "");
    return body.contains(MARKER)
        || body.contains(alpha.toString())
        || alphaIds.values().stream().filter(id -> id.length() > 20).anyMatch(body::contains);
  }

  @Test
  void everyTenantTableHasRowLevelSecurityAndShowsNoRowToTheWrongTenant() {
    List<String> tables =
        tenants
            .owner()
            .sql(
                """
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
                ORDER BY 1
                """)
            .query(String.class)
            .list();
    assertThat(tables)
        .contains("app_user", "team", "team_member", "invitation", "api_token", "audit_event");

    for (String table : tables) {
      assertThat(
              tenants
                  .owner()
                  .sql("SELECT relrowsecurity FROM pg_class WHERE oid = ?::regclass")
                  .param(table)
                  .query(Boolean.class)
                  .single())
          .as("row-level security on %s", table)
          .isTrue();
      long alphaRows =
          tenants
              .owner()
              .sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")
              .param(alpha)
              .query(Long.class)
              .single();
      assertThat(alphaRows).as("alpha has rows in %s", table).isPositive();

      long seenByBeta =
          TenantScope.ofTenant(beta)
              .call(
                  () ->
                      new TransactionTemplate(transactions)
                          .execute(
                              tx ->
                                  appJdbc
                                      .sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")
                                      .param(alpha)
                                      .query(Long.class)
                                      .single()));
      long seenByNobody =
          new TransactionTemplate(transactions)
              .execute(
                  tx -> appJdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
      long seenOutsideTransactions =
          appJdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();

      assertThat(seenByBeta).as("%s rows of alpha seen by beta", table).isZero();
      assertThat(seenByNobody).as("%s rows seen with no tenant set", table).isZero();
      assertThat(seenOutsideTransactions).as("%s rows seen outside a transaction", table).isZero();
    }
    // and the application's role cannot write another tenant's rows either
    int hijacked =
        TenantScope.ofTenant(beta)
            .call(
                () ->
                    new TransactionTemplate(transactions)
                        .execute(
                            tx ->
                                appJdbc
                                    .sql("UPDATE app_user SET enabled = false WHERE tenant_id = ?")
                                    .param(alpha)
                                    .update()));
    assertThat(hijacked).isZero();
  }

  @Test
  void theApplicationRoleReadsPublicDataButCannotWriteItNorChangeTheAuditTrail() {
    var tx = new TransactionTemplate(transactions);
    Long providers =
        tx.execute(s -> appJdbc.sql("SELECT count(*) FROM provider").query(Long.class).single());
    assertThat(providers).isNotNull();
    for (String write :
        List.of(
            "DELETE FROM provider",
            "UPDATE taxonomy SET code = code",
            "DELETE FROM audit_event",
            "UPDATE audit_event SET outcome = 'SUCCESS'",
            "INSERT INTO tenant (slug, name) VALUES ('x-tenant', 'x')")) {
      try {
        TenantScope.ofTenant(alpha).run(() -> tx.execute(s -> appJdbc.sql(write).update()));
        throw new AssertionError("the application role could run: " + write);
      } catch (org.springframework.dao.DataAccessException expected) {
        assertThat(expected.getMostSpecificCause().getMessage()).contains("permission denied");
      }
    }
  }
}
