package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.ApiOperations;
import com.medsales.testing.ApiOperations.Operation;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read-only token never writes, whatever the path and whatever its user's roles: every operation
 * of the OpenAPI document that is not a read (so operations added later are covered without listing
 * them here), called with the READ token of a tenant administrator and of a platform operator, is
 * refused with a 403 ProblemDetail that says the token is read-only, and nothing in the database
 * changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadOnlyTokenIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "read-only test passphrase";

  /** The ways in: open to anyone by design, so a token's scope is not what decides them. */
  static final Set<String> ENTRY_POINTS =
      Set.of(
          "POST /api/v1/auth/token",
          "POST /api/v1/auth/session",
          "POST /api/v1/auth/invitations/{token}");

  /** Tables a write through the API could change; their rows are compared before and after. */
  static final List<String> WATCHED =
      List.of(
          "tenant",
          "tenant_sso",
          "app_user",
          "team",
          "team_member",
          "invitation",
          "ingestion_run",
          "account",
          "contact",
          "activity",
          "activity_attendee",
          "opportunity",
          "pipeline_stage",
          "task",
          "territory",
          "territory_zip",
          "territory_state",
          "territory_county",
          "territory_assignment",
          "crm_change");

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;

  TestTenants tenants;
  final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeEach
  void anAdministratorAndAnOperatorWithReadTokens() {
    tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant("readonly");
    UUID admin = tenants.user(tenant, "readonly-admin", PASSWORD, "ADMIN");
    UUID manager = tenants.user(tenant, "readonly-manager", PASSWORD, "MANAGER");
    tenants.user(null, "readonly-operator", PASSWORD, "OPERATOR");
    tenants.owner().sql("DELETE FROM sign_in_failure").update();

    var adminBrowser = new TestBrowser(port);
    assertThat(adminBrowser.signIn("readonly-admin", PASSWORD).statusCode()).isEqualTo(200);
    var team =
        adminBrowser.post(
            "/api/v1/admin/teams",
            "{\"name\": \"read-only team "
                + UUID.randomUUID()
                + "\", \"managerId\": \""
                + admin
                + "\", \"memberIds\": [\""
                + manager
                + "\"]}");
    assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
    var invitation =
        adminBrowser.post(
            "/api/v1/admin/invitations",
            "{\"email\": \"ro@example.com\", \"displayName\": \"RO\", \"roles\": [\"REP\"]}");
    var token =
        adminBrowser.post(
            "/api/v1/me/tokens",
            "{\"name\": \"rw\", \"scope\": \"READ_WRITE\", \"expiresInDays\": 5}");
    ids.put("users", manager.toString());
    ids.put("teams", json(team).get("id").asString());
    ids.put("invitations", json(invitation).get("invitation").get("id").asString());
    ids.put("me/tokens", json(token).get("id").asString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** Every operation of the OpenAPI document that is not a read. */
  List<Operation> writes() {
    return ApiOperations.of(json(new TestBrowser(port).get("/v3/api-docs")), ApiOperations.WRITES);
  }

  /** The path with a real id where the tenant has one of that kind, and a made-up one elsewhere. */
  String concrete(String path) {
    Matcher variable = Pattern.compile("/([a-z/-]+)/\\{[^}]+}").matcher(path);
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      String kind = variable.group(1);
      String id =
          ids.entrySet().stream()
              .filter(e -> kind.endsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(UUID.randomUUID().toString());
      variable.appendReplacement(result, Matcher.quoteReplacement("/" + kind + "/" + id));
    }
    variable.appendTail(result);
    return result.toString().replaceAll("\\{[^}]+}", "1");
  }

  static String body(Operation op) {
    return switch (op.key()) {
      case "PATCH /api/v1/admin/users/{id}" -> "{\"roles\": [\"ADMIN\"]}";
      case "POST /api/v1/admin/teams", "PUT /api/v1/admin/teams/{id}" ->
          "{\"name\": \"taken over\", \"memberIds\": []}";
      case "POST /api/v1/admin/invitations" ->
          "{\"email\": \"x@example.com\", \"displayName\": \"X\", \"roles\": [\"ADMIN\"]}";
      case "POST /api/v1/me/tokens" ->
          "{\"name\": \"more\", \"scope\": \"READ_WRITE\", \"expiresInDays\": 1}";
      case "POST /api/v1/me/password" ->
          "{\"currentPassword\": \""
              + PASSWORD
              + "\", \"newPassword\": \"a quite different passphrase\"}";
      case "POST /api/v1/admin/ingestion/runs" ->
          "{\"dataset\": \"nppes-weekly\", \"source\": \"/nonexistent.csv\"}";
      case "POST /api/v1/territories" ->
          "{\"name\": \"read-only territory\", \"level\": \"TERRITORY\"}";
      case "POST /api/v1/accounts" -> "{\"name\": \"read-only hospital\", \"kind\": \"HOSPITAL\"}";
      case "POST /api/v1/contacts" -> "{\"lastName\": \"read-only contact\"}";
      default -> op.method().equals("PATCH") ? "{\"version\": 0}" : "{}";
    };
  }

  String readToken(String username) {
    var browser = new TestBrowser(port);
    assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    var created =
        browser.post(
            "/api/v1/me/tokens",
            "{\"name\": \"read only\", \"scope\": \"READ\", \"expiresInDays\": 1}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("token").asString();
  }

  Map<String, String> snapshot() {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String table : WATCHED) {
      rows.put(
          table,
          tenants
              .owner()
              .sql(
                  "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                      + " FROM "
                      + table
                      + " t")
              .query(String.class)
              .single());
    }
    rows.put(
        "api_token",
        tenants
            .owner()
            .sql("SELECT count(*) || ':' || count(revoked_at) FROM api_token")
            .query(String.class)
            .single());
    return rows;
  }

  @Test
  void aReadTokenOfAnAdministratorOrAnOperatorCanDoNoWriteOfTheApi() {
    var admin = new TestBrowser(port).withoutCsrfHeader().bearer(readToken("readonly-admin"));
    var operator = new TestBrowser(port).withoutCsrfHeader().bearer(readToken("readonly-operator"));
    List<Operation> writes = writes();
    assertThat(writes)
        .extracting(Operation::key)
        .contains(
            "POST /api/v1/admin/users/{id}/password-reset",
            "PATCH /api/v1/admin/users/{id}",
            "POST /api/v1/admin/invitations",
            "DELETE /api/v1/admin/teams/{id}",
            "POST /api/v1/admin/ingestion/runs",
            "POST /api/v1/contacts");
    Map<String, String> before = snapshot();

    for (Operation op : writes) {
      for (var caller : Map.of("an administrator's", admin, "an operator's", operator).entrySet()) {
        var response = caller.getValue().send(op.method(), concrete(op.path()), body(op));
        String what = op.key() + " with " + caller.getKey() + " READ token";
        assertThat(response.statusCode())
            .as("%s: %s", what, response.body())
            .isGreaterThanOrEqualTo(400);
        assertThat(response.body())
            .as(what)
            .doesNotContain("temporaryPassword")
            .doesNotContain("\"token\"");
        if (!ENTRY_POINTS.contains(op.key())) {
          assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(403);
          assertThat(response.headers().firstValue("Content-Type"))
              .as(what)
              .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
          assertThat(json(response).get("detail").asString()).as(what).contains("read-only");
        }
      }
    }

    assertThat(snapshot()).isEqualTo(before);
    // the manager kept their password: the one from before still signs in
    assertThat(new TestBrowser(port).signIn("readonly-manager", PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aReadWriteTokenOfTheSameAdministratorStillWrites() {
    var browser = new TestBrowser(port);
    browser.signIn("readonly-admin", PASSWORD);
    String token =
        json(browser.post(
                "/api/v1/me/tokens",
                "{\"name\": \"rw\", \"scope\": \"READ_WRITE\", \"expiresInDays\": 1}"))
            .get("token")
            .asString();

    var renamed =
        new TestBrowser(port)
            .bearer(token)
            .patch("/api/v1/admin/users/" + ids.get("users"), "{\"displayName\": \"Renamed\"}");

    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(json(renamed).get("displayName").asString()).isEqualTo("Renamed");
  }
}
