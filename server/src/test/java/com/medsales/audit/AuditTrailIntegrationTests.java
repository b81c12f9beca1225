package com.medsales.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail records who did what from where, and its hash chain exposes a changed or removed
 * event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "audit test passphrase";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired com.medsales.platform.MedsalesSettings settings;

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /**
   * A tenant of its own (so its own chain) with an admin who signs in once, fails once, and invites
   * someone.
   */
  TestBrowser tenantWithHistory(TestTenants tenants, String slug) {
    UUID tenant = tenants.tenant(slug);
    tenants.user(tenant, slug + "-admin", PASSWORD, "ADMIN");
    new TestBrowser(port).signIn(slug + "-admin", "a wrong password!");
    var admin = new TestBrowser(port);
    assertThat(admin.signIn(slug + "-admin", PASSWORD).statusCode()).isEqualTo(200);
    admin.post(
        "/api/v1/admin/invitations",
        "{\"email\": \"new@"
            + slug
            + ".example\", \"displayName\": \"New\", \"roles\": [\"REP\"]}");
    admin.post(
        "/api/v1/me/tokens", "{\"name\": \"nightly\", \"scope\": \"READ\", \"expiresInDays\": 3}");
    return admin;
  }

  List<Long> ids(TestTenants tenants, String slug) {
    return tenants
        .owner()
        .sql("SELECT id FROM audit_event WHERE tenant_id = ? ORDER BY id")
        .param(tenants.tenantId(slug))
        .query(Long.class)
        .list();
  }

  @Test
  void signInsAndAdministrativeActionsAreRecordedWithWhoWhenWhereAndOutcome() {
    var tenants = new TestTenants(bulk, passwords);
    var admin = tenantWithHistory(tenants, "audit-record");

    JsonNode items = json(admin.get("/api/v1/admin/audit")).get("items");

    List<String> seen = new ArrayList<>();
    items.forEach(e -> seen.add(e.get("action").asString() + " " + e.get("outcome").asString()));
    assertThat(seen)
        .containsExactly(
            "token.create SUCCESS",
            "user.invite SUCCESS",
            "auth.sign-in SUCCESS",
            "auth.sign-in FAILURE");
    JsonNode signIn = items.get(2);
    assertThat(signIn.get("actor").asString()).isEqualTo("audit-record-admin");
    assertThat(signIn.get("clientIp").asString()).isEqualTo("127.0.0.1");
    assertThat(signIn.get("occurredAt").asString()).isNotBlank();
    assertThat(json(admin.get("/api/v1/admin/audit?action=auth&outcome=FAILURE")).get("items"))
        .hasSize(1);
    assertThat(json(admin.get("/api/v1/admin/audit?size=1")).get("nextCursor").asString())
        .isNotBlank();
    // a tenant's admin sees only their tenant's chain
    assertThat(admin.get("/api/v1/admin/audit?size=200").body())
        .doesNotContain("ingestion.run")
        .doesNotContain("demo");
  }

  @Test
  void theChainVerifiesAndAChangedEventBreaksItAtThatEvent() {
    var tenants = new TestTenants(bulk, passwords);
    var admin = tenantWithHistory(tenants, "audit-change");
    JsonNode intact = json(admin.get("/api/v1/admin/audit/verify"));
    assertThat(intact.get("intact").asBoolean()).isTrue();
    assertThat(intact.get("eventsChecked").asLong()).isEqualTo(4);
    long second = ids(tenants, "audit-change").get(1);

    tenants
        .owner()
        .sql("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?")
        .param(second)
        .update();

    JsonNode broken = json(admin.get("/api/v1/admin/audit/verify"));
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenEventId").asLong()).isEqualTo(second);
    assertThat(broken.get("reason").asString()).contains("does not match its hash");
  }

  @Test
  void aRemovedEventBreaksTheLinkOfTheNextOne() {
    var tenants = new TestTenants(bulk, passwords);
    var admin = tenantWithHistory(tenants, "audit-remove");
    List<Long> ids = ids(tenants, "audit-remove");

    tenants.owner().sql("DELETE FROM audit_event WHERE id = ?").param(ids.get(1)).update();

    JsonNode broken = json(admin.get("/api/v1/admin/audit/verify"));
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenEventId").asLong()).isEqualTo(ids.get(2));
    assertThat(broken.get("reason").asString()).contains("link to the previous event");
  }

  @Test
  void operatorsSeeThePlatformChainWithIngestionRuns() throws Exception {
    var tenants = new TestTenants(bulk, passwords);
    tenants.user(null, "audit-operator", PASSWORD, "OPERATOR");
    var operator = new TestBrowser(port);
    assertThat(operator.signIn("audit-operator", PASSWORD).statusCode()).isEqualTo(200);

    // a file in the ingestion directory (the API reads no other), which the worker then fails: not
    // an NPPES file
    java.nio.file.Path file =
        java.nio.file.Files.createDirectories(settings.home().resolve("incoming"))
            .resolve("audit.csv");
    java.nio.file.Files.writeString(file, "not,an,npi,file\n");
    operator.post(
        "/api/v1/admin/ingestion/runs",
        "{\"dataset\": \"nppes-weekly\", \"source\": \"" + file + "\"}");

    JsonNode items = json(operator.get("/api/v1/admin/audit?action=ingestion")).get("items");
    // the worker may fail the run (not an NPPES file) before the request's own event is written:
    // order is not asserted
    List<String> events = new ArrayList<>();
    items.forEach(
        e ->
            events.add(
                e.get("action").asString()
                    + " "
                    + e.get("actor").asString()
                    + " "
                    + e.get("outcome").asString()));
    assertThat(events).contains("ingestion.run-request audit-operator SUCCESS");
    assertThat(json(operator.get("/api/v1/admin/audit/verify")).get("intact").asBoolean()).isTrue();
  }

  /**
   * Issue 17, item 10: a transaction that holds a lock on {@code tenant} (provisioning under LOCK
   * TABLE, as the embedded default's demo tenant is made) and appends an event, while another
   * append to the same chain waits for {@code tenant}. The waiting append used to hold the chain
   * lock already: a deadlock, and one of them failed. Now it waits for the tenant before the chain
   * lock, and both append.
   */
  @Test
  void anAppendWaitingForTheTenantTableDoesNotDeadlockWithATransactionThatLockedItAndAppends()
      throws Exception {
    var tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant("audit-lock-order");
    String append =
        "SELECT medsales_audit_append(?::uuid, NULL, 'test', NULL, ?, NULL, 'SUCCESS', '{}'::jsonb)";
    try (java.sql.Connection locker = bulk.open("test-locker");
        java.sql.Connection signIn = bulk.open("test-sign-in")) {
      int signInPid;
      try (var s = signIn.createStatement();
          var rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        signInPid = rs.getInt(1);
      }
      locker.setAutoCommit(false);
      try (var s = locker.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '10s'");
        s.execute("LOCK TABLE tenant IN EXCLUSIVE MODE");
      }
      var waiting =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try (var s = signIn.prepareStatement(append)) {
                  s.setString(1, tenant.toString());
                  s.setString(2, "auth.sign-in");
                  s.execute();
                  return "appended";
                } catch (java.sql.SQLException e) {
                  return e.getSQLState() + " " + e.getMessage();
                }
              });
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () ->
                  tenants
                      .owner()
                      .sql("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")
                      .param(signInPid)
                      .query(String.class)
                      .optional()
                      .filter("Lock"::equals)
                      .isPresent());

      String locked;
      try (var s = locker.prepareStatement(append)) {
        s.setString(1, tenant.toString());
        s.setString(2, "tenant.update");
        s.execute();
        locker.commit();
        locked = "appended";
      } catch (java.sql.SQLException e) {
        locker.rollback();
        locked = e.getSQLState() + " " + e.getMessage();
      }

      assertThat(locked).isEqualTo("appended");
      assertThat(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("appended");
    }
    assertThat(
            tenants
                .owner()
                .sql("SELECT action FROM audit_event WHERE tenant_id = ? ORDER BY id")
                .param(tenant)
                .query(String.class)
                .list())
        .containsExactly("tenant.update", "auth.sign-in");
  }
}
