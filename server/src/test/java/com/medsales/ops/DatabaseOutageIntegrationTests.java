package com.medsales.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.platform.BulkConnections;
import com.medsales.platform.internal.EmbeddedDatabase;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@DirtiesContext
class DatabaseOutageIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "outage test passphrase";

  @Autowired MockMvcTester mvc;
  @Autowired EmbeddedDatabase database;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @LocalServerPort int port;

  @Test
  void healthTurns503WhileTheDatabaseIsAwayAndRecoversWhenItReturns() {
    assertThat(mvc.get().uri("/health").exchange()).hasStatusOk();

    database.stopServer();
    try {
      var down = mvc.get().uri("/health").exchange();
      assertThat(down).hasStatus(503);
      assertThat(down).bodyJson().extractingPath("$.status").isEqualTo("DOWN");
      assertThat(down).bodyJson().extractingPath("$.components.database.status").isEqualTo("DOWN");
      // the rest of the report is still there for the operator
      assertThat(down).bodyJson().extractingPath("$.components.diskSpace.status").isEqualTo("UP");
    } finally {
      database.startServer();
    }

    var up = mvc.get().uri("/health").exchange();
    assertThat(up).hasStatusOk();
    assertThat(up).bodyJson().extractingPath("$.components.database.status").isEqualTo("UP");
  }

  @Test
  void aKilledPostmasterIsStartedAgainAndMeanwhileEveryRequestAnswersA503ProblemDetailAtOnce()
      throws Exception {
    var tenants = new TestTenants(bulk, passwords);
    tenants.user(tenants.tenant("outage"), "outage-admin", PASSWORD, "ADMIN");
    var script =
        new TestBrowser(port)
            .withoutCsrfHeader()
            .bearer(
                JSON.readTree(
                        new TestBrowser(port)
                            .post(
                                "/api/v1/auth/token",
                                "{\"username\": \"outage-admin\", \"password\": \""
                                    + PASSWORD
                                    + "\"}")
                            .body())
                    .get("accessToken")
                    .asString());
    var browser = new TestBrowser(port);
    assertThat(browser.signIn("outage-admin", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(200);
    ProcessHandle killed = database.postmaster().orElseThrow();

    // holding the database's lock keeps its watchdog from starting PostgreSQL again until the
    // outage is examined
    synchronized (database) {
      killed.destroyForcibly();
      killed.onExit().get(30, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> script.get("/api/v1/me").statusCode() == 503);

      assertQuickProblem503(() -> script.get("/api/v1/me"));
      assertQuickProblem503(() -> script.get("/health"));
      assertQuickProblem503(() -> script.get("/api/v1/contacts"));
      assertQuickProblem503(
          () ->
              script.post(
                  "/api/v1/accounts", "{\"name\": \"during the outage\", \"kind\": \"HOSPITAL\"}"));
      assertQuickProblem503(() -> browser.get("/api/v1/me"));
      assertQuickProblem503(() -> browser.get("/api/v1/providers?name=smith"));
      // without credentials, /health keeps its own report for the load balancer
      var health = new TestBrowser(port).get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(
              JSON.readTree(health.body())
                  .get("components")
                  .get("database")
                  .get("status")
                  .asString())
          .isEqualTo("DOWN");
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> new TestBrowser(port).get("/health").statusCode() == 200);
    assertThat(database.postmaster().orElseThrow().pid()).isNotEqualTo(killed.pid());
    // the same token and the same session work again: what was committed survived the crash
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> script.get("/api/v1/me").statusCode() == 200);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  static void assertQuickProblem503(Supplier<HttpResponse<String>> request) {
    long start = System.nanoTime();
    var response = request.get();
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    String what = response.request().method() + " " + response.uri().getPath();
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).as(what).isPresent();
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).as(what).isEqualTo(503);
    assertThat(problem.get("title").asString()).as(what).isEqualTo("Service unavailable");
    assertThat(millis).as(what + " answered in ms").isLessThan(2_000);
  }
}
