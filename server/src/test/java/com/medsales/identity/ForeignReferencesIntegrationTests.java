package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.ApiOperations;
import com.medsales.testing.ApiOperations.Operation;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every id a request carries, in its path or its JSON body, is looked up in the caller's tenant:
 * walking every operation of the OpenAPI document as tenant beta's administrator, each path id and
 * each body field that references a record (found from the schemas: uuid fields, names ending in Id
 * or Ids) is sent once with tenant alpha's id and once with a random one. Both are refused the same
 * way (404 for a path, 400 naming the field or 404 for a body), as a ProblemDetail, and nothing of
 * alpha's changes. An operation added later is walked as well; one whose body carries an id this
 * test cannot place fails it until a baseline body is added below.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForeignReferencesIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "references test passphrase";

  /** The ways in, open by design; a path id there is a token, not a record. */
  static final Set<String> ENTRY_POINTS =
      Set.of(
          "POST /api/v1/auth/token",
          "POST /api/v1/auth/session",
          "GET /api/v1/auth/session",
          "DELETE /api/v1/auth/session",
          "GET /api/v1/auth/invitations/{token}",
          "POST /api/v1/auth/invitations/{token}");

  /**
   * Ingestion runs are the operators' and belong to no tenant: a tenant's administrator is refused
   * them whatever the id.
   */
  static final String OPERATORS_ONLY = "/api/v1/admin/ingestion/";

  /** The kind of record a path's {@code {id}} names, by the segment before it. */
  static final Map<String, String> PATH_KINDS =
      Map.ofEntries(
          Map.entry("contacts", "contact"),
          Map.entry("accounts", "account"),
          Map.entry("activities", "activity"),
          Map.entry("opportunities", "opportunity"),
          Map.entry("tasks", "task"),
          Map.entry("territories", "territory"),
          Map.entry("target-lists", "target-list"),
          Map.entry("users", "user"),
          Map.entry("teams", "team"),
          Map.entry("invitations", "invitation"),
          Map.entry("tokens", "token"),
          Map.entry("baskets", "basket"),
          Map.entry("notifications", "notification"),
          Map.entry("devices", "device"),
          Map.entry("exports", "export"));

  /** The kind of record a body field names, by the field's name. */
  static final Map<String, String> FIELD_KINDS =
      Map.ofEntries(
          Map.entry("accountId", "account"),
          Map.entry("contactId", "contact"),
          Map.entry("opportunityId", "opportunity"),
          Map.entry("activityId", "activity"),
          Map.entry("stageId", "stage"),
          Map.entry("ownerId", "user"),
          Map.entry("assigneeId", "user"),
          Map.entry("userId", "user"),
          Map.entry("memberIds", "user"),
          Map.entry("managerId", "admin"),
          Map.entry("parentId", "region"),
          Map.entry("territoryId", "territory"),
          Map.entry("attendeeIds", "contact"),
          Map.entry("teamId", "team"));

  /**
   * Names that end in Id but are no record of ours: the OpenID Connect client id the tenant
   * registered at its provider.
   */
  static final Set<String> NOT_REFERENCES = Set.of("clientId");

  /** Fields named plainly {@code id} or {@code ids}: the kind by operation. */
  static final Map<String, String> BARE_ID_KINDS =
      Map.of("POST /api/v1/contacts/bulk", "contact", "PUT /api/v1/opportunities/stages", "stage");

  /**
   * A body each operation would accept from beta with beta's own ids (${kind} stands for beta's
   * record of that kind): each id field in turn is then replaced by alpha's or a random id, so that
   * the id is all that is wrong.
   */
  static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry(
              "POST /api/v1/accounts",
              "{\"name\": \"b\", \"kind\": \"HOSPITAL\", \"ownerId\": \"${user}\"}"),
          Map.entry("PATCH /api/v1/accounts/{id}", "{\"version\": 0, \"ownerId\": \"${user}\"}"),
          Map.entry(
              "POST /api/v1/contacts",
              "{\"lastName\": \"b\", \"accountId\": \"${account}\", \"ownerId\": \"${user}\"}"),
          Map.entry(
              "PATCH /api/v1/contacts/{id}",
              "{\"version\": 0, \"accountId\": \"${account}\", \"ownerId\": \"${user}\"}"),
          Map.entry(
              "POST /api/v1/contacts/bulk",
              "{\"ids\": [\"${contact}\"], \"ownerId\": \"${user}\"}"),
          Map.entry(
              "POST /api/v1/activities",
              "{\"kind\": \"CALL\", \"subject\": \"b\", \"accountId\": \"${account}\", \"attendeeIds\": [\"${contact}\"]}"),
          Map.entry(
              "PATCH /api/v1/activities/{id}", "{\"version\": 0, \"accountId\": \"${account}\"}"),
          Map.entry(
              "POST /api/v1/tasks",
              "{\"title\": \"b\", \"assigneeId\": \"${user}\", \"contactId\": \"${contact}\","
                  + " \"accountId\": \"${account}\", \"opportunityId\": \"${opportunity}\"}"),
          Map.entry(
              "PATCH /api/v1/tasks/{id}",
              "{\"version\": 0, \"assigneeId\": \"${user}\", \"contactId\": \"${contact}\","
                  + " \"accountId\": \"${account}\", \"opportunityId\": \"${opportunity}\"}"),
          Map.entry(
              "PUT /api/v1/opportunities/stages",
              "[{\"id\": \"${stage}\", \"name\": \"Qualify\", \"probability\": 10, \"outcome\": \"OPEN\"}]"),
          Map.entry(
              "POST /api/v1/opportunities",
              "{\"name\": \"b\", \"accountId\": \"${account}\", \"contactId\": \"${contact}\","
                  + " \"stageId\": \"${stage}\", \"ownerId\": \"${user}\"}"),
          Map.entry(
              "PATCH /api/v1/opportunities/{id}",
              "{\"version\": 0, \"accountId\": \"${account}\", \"contactId\": \"${contact}\","
                  + " \"stageId\": \"${stage}\", \"ownerId\": \"${user}\"}"),
          Map.entry(
              "POST /api/v1/territories",
              "{\"name\": \"b2\", \"level\": \"TERRITORY\", \"parentId\": \"${region}\"}"),
          Map.entry(
              "PATCH /api/v1/territories/{id}", "{\"version\": 0, \"parentId\": \"${region}\"}"),
          Map.entry(
              "PUT /api/v1/territories/{id}/assignments",
              "{\"assignments\": [{\"userId\": \"${user}\", \"kind\": \"PRIMARY\"}]}"),
          Map.entry("PUT /api/v1/territories/{id}/states", "{\"states\": [\"NJ\"]}"),
          Map.entry("PUT /api/v1/territories/{id}/counties", "{\"counties\": [\"34003\"]}"),
          Map.entry(
              "POST /api/v1/admin/teams",
              "{\"name\": \"b team 2\", \"managerId\": \"${admin}\", \"memberIds\": [\"${user}\"]}"),
          Map.entry(
              "PUT /api/v1/admin/teams/{id}",
              "{\"name\": \"b team\", \"managerId\": \"${admin}\", \"memberIds\": [\"${user}\"]}"),
          Map.entry("PATCH /api/v1/admin/users/{id}", "{\"enabled\": false}"),
          Map.entry(
              "POST /api/v1/target-lists",
              "{\"name\": \"b\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-03-31\","
                  + " \"ownerId\": \"${user}\"}"),
          Map.entry(
              "PATCH /api/v1/target-lists/{id}", "{\"version\": 0, \"ownerId\": \"${user}\"}"),
          Map.entry("POST /api/v1/target-lists/{id}/members", "{\"npis\": [\"1003000126\"]}"),
          Map.entry(
              "POST /api/v1/target-lists/{id}/members/bulk",
              "{\"npis\": [\"1003000126\"], \"tier\": \"A\"}"));

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;

  TestTenants tenants;
  Map<String, String> alpha;
  Map<String, String> beta;
  TestBrowser betaAdmin;
  JsonNode docs;

  @BeforeEach
  void twoTenantsWithOneRecordOfEachKind() {
    tenants = new TestTenants(bulk, passwords);
    tenants.owner().sql("DELETE FROM sign_in_failure").update();
    alpha = recordsOf(tenants.tenant("refs-alpha"), "refs-alpha");
    beta = recordsOf(tenants.tenant("refs-beta"), "refs-beta");
    betaAdmin = signedIn("refs-beta-admin");
    docs = json(new TestBrowser(port).get("/v3/api-docs"));
  }

  TestBrowser signedIn(String username) {
    return new TestBrowser(port)
        .withoutCsrfHeader()
        .bearer(
            json(new TestBrowser(port)
                    .post(
                        "/api/v1/auth/token",
                        "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}"))
                .get("accessToken")
                .asString());
  }

  /**
   * A tenant's administrator and rep, and one record of every kind a request can name, written as
   * the owner.
   */
  Map<String, String> recordsOf(UUID tenant, String prefix) {
    var owner = tenants.owner();
    for (String table :
        List.of(
            "target_list",
            "notification",
            "notification_device",
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
            "team",
            "invitation",
            "api_token",
            "basket",
            "export")) {
      owner.sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(tenant).update();
    }
    owner
        .sql("DELETE FROM territory WHERE tenant_id = ? AND parent_id IS NOT NULL")
        .param(tenant)
        .update();
    owner.sql("DELETE FROM territory WHERE tenant_id = ?").param(tenant).update();
    UUID admin = tenants.user(tenant, prefix + "-admin", PASSWORD, "ADMIN");
    UUID rep = tenants.user(tenant, prefix + "-rep", PASSWORD, "REP");
    UUID region =
        tenants.insert(
            "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'REGION', ?) RETURNING id",
            tenant,
            prefix + " region");
    UUID territory =
        tenants.insert(
            "INSERT INTO territory (tenant_id, parent_id, level, name) VALUES (?, ?, 'TERRITORY', ?) RETURNING id",
            tenant,
            region,
            prefix + " territory");
    UUID account =
        tenants.insert(
            "INSERT INTO account (tenant_id, name, kind, owner_id) VALUES (?, ?, 'HOSPITAL', ?) RETURNING id",
            tenant,
            prefix + " hospital",
            rep);
    UUID contact =
        tenants.insert(
            "INSERT INTO contact (tenant_id, last_name, owner_id, account_id) VALUES (?, ?, ?, ?) RETURNING id",
            tenant,
            prefix + " contact",
            rep,
            account);
    UUID activity =
        tenants.insert(
            "INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id) VALUES (?, 'CALL', now(), ?, ?) RETURNING id",
            tenant,
            prefix + " call",
            rep);
    UUID stage =
        tenants.insert(
            "INSERT INTO pipeline_stage (tenant_id, name, position, probability) VALUES (?, 'Qualify', 1, 10) RETURNING id",
            tenant);
    UUID opportunity =
        tenants.insert(
            "INSERT INTO opportunity (tenant_id, name, stage_id, owner_id) VALUES (?, ?, ?, ?) RETURNING id",
            tenant,
            prefix + " deal",
            stage,
            rep);
    UUID task =
        tenants.insert(
            "INSERT INTO task (tenant_id, title, assignee_id, created_by) VALUES (?, ?, ?, ?) RETURNING id",
            tenant,
            prefix + " task",
            rep,
            admin);
    UUID team =
        tenants.insert(
            "INSERT INTO team (tenant_id, name, manager_id) VALUES (?, ?, ?) RETURNING id",
            tenant,
            prefix + " team",
            admin);
    UUID basket =
        tenants.insert(
            "INSERT INTO basket (tenant_id, name, source, metric) VALUES (?, ?, 'PARTD', 'CLAIMS') RETURNING id",
            tenant,
            prefix + " basket");
    UUID targetList =
        tenants.insert(
            "INSERT INTO target_list (tenant_id, name, period_start, period_end, owner_id)"
                + " VALUES (?, ?, DATE '2026-01-01', DATE '2026-03-31', ?) RETURNING id",
            tenant,
            prefix + " list",
            rep);
    var browser = new TestBrowser(port);
    assertThat(browser.signIn(prefix + "-admin", PASSWORD).statusCode()).isEqualTo(200);
    var invited =
        browser.post(
            "/api/v1/admin/invitations",
            "{\"email\": \""
                + prefix
                + "@example.com\", \"displayName\": \""
                + prefix
                + "\", \"roles\": [\"REP\"]}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String invitation = json(invited).get("invitation").get("id").asString();
    var issued =
        browser.post(
            "/api/v1/me/tokens",
            "{\"name\": \"" + prefix + "\", \"scope\": \"READ\", \"expiresInDays\": 1}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String token = json(issued).get("id").asString();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("admin", admin.toString());
    ids.put("user", rep.toString());
    ids.put("region", region.toString());
    ids.put("territory", territory.toString());
    ids.put("account", account.toString());
    ids.put("contact", contact.toString());
    ids.put("activity", activity.toString());
    ids.put("stage", stage.toString());
    ids.put("opportunity", opportunity.toString());
    ids.put("task", task.toString());
    ids.put("team", team.toString());
    ids.put("target-list", targetList.toString());
    ids.put("invitation", invitation);
    ids.put("token", token);
    ids.put("basket", basket.toString());
    ids.put(
        "notification",
        tenants
            .insert(
                """
                INSERT INTO notification (tenant_id, user_id, type, event_key, batch_key, title, body)
                VALUES (?, ?, 'ASSIGNED', ?, ?, 'assigned', 'body') RETURNING id
                """,
                tenant,
                admin,
                prefix,
                prefix)
            .toString());
    ids.put(
        "device",
        tenants
            .insert(
                "INSERT INTO notification_device (tenant_id, user_id, token, platform) VALUES (?, ?, ?, 'WEB') RETURNING id",
                tenant,
                admin,
                prefix + "-token")
            .toString());
    ids.put(
        "export",
        tenants
            .insert(
                "INSERT INTO export (tenant_id, user_id, username, display_name, roles, kind, format, params,"
                    + " expected_rows, expires_at) VALUES (?, ?, ?, 'x', ARRAY['ADMIN'], 'contacts', 'CSV',"
                    + " '{}', 0, now() + interval '7 days') RETURNING id",
                tenant,
                admin,
                prefix + "-admin")
            .toString());
    return ids;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  List<Operation> operations() {
    return ApiOperations.of(docs, ApiOperations.ALL);
  }

  @Test
  void everyIdInAPathOrABodyIsLookedUpInTheCallersTenantAndAForeignIdAnswersLikeAnUnknownOne() {
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThan(20);
    Set<String> checked = new TreeSet<>();
    for (Operation op : operations) {
      if (ENTRY_POINTS.contains(op.key()) || op.path().startsWith(OPERATORS_ONLY)) {
        continue;
      }
      for (String parameter : pathIds(op)) {
        String kind = PATH_KINDS.get(segmentBefore(op.path(), parameter));
        assertThat(kind)
            .as(
                "%s: which kind of record does {%s} name? Add it to PATH_KINDS",
                op.key(), parameter)
            .isNotNull();
        String body = op.spec().has("requestBody") ? bodyOf(op) : null;
        var foreign = betaAdmin.send(op.method(), path(op, parameter, alpha.get(kind)), body);
        String unknownId = UUID.randomUUID().toString();
        var unknown = betaAdmin.send(op.method(), path(op, parameter, unknownId), body);
        assertRefusedAlike(
            op.key() + " with {" + parameter + "} of another tenant",
            foreign,
            alpha.get(kind),
            unknown,
            unknownId,
            Set.of(404),
            null);
        checked.add(op.key() + " {" + parameter + "}");
      }
      for (String field : bodyIds(op)) {
        String kind = kindOf(op, field);
        String foreignBody = bodyWith(op, field, alpha.get(kind));
        String unknownId = UUID.randomUUID().toString();
        var foreign = betaAdmin.send(op.method(), path(op, null, null), foreignBody);
        var unknown =
            betaAdmin.send(op.method(), path(op, null, null), bodyWith(op, field, unknownId));
        assertRefusedAlike(
            op.key() + " with " + field + " of another tenant",
            foreign,
            alpha.get(kind),
            unknown,
            unknownId,
            Set.of(400, 404),
            field);
        checked.add(op.key() + " " + field);
      }
    }

    assertThat(checked)
        .contains(
            "POST /api/v1/contacts accountId",
            "PATCH /api/v1/contacts/{id} accountId",
            "POST /api/v1/tasks contactId",
            "POST /api/v1/tasks opportunityId",
            "PATCH /api/v1/tasks/{id} accountId",
            "POST /api/v1/activities accountId",
            "POST /api/v1/activities attendeeIds[]",
            "PATCH /api/v1/activities/{id} accountId",
            "POST /api/v1/opportunities contactId",
            "POST /api/v1/opportunities stageId",
            "PATCH /api/v1/opportunities/{id} ownerId",
            "PUT /api/v1/opportunities/stages [].id",
            "POST /api/v1/contacts/bulk ids[]",
            "POST /api/v1/territories parentId",
            "PATCH /api/v1/territories/{id} parentId",
            "PUT /api/v1/territories/{id}/assignments assignments[].userId",
            "POST /api/v1/admin/teams managerId",
            "PUT /api/v1/admin/teams/{id} memberIds[]",
            "DELETE /api/v1/contacts/{id} {id}",
            "PATCH /api/v1/admin/users/{id} {id}",
            "POST /api/v1/target-lists ownerId",
            "GET /api/v1/target-lists/{id}/members {id}",
            "DELETE /api/v1/me/tokens/{id} {id}");
    // and alpha's records are as they were
    for (String table :
        List.of(
            "contact", "account", "activity", "opportunity", "task", "territory", "target_list")) {
      assertThat(
              tenants
                  .owner()
                  .sql("SELECT version = 0 FROM " + table + " WHERE id = ?::uuid")
                  .param(alpha.get(table.replace('_', '-')))
                  .query(Boolean.class)
                  .single())
          .as("alpha's %s untouched", table)
          .isTrue();
    }
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM contact WHERE account_id = ?::uuid")
                .param(alpha.get("account"))
                .query(Long.class)
                .single())
        .as("contacts pointing at alpha's account")
        .isEqualTo(1);
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM team_member WHERE user_id = ?::uuid")
                .param(alpha.get("user"))
                .query(Long.class)
                .single())
        .as("teams holding alpha's rep")
        .isZero();
  }

  @Test
  void theDatabaseRefusesAReferenceToAnotherTenantsRecordEvenWhenTheServiceDoesNotAsk() {
    UUID betaTenant = tenants.tenantId("refs-beta");
    for (String insert :
        List.of(
            "INSERT INTO contact (tenant_id, last_name, owner_id, account_id) VALUES ('%s', 'x', '%s', '%s')"
                .formatted(betaTenant, beta.get("user"), alpha.get("account")),
            "INSERT INTO task (tenant_id, title, assignee_id, created_by, opportunity_id) VALUES ('%s', 'x', '%s', '%s', '%s')"
                .formatted(
                    betaTenant, beta.get("user"), beta.get("user"), alpha.get("opportunity")),
            "INSERT INTO account (tenant_id, name, kind, owner_id) VALUES ('%s', 'x', 'OTHER', '%s')"
                .formatted(betaTenant, alpha.get("user")),
            "INSERT INTO territory (tenant_id, parent_id, level, name) VALUES ('%s', '%s', 'TERRITORY', 'x')"
                .formatted(betaTenant, alpha.get("region")),
            "INSERT INTO team_member (tenant_id, team_id, user_id) VALUES ('%s', '%s', '%s')"
                .formatted(betaTenant, beta.get("team"), alpha.get("user")))) {
      try {
        tenants.owner().sql(insert).update();
        fail("the database took a reference across tenants: " + insert);
      } catch (org.springframework.dao.DataIntegrityViolationException expected) {
        assertThat(expected.getMostSpecificCause().getMessage())
            .contains("violates foreign key constraint");
      }
    }
  }

  void assertRefusedAlike(
      String what,
      HttpResponse<String> foreign,
      String foreignId,
      HttpResponse<String> unknown,
      String unknownId,
      Set<Integer> statuses,
      @Nullable String field) {
    assertThat(foreign.statusCode()).as("%s: %s", what, foreign.body()).isIn(statuses);
    assertThat(foreign.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/problem+json");
    assertThat(unknown.statusCode())
        .as("%s, and an unknown id instead: %s", what, unknown.body())
        .isEqualTo(foreign.statusCode());
    assertThat(unknown.body().replace(unknownId, "ID"))
        .as("%s: the same answer as for an unknown id", what)
        .isEqualTo(foreign.body().replace(foreignId, "ID"));
    if (field != null && foreign.statusCode() == 400) {
      // the problem names the field: its top-level name (assignments) or its own (id of
      // stages[0].id)
      String top = field.replaceAll("\\[].*", "");
      String leaf = field.replaceAll(".*\\.", "").replace("[]", "");
      List<String> named = new ArrayList<>();
      json(foreign).path("errors").forEach(e -> named.add(e.get("field").asString()));
      assertThat(named)
          .as("%s names the field: %s", what, foreign.body())
          .anyMatch(n -> (!top.isEmpty() && n.equals(top)) || n.endsWith(leaf));
    }
  }

  /** The path's parameters that hold a record's id: uuid-typed, or named id or ...Id. */
  static List<String> pathIds(Operation op) {
    List<String> ids = new ArrayList<>();
    op.spec()
        .path("parameters")
        .forEach(
            p -> {
              if ("path".equals(p.path("in").asString())
                  && isId(p.get("name").asString(), p.path("schema"))) {
                ids.add(p.get("name").asString());
              }
            });
    return ids;
  }

  static boolean isId(String name, JsonNode schema) {
    return !NOT_REFERENCES.contains(name)
        && ("uuid".equals(schema.path("format").asString())
            || name.equals("id")
            || name.endsWith("Id")
            || name.endsWith("Ids")
            || name.equals("ids"));
  }

  static String segmentBefore(String path, String parameter) {
    String before = path.substring(0, path.indexOf("{" + parameter + "}") - 1);
    return before.substring(before.lastIndexOf('/') + 1);
  }

  /**
   * The concrete path: {@code parameter} given {@code value}, every other id beta's own record of
   * its kind.
   */
  String path(Operation op, @Nullable String parameter, @Nullable String value) {
    String result = op.path();
    for (String p : pathIds(op)) {
      String id =
          p.equals(parameter) ? value : beta.get(PATH_KINDS.get(segmentBefore(op.path(), p)));
      result = result.replace("{" + p + "}", String.valueOf(id));
    }
    return result.replace("{zip}", "07030").replace("{npi}", "1003000126");
  }

  /**
   * The id fields of the operation's JSON body, as paths: accountId, attendeeIds[], [].id,
   * assignments[].userId.
   */
  List<String> bodyIds(Operation op) {
    JsonNode schema =
        op.spec().path("requestBody").path("content").path("application/json").path("schema");
    List<String> fields = new ArrayList<>();
    if (!schema.isMissingNode()) {
      collectIds(resolve(schema), "", fields, 0);
    }
    return fields;
  }

  void collectIds(JsonNode schema, String prefix, List<String> fields, int depth) {
    if (depth > 5) {
      return;
    }
    if ("array".equals(schema.path("type").asString())) {
      JsonNode items = resolve(schema.path("items"));
      if (items.has("properties")) {
        collectIds(items, prefix + "[].", fields, depth + 1);
      }
      return;
    }
    for (String name : schema.path("properties").propertyNames()) {
      JsonNode property = resolve(schema.get("properties").get(name));
      if ("array".equals(property.path("type").asString())) {
        JsonNode items = resolve(property.path("items"));
        if (items.has("properties")) {
          collectIds(items, prefix + name + "[].", fields, depth + 1);
        } else if (isId(name, items)) {
          fields.add(prefix + name + "[]");
        }
      } else if (property.has("properties")) {
        collectIds(property, prefix + name + ".", fields, depth + 1);
      } else if (isId(name, property)) {
        fields.add(prefix + name);
      }
    }
  }

  JsonNode resolve(JsonNode schema) {
    return ApiOperations.resolve(docs, schema);
  }

  static String kindOf(Operation op, String field) {
    String name = field.replaceAll(".*\\.", "").replace("[]", "");
    String kind =
        name.equals("id") || name.equals("ids")
            ? BARE_ID_KINDS.get(op.key())
            : FIELD_KINDS.get(name);
    if (kind == null) {
      fail(
          "%s: which kind of record does the body field %s name? Add it to FIELD_KINDS or BARE_ID_KINDS",
          op.key(), field);
    }
    return kind;
  }

  String bodyOf(Operation op) {
    String template = BODIES.get(op.key());
    if (template == null) {
      template = op.method().equals("PATCH") ? "{\"version\": 0}" : "{}";
    }
    for (var id : beta.entrySet()) {
      template = template.replace("${" + id.getKey() + "}", id.getValue());
    }
    return template;
  }

  /**
   * Beta's valid body for the operation with {@code field} (a path from {@link #bodyIds}) set to
   * {@code id}.
   */
  String bodyWith(Operation op, String field, String id) {
    if (!BODIES.containsKey(op.key())) {
      fail("%s carries the id field %s: add a body beta would send to BODIES", op.key(), field);
    }
    JsonNode root = JSON.readTree(bodyOf(op));
    JsonNode node = root;
    String[] segments = field.split("\\.");
    for (int i = 0; i < segments.length - 1; i++) {
      String segment = segments[i];
      node =
          segment.endsWith("[]")
              ? (segment.length() == 2
                  ? node.get(0)
                  : node.get(segment.substring(0, segment.length() - 2)).get(0))
              : node.get(segment);
    }
    String last = segments[segments.length - 1];
    if (last.endsWith("[]")) {
      ArrayNode list = ((ObjectNode) node).putArray(last.substring(0, last.length() - 2));
      list.add(id);
    } else {
      ((ObjectNode) node).put(last, id);
    }
    return JSON.writeValueAsString(root);
  }
}
