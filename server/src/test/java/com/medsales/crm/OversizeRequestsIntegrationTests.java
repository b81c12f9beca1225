package com.medsales.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every list a request body can carry is bounded (tags and products 50 of at most 50 and 100
 * characters, the ids of a bulk change 500, attendees 50, stages 20, states, counties, assignments
 * and team members), on create and on PATCH alike: an oversize one is a 400 ProblemDetail naming
 * the field, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizeRequestsIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "oversize test passphrase";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;

  TestTenants tenants;
  UUID tenant;
  UUID admin;
  TestBrowser browser;
  String account;
  String contact;
  String activity;
  String opportunity;
  String territory;

  @BeforeEach
  void anAdministratorWithOneRecordOfEachKind() {
    tenants = new TestTenants(bulk, passwords);
    tenant = tenants.tenant("oversize");
    admin = tenants.user(tenant, "oversize-admin", PASSWORD, "ADMIN");
    var owner = tenants.owner();
    for (String table :
        List.of(
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
            "team")) {
      owner.sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(tenant).update();
    }
    owner.sql("DELETE FROM sign_in_failure").update();
    account =
        owner
            .sql(
                "INSERT INTO account (tenant_id, name, kind, owner_id) VALUES (?, 'Mercy', 'HOSPITAL', ?) RETURNING id::text")
            .params(tenant, admin)
            .query(String.class)
            .single();
    contact =
        owner
            .sql(
                "INSERT INTO contact (tenant_id, last_name, owner_id) VALUES (?, 'Jia', ?) RETURNING id::text")
            .params(tenant, admin)
            .query(String.class)
            .single();
    activity =
        owner
            .sql(
                "INSERT INTO activity (tenant_id, kind, occurred_at, subject, owner_id) VALUES (?, 'CALL', now(), 'call', ?) RETURNING id::text")
            .params(tenant, admin)
            .query(String.class)
            .single();
    UUID stage =
        owner
            .sql(
                "INSERT INTO pipeline_stage (tenant_id, name, position, probability) VALUES (?, 'Qualify', 1, 10) RETURNING id")
            .params(tenant)
            .query(UUID.class)
            .single();
    opportunity =
        owner
            .sql(
                "INSERT INTO opportunity (tenant_id, name, stage_id, owner_id) VALUES (?, 'deal', ?, ?) RETURNING id::text")
            .params(tenant, stage, admin)
            .query(String.class)
            .single();
    territory =
        owner
            .sql(
                "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', 'Hudson') RETURNING id::text")
            .params(tenant)
            .query(String.class)
            .single();
    browser =
        new TestBrowser(port)
            .withoutCsrfHeader()
            .bearer(
                JSON.readTree(
                        new TestBrowser(port)
                            .post(
                                "/api/v1/auth/token",
                                "{\"username\": \"oversize-admin\", \"password\": \""
                                    + PASSWORD
                                    + "\"}")
                            .body())
                    .get("accessToken")
                    .asString());
  }

  static String strings(int count, int length) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"" + ("t" + i + "x".repeat(length)).substring(0, length) + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  static String uuids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  record Oversize(String method, String path, String body, String field) {}

  @Test
  void everyOversizeListIsRefusedNamingItsFieldOnCreateAndOnPatch() {
    String tooManyTags = strings(51, 5);
    String tooLongTag = strings(1, 51);
    String tooManyProducts = strings(51, 5);
    List<Oversize> cases =
        new ArrayList<>(
            List.of(
                new Oversize(
                    "POST",
                    "/api/v1/accounts",
                    "{\"name\": \"a\", \"kind\": \"HOSPITAL\", \"tags\": " + tooManyTags + "}",
                    "tags"),
                new Oversize(
                    "POST",
                    "/api/v1/accounts",
                    "{\"name\": \"a\", \"kind\": \"HOSPITAL\", \"tags\": " + tooLongTag + "}",
                    "tags"),
                new Oversize(
                    "PATCH",
                    "/api/v1/accounts/" + account,
                    "{\"version\": 0, \"tags\": " + tooManyTags + "}",
                    "tags"),
                new Oversize(
                    "PATCH",
                    "/api/v1/accounts/" + account,
                    "{\"version\": 0, \"tags\": " + tooLongTag + "}",
                    "tags"),
                new Oversize(
                    "POST",
                    "/api/v1/contacts",
                    "{\"lastName\": \"a\", \"tags\": " + tooManyTags + "}",
                    "tags"),
                new Oversize(
                    "PATCH",
                    "/api/v1/contacts/" + contact,
                    "{\"version\": 0, \"tags\": " + tooManyTags + "}",
                    "tags"),
                new Oversize(
                    "POST", "/api/v1/contacts/bulk", "{\"ids\": " + uuids(501) + "}", "ids"),
                new Oversize(
                    "POST",
                    "/api/v1/contacts/bulk",
                    "{\"ids\": [\"" + contact + "\"], \"addTags\": " + tooManyTags + "}",
                    "addTags"),
                new Oversize(
                    "POST",
                    "/api/v1/contacts/bulk",
                    "{\"ids\": [\"" + contact + "\"], \"removeTags\": " + tooManyTags + "}",
                    "removeTags"),
                new Oversize(
                    "POST",
                    "/api/v1/contacts/import",
                    "{\"csv\": \"last_name\\nJia\", \"decisions\": "
                        + IntStream.range(0, 5_001)
                            .mapToObj(i -> "\"" + i + "\": \"none\"")
                            .collect(Collectors.joining(", ", "{", "}"))
                        + "}",
                    "decisions"),
                new Oversize(
                    "POST",
                    "/api/v1/activities",
                    "{\"kind\": \"CALL\", \"subject\": \"s\", \"products\": "
                        + tooManyProducts
                        + "}",
                    "products"),
                new Oversize(
                    "POST",
                    "/api/v1/activities",
                    "{\"kind\": \"CALL\", \"subject\": \"s\", \"attendeeIds\": " + uuids(51) + "}",
                    "attendeeIds"),
                new Oversize(
                    "PATCH",
                    "/api/v1/activities/" + activity,
                    "{\"version\": 0, \"products\": " + tooManyProducts + "}",
                    "products"),
                new Oversize(
                    "POST",
                    "/api/v1/opportunities",
                    "{\"name\": \"o\", \"products\": " + tooManyProducts + "}",
                    "products"),
                new Oversize(
                    "PATCH",
                    "/api/v1/opportunities/" + opportunity,
                    "{\"version\": 0, \"products\": " + tooManyProducts + "}",
                    "products"),
                new Oversize(
                    "PUT",
                    "/api/v1/opportunities/stages",
                    IntStream.range(0, 21)
                        .mapToObj(
                            i ->
                                "{\"name\": \"s"
                                    + i
                                    + "\", \"probability\": 10, \"outcome\": \"OPEN\"}")
                        .collect(Collectors.joining(", ", "[", "]")),
                    "stages"),
                new Oversize(
                    "PUT",
                    "/api/v1/territories/" + territory + "/states",
                    "{\"states\": "
                        + IntStream.range(0, 101)
                            .mapToObj(i -> "\"NJ\"")
                            .collect(Collectors.joining(", ", "[", "]"))
                        + "}",
                    "states"),
                new Oversize(
                    "PUT",
                    "/api/v1/territories/" + territory + "/counties",
                    "{\"counties\": "
                        + IntStream.range(0, 4_001)
                            .mapToObj(i -> "\"34003\"")
                            .collect(Collectors.joining(", ", "[", "]"))
                        + "}",
                    "counties"),
                new Oversize(
                    "PUT",
                    "/api/v1/territories/" + territory + "/assignments",
                    "{\"assignments\": "
                        + IntStream.range(0, 501)
                            .mapToObj(
                                i -> "{\"userId\": \"" + admin + "\", \"kind\": \"SECONDARY\"}")
                            .collect(Collectors.joining(", ", "[", "]"))
                        + "}",
                    "assignments"),
                new Oversize(
                    "POST",
                    "/api/v1/admin/teams",
                    "{\"name\": \"big\", \"memberIds\": " + uuids(501) + "}",
                    "memberIds")));

    for (Oversize o : cases) {
      var response = browser.send(o.method(), o.path(), o.body());
      assertThat(response.statusCode())
          .as("%s %s with an oversize %s: %s", o.method(), o.path(), o.field(), response.body())
          .isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      List<String> fields = new ArrayList<>();
      JSON.readTree(response.body())
          .path("errors")
          .forEach(e -> fields.add(e.get("field").asString()));
      assertThat(fields)
          .as("%s %s names %s: %s", o.method(), o.path(), o.field(), response.body())
          .anyMatch(
              f ->
                  f.equals(o.field())
                      || f.startsWith(o.field() + "[")
                      || f.endsWith("." + o.field()));
    }
    // nothing of it was stored
    for (String table : List.of("account", "contact", "activity", "opportunity")) {
      assertThat(
              tenants
                  .owner()
                  .sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")
                  .param(tenant)
                  .query(Long.class)
                  .single())
          .as("%s rows", table)
          .isEqualTo(1);
      assertThat(
              tenants
                  .owner()
                  .sql("SELECT max(version) FROM " + table + " WHERE tenant_id = ?")
                  .param(tenant)
                  .query(Long.class)
                  .single())
          .as("%s changes", table)
          .isZero();
    }
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM team WHERE tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anAccountWithFourHundredThousandTagsIsNotStored() {
    String tags = strings(400_000, 8);
    var created =
        browser.post(
            "/api/v1/accounts",
            "{\"name\": \"tagged\", \"kind\": \"HOSPITAL\", \"tags\": " + tags + "}");
    var patched =
        browser.patch("/api/v1/accounts/" + account, "{\"version\": 0, \"tags\": " + tags + "}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(400);
    assertThat(
            tenants
                .owner()
                .sql("SELECT coalesce(max(cardinality(tags)), 0) FROM account WHERE tenant_id = ?")
                .param(tenant)
                .query(Integer.class)
                .single())
        .isZero();
  }
}
