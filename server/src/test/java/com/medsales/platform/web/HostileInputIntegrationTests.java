package com.medsales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.ApiOperations;
import com.medsales.testing.ApiOperations.Operation;
import com.medsales.testing.TestTenants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against every operation of the OpenAPI document, signed in as a tenant's
 * administrator: every query parameter, every path variable and every top-level field of the JSON
 * body gets a NUL byte, a lone backslash, NaN, 1e309, an oversize value, and (arrays) 10,000 items.
 * The only answers allowed are 2xx, or 4xx as a ProblemDetail; never a 5xx, never an HTML page.
 * Operations added later are walked without changing this test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "medsales.identity.requests-per-minute=1000000")
class HostileInputIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String PASSWORD = "hostile input passphrase";
  static final String OVERSIZE = "x".repeat(100_000);

  /**
   * Long, but short enough for the request line to stay under Tomcat's 8 KB: it reaches the
   * application.
   */
  static final String LONG = "y".repeat(4_000);

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  String token;
  Map<String, String> ids;
  final List<String> failures = new ArrayList<>();
  final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
  final List<String> signedOut = new ArrayList<>();
  int requests;

  @BeforeEach
  void anAdministratorWithRecordsOfEveryKind() {
    var tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant("hostile");
    UUID admin = tenants.user(tenant, "hostile-admin", PASSWORD, "ADMIN");
    UUID rep = tenants.user(tenant, "hostile-rep", PASSWORD, "REP");
    UUID territory =
        tenants.insert(
            "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', ?) RETURNING id",
            tenant,
            "hostile territory " + UUID.randomUUID());
    UUID account =
        tenants.insert(
            "INSERT INTO account (tenant_id, name, kind, owner_id) VALUES (?, 'Hostile hospital', 'HOSPITAL', ?) RETURNING id",
            tenant,
            rep);
    UUID contact =
        tenants.insert(
            "INSERT INTO contact (tenant_id, last_name, owner_id, account_id) VALUES (?, 'Hostile', ?, ?) RETURNING id",
            tenant,
            rep,
            account);
    UUID activity =
        tenants.insert(
            "INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id) VALUES (?, 'CALL', now(), 'call', ?) RETURNING id",
            tenant,
            rep);
    UUID stage =
        tenants.insert(
            "INSERT INTO pipeline_stage (tenant_id, name, position, probability) VALUES (?, ?, 1, 10) RETURNING id",
            tenant,
            "Qualify " + UUID.randomUUID());
    UUID opportunity =
        tenants.insert(
            "INSERT INTO opportunity (tenant_id, name, stage_id, owner_id) VALUES (?, 'deal', ?, ?) RETURNING id",
            tenant,
            stage,
            rep);
    UUID task =
        tenants.insert(
            "INSERT INTO task (tenant_id, title, assignee_id, created_by) VALUES (?, 'task', ?, ?) RETURNING id",
            tenant,
            rep,
            admin);
    UUID team =
        tenants.insert(
            "INSERT INTO team (tenant_id, name, manager_id) VALUES (?, ?, ?) RETURNING id",
            tenant,
            "hostile team " + UUID.randomUUID(),
            admin);
    ids =
        Map.ofEntries(
            Map.entry("contacts", contact.toString()),
            Map.entry("accounts", account.toString()),
            Map.entry("activities", activity.toString()),
            Map.entry("opportunities", opportunity.toString()),
            Map.entry("tasks", task.toString()),
            Map.entry("territories", territory.toString()),
            // another user than the one walking, so a PATCH cannot disable the walker
            Map.entry("users", rep.toString()),
            Map.entry("teams", team.toString()),
            Map.entry("stages", stage.toString()));
    // the walk itself sends hostile sign-ins from this address, which the sign-in throttle counts
    // (5 in 15 minutes)
    tenants.owner().sql("DELETE FROM sign_in_failure").update();
    var response =
        send(
            "POST",
            "/api/v1/auth/token",
            "{\"username\": \"hostile-admin\", \"password\": \"" + PASSWORD + "\"}",
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    token = JSON.readTree(response.body()).get("accessToken").asString();
  }

  @Test
  void everyParameterAndBodyFieldOfEveryOperationAnswers2xxOr4xxProblemDetailToHostileValues() {
    JsonNode document = JSON.readTree(send("GET", "/v3/api-docs", null, null).body());
    List<Operation> operations = ApiOperations.of(document, ApiOperations.ALL);
    assertThat(operations).hasSizeGreaterThan(40);
    Set<String> walked = new TreeSet<>();

    for (Operation op : operations) {
      if (op.path().equals("/api/v1/auth/session") && op.method().equals("DELETE")) {
        continue; // signs the walker out: nothing of it takes input
      }
      List<JsonNode> parameters = new ArrayList<>();
      op.spec().path("parameters").forEach(p -> parameters.add(resolve(document, p)));
      Map<String, String> query = new LinkedHashMap<>();
      for (JsonNode p : parameters) {
        if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
          query.put(p.get("name").asString(), sample(document, p.path("schema")).asString());
        }
      }
      JsonNode bodySchema = jsonBodySchema(document, op);
      ObjectNode baseline = bodySchema == null ? null : (ObjectNode) sample(document, bodySchema);
      String baselineBody = baseline == null ? null : baseline.toString();

      for (JsonNode p : parameters) {
        String name = p.get("name").asString();
        String in = p.path("in").asString();
        for (String hostile :
            List.of("\0", "a\0b", "\\", "NaN", "Infinity", "1e309", "-1e309", LONG, OVERSIZE)) {
          if (in.equals("query")) {
            var withHostile = new LinkedHashMap<>(query);
            withHostile.put(name, hostile);
            check(
                op,
                "query " + name + "=" + preview(hostile),
                concrete(op.path(), null, null) + queryString(withHostile),
                baselineBody);
          } else if (in.equals("path")) {
            check(
                op,
                "path " + name + "=" + preview(hostile),
                concrete(op.path(), name, hostile) + queryString(query),
                baselineBody);
          }
        }
      }
      if (baseline != null) {
        Map<String, JsonNode> properties = properties(document, bodySchema);
        for (var property : properties.entrySet()) {
          String field = property.getKey();
          String type = property.getValue().path("type").asString("");
          List<JsonNode> hostiles =
              new ArrayList<>(
                  List.of(
                      NODES.stringNode("a\0b"),
                      NODES.stringNode("line one\nline\0two"),
                      NODES.stringNode("\\"),
                      NODES.stringNode("NaN"),
                      NODES.stringNode("1e309"),
                      NODES.stringNode(OVERSIZE)));
          if (type.equals("number") || type.equals("integer")) {
            hostiles.add(NODES.numberNode(new java.math.BigDecimal("1e309")));
            hostiles.add(NODES.numberNode(new java.math.BigDecimal("-1e309")));
            hostiles.add(NODES.numberNode(new java.math.BigDecimal("1e-400")));
          }
          if (type.equals("array")) {
            JsonNode item = sample(document, property.getValue().path("items"));
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 10_000; i++) {
              many.add(item.isString() ? NODES.stringNode(item.asString() + i) : item);
            }
            hostiles.add(many);
            hostiles.add(NODES.arrayNode().add("a\0b"));
            hostiles.add(NODES.arrayNode().add(OVERSIZE));
          }
          for (JsonNode hostile : hostiles) {
            ObjectNode body = baseline.deepCopy();
            body.set(field, hostile);
            check(
                op,
                "body " + field + "=" + preview(hostile.toString()),
                concrete(op.path(), null, null) + queryString(query),
                body.toString());
          }
        }
      }
      walked.add(op.key());
    }
    // a URL over 8 KB is refused by Tomcat before the application: as a ProblemDetail too
    check(
        new Operation("GET", "/api/v1/providers", NODES.objectNode()),
        "URL of 9 KB",
        "/api/v1/providers?name=" + "z".repeat(9_000),
        null);

    assertThat(failures)
        .as(
            "%d of %d hostile requests were not answered 2xx or 4xx ProblemDetail (statuses %s)",
            failures.size(), requests, statuses)
        .isEmpty();
    // the walker stayed signed in and reached the operations: refusals are the application's, not
    // the door's
    assertThat(signedOut).as("401 outside the ways in").isEmpty();
    assertThat(statuses).as("statuses %s", statuses).containsKeys(200, 400);
    assertThat(statuses.get(400)).as("statuses %s", statuses).isGreaterThan(requests / 4);
    assertThat(walked)
        .contains(
            "GET /api/v1/providers",
            "POST /api/v1/contacts",
            "PATCH /api/v1/accounts/{id}",
            "POST /api/v1/activities",
            "POST /api/v1/tasks",
            "POST /api/v1/territories",
            "POST /api/v1/contacts/import/preview");
  }

  @Test
  void theReportedCasesAre400sNamingTheParameterOrTheLine() {
    for (String parameter :
        List.of("city", "specialty", "credential", "drug", "manufacturer", "nature", "name")) {
      assertNamed(
          send("GET", "/api/v1/providers?" + parameter + "=a%00b", null, token), parameter, "NUL");
    }
    for (String parameter : List.of("q", "tag")) {
      assertNamed(
          send("GET", "/api/v1/contacts?" + parameter + "=%00", null, token), parameter, "NUL");
      assertNamed(
          send("GET", "/api/v1/accounts?" + parameter + "=%00", null, token), parameter, "NUL");
    }
    assertNamed(
        send("GET", "/api/v1/providers?near=10013&radiusMiles=NaN", null, token),
        "radiusMiles",
        "finite");
    assertNamed(
        send("GET", "/api/v1/providers?near=10013&radiusKm=NaN", null, token),
        "radiusKm",
        "finite");
    assertNamed(
        send("GET", "/api/v1/providers?minServices=1e309", null, token), "minServices", "1e15");
    assertNamed(
        send("GET", "/api/v1/providers?minPayment=1e309", null, token), "minPayment", "1e15");
    // a backslash is text like any other: a search for it, not "LIKE pattern must not end with
    // escape character"
    assertThat(send("GET", "/api/v1/providers?specialty=%5C", null, token).statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/api/v1/providers?manufacturer=%5C", null, token).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/api/v1/contacts?q=%5C", null, token).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/accounts?q=%5C", null, token).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/admin/audit?action=%5C", null, token).statusCode())
        .isEqualTo(200);
    assertNamed(
        send(
            "POST", "/api/v1/accounts", "{\"name\": \"a\\u0000b\", \"kind\": \"HOSPITAL\"}", token),
        "name",
        "NUL");
    assertNamed(
        send(
            "POST",
            "/api/v1/contacts/import/preview",
            "{\"csv\": \"last_name,zip\\nSmith,10013\\nJo\\u0000nes,10013\\n\"}",
            token),
        "csv",
        "line 3");
    var url = send("GET", "/api/v1/providers?name=" + "z".repeat(9_000), null, token);
    assertThat(url.statusCode()).isEqualTo(400);
    assertThat(url.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(url.body()).get("detail").asString()).contains("8 KB");
  }

  /**
   * Found by trying the product from outside: bytes that are not UTF-8, and paths Spring Security's
   * firewall refuses.
   */
  @Test
  void malformedEncodingsAndPathsTheFirewallRefusesAre400ProblemDetails() {
    for (String pathAndQuery :
        List.of(
            "/api/v1/providers?city=%C0%AE",
            "/api/v1/providers?city=%ED%A0%80",
            "/api/v1/contacts?q=%C0%AE",
            "/api/v1/organizations?name=%C0%AE",
            "//api/v1/providers",
            "/api/v1/providers;x=1",
            "/api/v1/%2e%2e/v1/providers")) {
      var response = send("GET", pathAndQuery, null, token);
      assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(pathAndQuery)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(400);
    }
    var form =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("a=%C0%AE"))
            .build();
    try {
      var response = http.send(form, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAlignmentFileWithANulByteIsA400NamingTheFileAndLine() {
    String boundary = "hostile" + UUID.randomUUID();
    String file = "zip,territory\n10013,North\n10014,So\0uth\n";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"align.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + file
            + "\r\n--"
            + boundary
            + "--\r\n";
    var request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/territories/alignment/preview"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(multipart))
            .build();
    try {
      assertNamed(http.send(request, HttpResponse.BodyHandlers.ofString()), "file", "line 3");
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertNamed(HttpResponse<String> response, String field, String messagePart) {
    assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors.isArray()).as(response.body()).isTrue();
    boolean named = false;
    for (JsonNode error : errors) {
      named |=
          error.path("field").asString().equals(field)
              && error.path("message").asString().contains(messagePart);
    }
    assertThat(named)
        .as("%s names %s with '%s': %s", response.uri(), field, messagePart, response.body())
        .isTrue();
  }

  void check(Operation op, String what, String pathAndQuery, @Nullable String body) {
    requests++;
    HttpResponse<String> response;
    try {
      response = send(op.method(), pathAndQuery, body, token);
    } catch (RuntimeException e) {
      failures.add(op.key() + " " + what + ": " + e);
      return;
    }
    int status = response.statusCode();
    statuses.merge(status, 1, Integer::sum);
    if (status == 401 && !op.path().startsWith("/api/v1/auth/")) {
      signedOut.add(op.key() + " " + what);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status >= 200 && status < 300) {
      return;
    }
    String problem = null;
    if (status >= 400 && status < 500 && type.startsWith("application/problem+json")) {
      try {
        JsonNode json = JSON.readTree(response.body());
        if (json.path("status").asInt() == status && json.hasNonNull("title")) {
          return;
        }
        problem = "a ProblemDetail without status and title";
      } catch (RuntimeException notJson) {
        problem = "not JSON";
      }
    }
    failures.add(
        op.key()
            + " "
            + what
            + " -> "
            + status
            + " "
            + type
            + (problem == null ? "" : " (" + problem + ")")
            + ": "
            + preview(response.body()));
  }

  HttpResponse<String> send(
      String method, String pathAndQuery, @Nullable String body, @Nullable String bearer) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The path with the walker's own records for {id} after a collection, and a hostile value for one
   * variable.
   */
  String concrete(String path, @Nullable String hostileVariable, @Nullable String hostile) {
    String result = path;
    if (hostileVariable != null) {
      result = result.replace("{" + hostileVariable + "}", encode(hostile));
    }
    for (var entry : ids.entrySet()) {
      result =
          result.replace(
              "/" + entry.getKey() + "/{id}", "/" + entry.getKey() + "/" + entry.getValue());
    }
    return result
        .replace("{npi}", "1003000126")
        .replace("{zip}", "10013")
        .replace("{token}", "inv_unknown")
        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
  }

  static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("?");
    query.forEach(
        (k, v) ->
            s.append(s.length() > 1 ? "&" : "").append(encode(k)).append('=').append(encode(v)));
    return s.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String preview(String value) {
    String shown = value.replace("\0", "\\0");
    return shown.length() > 60
        ? shown.substring(0, 60) + "...(" + value.length() + " chars)"
        : shown;
  }

  static JsonNode resolve(JsonNode document, JsonNode node) {
    return ApiOperations.resolve(document, node);
  }

  static @Nullable JsonNode jsonBodySchema(JsonNode document, Operation op) {
    JsonNode content = resolve(document, op.spec().path("requestBody")).path("content");
    JsonNode schema = content.path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return null;
    }
    JsonNode resolved = resolve(document, schema);
    return "object".equals(resolved.path("type").asString("object")) && resolved.has("properties")
        ? resolved
        : null;
  }

  static Map<String, JsonNode> properties(JsonNode document, JsonNode schema) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    resolve(document, schema)
        .path("properties")
        .properties()
        .forEach(p -> properties.put(p.getKey(), resolve(document, p.getValue())));
    return properties;
  }

  /**
   * A plausible value of a schema, so that one hostile field at a time meets an otherwise
   * well-formed body.
   */
  static JsonNode sample(JsonNode document, JsonNode schemaNode) {
    JsonNode schema = resolve(document, schemaNode);
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String type = schema.path("type").asString("object");
    String format = schema.path("format").asString("");
    return switch (type) {
      case "string" ->
          NODES.stringNode(
              switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-01-15";
                case "date-time" -> "2026-01-15T10:00:00Z";
                case "email" -> "someone@example.com";
                default -> "sample";
              });
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(false);
      case "array" -> NODES.arrayNode();
      default -> {
        ObjectNode object = NODES.objectNode();
        properties(document, schema)
            .forEach(
                (name, property) -> {
                  if (!property.path("type").asString("").equals("object")) {
                    object.set(name, sample(document, property));
                  }
                });
        yield object;
      }
    };
  }
}
