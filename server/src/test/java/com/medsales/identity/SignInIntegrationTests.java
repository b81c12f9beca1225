package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in over real HTTP: sessions with CSRF and fixation protection, bearer tokens, throttling,
 * headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "correct horse battery staple";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  TestTenants tenants;
  UUID tenant;

  @BeforeEach
  void accounts() {
    tenants = new TestTenants(bulk, passwords);
    tenant = tenants.tenantId("demo");
    tenants.user(tenant, "signin-rep", PASSWORD, "REP");
    tenants.owner().sql("DELETE FROM sign_in_failure").update();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Test
  void everyApiEndpointAnswers401AsAProblemDetailWithoutCredentialsButHealthStaysOpen() {
    var browser = new TestBrowser(port);

    var providers = browser.get("/api/v1/providers?state=AL");
    assertThat(providers.statusCode()).isEqualTo(401);
    assertThat(providers.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    assertThat(json(providers).get("status").asInt()).isEqualTo(401);
    assertThat(browser.get("/api/v1/admin/ingestion/runs").statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);

    var health = browser.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).doesNotContain("password").doesNotContain("jdbc:");
  }

  @Test
  void theWebAppSignsInWithASessionCookieThatIsHttpOnlyAndSameSiteLax() {
    var browser = new TestBrowser(port);
    browser.get("/health");

    var signIn = browser.signIn("signin-rep", PASSWORD);

    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(json(signIn).get("username").asString()).isEqualTo("signin-rep");
    assertThat(json(signIn).get("roles").get(0).asString()).isEqualTo("REP");
    String setCookie = String.join("\n", signIn.headers().allValues("Set-Cookie"));
    assertThat(setCookie)
        .contains("MEDSALES_SESSION=")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    assertThat(browser.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(200);
    assertThat(json(browser.get("/api/v1/auth/session")).get("username").asString())
        .isEqualTo("signin-rep");

    assertThat(browser.delete("/api/v1/auth/session").statusCode()).isEqualTo(204);
    assertThat(browser.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(401);
  }

  @Test
  void signingInGivesANewSessionIdSoAPlantedSessionIsUseless() {
    var browser = new TestBrowser(port);
    browser.get("/health");
    // a session that exists before sign-in (as one planted by an attacker would)
    browser.post(
        "/api/v1/auth/session",
        "{\"username\": \"signin-rep\", \"password\": \"wrong password!!\"}");
    browser.get("/api/v1/auth/invitations/inv_nothing");
    String before = browser.cookie("MEDSALES_SESSION");

    browser.signIn("signin-rep", PASSWORD);

    String after = browser.cookie("MEDSALES_SESSION");
    assertThat(after).isNotNull().isNotEqualTo(before);
  }

  @Test
  void aSessionRequestWithoutTheCsrfTokenIsRefused() {
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);

    var withoutToken =
        browser
            .withoutCsrfHeader()
            .post(
                "/api/v1/me/tokens",
                "{\"name\": \"x\", \"scope\": \"READ\", \"expiresInDays\": 1}");

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(json(withoutToken).get("title").asString()).isEqualTo("Forbidden");
    assertThat(json(withoutToken).get("detail").asString()).contains("CSRF token");
  }

  @Test
  void anUnsafeRequestWithoutCredentialsIsAskedToSignInNotToldItIsSignedIn() {
    var anonymous = new TestBrowser(port);
    anonymous.get("/health");

    var withoutCsrf =
        anonymous
            .withoutCsrfHeader()
            .post(
                "/api/v1/me/tokens",
                "{\"name\": \"x\", \"scope\": \"READ\", \"expiresInDays\": 1}");
    var withCsrf = new TestBrowser(port).delete("/api/v1/admin/teams/" + UUID.randomUUID());

    for (var response : java.util.List.of(withoutCsrf, withCsrf)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
      assertThat(json(response).get("detail").asString()).startsWith("Sign in");
    }
  }

  @Test
  void refusalsWrittenBeforeSpringMvcAreProblemDetailsWithoutNullMembers() {
    var anonymous = new TestBrowser(port).get("/api/v1/me");
    var forgedToken = new TestBrowser(port).bearer("ms_forged").get("/api/v1/me");
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);
    var noCsrf = browser.withoutCsrfHeader().post("/api/v1/me/tokens", "{}");

    for (var response : java.util.List.of(anonymous, forgedToken, noCsrf)) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
      JsonNode problem = json(response);
      assertThat(problem.propertyNames())
          .as(response.body())
          .contains("status", "title", "detail", "instance")
          .doesNotContain("properties");
      problem
          .propertyNames()
          .forEach(
              name ->
                  assertThat(problem.get(name).isNull())
                      .as("%s in %s", name, response.body())
                      .isFalse());
      assertThat(problem.get("instance").asString()).startsWith("/api/v1/me");
    }
  }

  @Test
  void aSessionPastItsAbsoluteTimeoutAnswers401AsAProblemDetail() throws Exception {
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
    String sessionId =
        new String(
            java.util.Base64.getDecoder().decode(browser.cookie("MEDSALES_SESSION")),
            java.nio.charset.StandardCharsets.UTF_8);
    var signedIn13HoursAgo = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(signedIn13HoursAgo)) {
      out.writeObject(System.currentTimeMillis() - java.time.Duration.ofHours(13).toMillis());
    }
    int moved =
        tenants
            .owner()
            .sql(
                """
            UPDATE spring_session_attributes SET attribute_bytes = ?
            WHERE attribute_name = 'medsales.signedInAt'
              AND session_primary_id = (SELECT primary_id FROM spring_session WHERE session_id = ?)
            """)
            .params(signedIn13HoursAgo.toByteArray(), sessionId)
            .update();
    assertThat(moved).isEqualTo(1);

    var expired = browser.get("/api/v1/me");

    assertThat(expired.statusCode()).as(expired.body()).isEqualTo(401);
    assertThat(expired.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    assertThat(json(expired).get("detail").asString()).startsWith("Sign in");
    assertThat(
            tenants
                .owner()
                .sql("SELECT count(*) FROM spring_session WHERE session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
    var browser = new TestBrowser(port);

    var wrongPassword = browser.signIn("signin-rep", "not the password at all");
    var unknown = browser.signIn("no-such-user", "not the password at all");

    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(json(wrongPassword).get("detail")).isEqualTo(json(unknown).get("detail"));
  }

  @Test
  void repeatedFailuresPauseSignInForExistingAndUnknownAccountsAlike() {
    var browser = new TestBrowser(port);
    for (int i = 0; i < 5; i++) {
      browser.signIn("signin-rep", "wrong password " + i);
      browser.signIn("nobody-here", "wrong password " + i);
    }

    var paused = browser.signIn("signin-rep", PASSWORD);
    var pausedUnknown = browser.signIn("nobody-here", PASSWORD);

    assertThat(paused.statusCode()).isEqualTo(429);
    assertThat(paused.headers().firstValue("Retry-After")).isPresent();
    assertThat(pausedUnknown.statusCode()).isEqualTo(429);
    assertThat(json(paused).get("detail")).isEqualTo(json(pausedUnknown).get("detail"));
    // the token endpoint is throttled like sign-in
    assertThat(
            browser
                .post(
                    "/api/v1/auth/token",
                    "{\"username\": \"signin-rep\", \"password\": \"" + PASSWORD + "\"}")
                .statusCode())
        .isEqualTo(429);
  }

  @Test
  void scriptsExchangeAPasswordForABearerTokenThatNeedsNoCsrf() {
    var script = new TestBrowser(port).withoutCsrfHeader();

    var token =
        script.post(
            "/api/v1/auth/token",
            "{\"username\": \"signin-rep\", \"password\": \"" + PASSWORD + "\"}");

    assertThat(token.statusCode()).isEqualTo(200);
    String accessToken = json(token).get("accessToken").asString();
    assertThat(json(token).get("expiresIn").asLong()).isBetween(3500L, 3600L);
    script.bearer(accessToken);
    assertThat(script.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(200);
    assertThat(
            script
                .post("/api/v1/me/password", "{\"currentPassword\": \"x\", \"newPassword\": \"y\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            new TestBrowser(port)
                .bearer("ms_forged")
                .get("/api/v1/providers?state=AL")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void aReadOnlyIntegrationTokenReadsButCannotWrite() {
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);
    var created =
        browser.post(
            "/api/v1/me/tokens",
            "{\"name\": \"BI export\", \"scope\": \"READ\", \"expiresInDays\": 30}");
    assertThat(created.statusCode()).isEqualTo(201);
    String token = json(created).get("token").asString();

    var integration = new TestBrowser(port).bearer(token);

    assertThat(integration.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(200);
    var write =
        integration.post(
            "/api/v1/me/tokens", "{\"name\": \"y\", \"scope\": \"READ\", \"expiresInDays\": 1}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(json(write).get("detail").asString())
        .isEqualTo("This token is read-only: it may read (GET, HEAD) but not change anything.");
    // the secret is stored only as a hash, and the list never shows it
    assertThat(browser.get("/api/v1/me/tokens").body()).contains("BI export").doesNotContain(token);
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT count(*) FROM api_token WHERE token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(token)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT count(*) FROM api_token t WHERE encode(t.token_hash, 'escape') LIKE '%' || ? || '%'")
                .param(token.substring(3, 20))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            tenants
                .owner()
                .sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE name = 'BI export'")
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void revokedAndExpiredTokensAreRefused() {
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);
    var revokedToken =
        json(
            browser.post(
                "/api/v1/me/tokens",
                "{\"name\": \"to revoke\", \"scope\": \"READ_WRITE\", \"expiresInDays\": 30}"));
    var expiredToken =
        json(
            browser.post(
                "/api/v1/me/tokens",
                "{\"name\": \"to expire\", \"scope\": \"READ_WRITE\", \"expiresInDays\": 30}"));

    assertThat(
            browser.delete("/api/v1/me/tokens/" + revokedToken.get("id").asString()).statusCode())
        .isEqualTo(204);
    tenants
        .owner()
        .sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?::uuid")
        .param(expiredToken.get("id").asString())
        .update();

    var revoked =
        new TestBrowser(port)
            .bearer(revokedToken.get("token").asString())
            .get("/api/v1/providers?state=AL");
    var expired =
        new TestBrowser(port)
            .bearer(expiredToken.get("token").asString())
            .get("/api/v1/providers?state=AL");
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
  }

  @Test
  void aDeactivatedUsersSessionsAndTokensStopWorking() {
    var rep = new TestBrowser(port);
    rep.signIn("signin-rep", PASSWORD);
    String token =
        json(rep.post(
                "/api/v1/me/tokens",
                "{\"name\": \"cron\", \"scope\": \"READ\", \"expiresInDays\": 5}"))
            .get("token")
            .asString();
    var admin = new TestBrowser(port);
    assertThat(admin.signIn("admin", "admin-password-for-tests").statusCode()).isEqualTo(200);

    var deactivated =
        admin.patch("/api/v1/admin/users/" + tenants.userId("signin-rep"), "{\"enabled\": false}");

    assertThat(deactivated.statusCode()).isEqualTo(200);
    assertThat(rep.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(401);
    assertThat(new TestBrowser(port).bearer(token).get("/api/v1/providers?state=AL").statusCode())
        .isEqualTo(401);
    assertThat(new TestBrowser(port).signIn("signin-rep", PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void passwordsFollowThePolicyAndAreStoredAsBcryptHashes() {
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);

    var tooShort =
        browser.post(
            "/api/v1/me/password",
            "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"short\"}");
    var changed =
        browser.post(
            "/api/v1/me/password",
            "{\"currentPassword\": \""
                + PASSWORD
                + "\", \"newPassword\": \"a much better passphrase\"}");

    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(json(tooShort).get("errors").get(0).get("field").asString())
        .isEqualTo("newPassword");
    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(
            tenants
                .owner()
                .sql("SELECT password_hash FROM app_user WHERE username = 'signin-rep'")
                .query(String.class)
                .single())
        .startsWith("{bcrypt}$2");
    assertThat(new TestBrowser(port).signIn("signin-rep", "a much better passphrase").statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongCurrentPasswordsPausePasswordChangesLikeFailedSignIns() {
    var browser = new TestBrowser(port);
    browser.signIn("signin-rep", PASSWORD);
    String failures =
        "SELECT count(*) FROM audit_event WHERE action = 'auth.password-change' AND outcome = 'FAILURE'"
            + " AND target = 'signin-rep'";
    long failuresBefore = tenants.owner().sql(failures).query(Long.class).single();
    for (int i = 0; i < 5; i++) {
      var wrong =
          browser.post(
              "/api/v1/me/password",
              "{\"currentPassword\": \"guess number "
                  + i
                  + "\", \"newPassword\": \"a much better passphrase\"}");
      assertThat(wrong.statusCode()).isEqualTo(400);
    }

    var paused =
        browser.post(
            "/api/v1/me/password",
            "{\"currentPassword\": \""
                + PASSWORD
                + "\", \"newPassword\": \"a much better passphrase\"}");

    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(429);
    assertThat(paused.headers().firstValue("Retry-After")).isPresent();
    assertThat(new TestBrowser(port).signIn("signin-rep", PASSWORD).statusCode()).isEqualTo(429);
    // each failure was recorded, not rolled back with the refusal
    assertThat(tenants.owner().sql(failures).query(Long.class).single())
        .isEqualTo(failuresBefore + 5);
  }

  @Test
  void aPasswordResetByAnAdministratorMustBeChangedBeforeAnythingElse() {
    var admin = new TestBrowser(port);
    admin.signIn("admin", "admin-password-for-tests");
    String temporary =
        json(admin.post(
                "/api/v1/admin/users/" + tenants.userId("signin-rep") + "/password-reset", "{}"))
            .get("temporaryPassword")
            .asString();

    var rep = new TestBrowser(port);
    var signIn = rep.signIn("signin-rep", temporary);
    var script =
        new TestBrowser(port)
            .withoutCsrfHeader()
            .post(
                "/api/v1/auth/token",
                "{\"username\": \"signin-rep\", \"password\": \"" + temporary + "\"}");

    assertThat(json(signIn).get("mustChangePassword").asBoolean()).isTrue();
    assertThat(json(script).get("mustChangePassword").asBoolean()).isTrue();
    var bearer = new TestBrowser(port).bearer(json(script).get("accessToken").asString());
    for (var blocked :
        java.util.List.of(
            rep.get("/api/v1/providers?state=AL"),
            bearer.get("/api/v1/providers?state=AL"),
            rep.post(
                "/api/v1/me/tokens",
                "{\"name\": \"x\", \"scope\": \"READ\", \"expiresInDays\": 1}"))) {
      assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(403);
      assertThat(json(blocked).get("title").asString()).isEqualTo("Password change required");
      assertThat(json(blocked).get("detail").asString()).contains("POST /api/v1/me/password");
    }
    assertThat(json(rep.get("/api/v1/me")).get("mustChangePassword").asBoolean()).isTrue();
    var same =
        rep.post(
            "/api/v1/me/password",
            "{\"currentPassword\": \"" + temporary + "\", \"newPassword\": \"" + temporary + "\"}");
    assertThat(same.statusCode()).isEqualTo(400);

    var changed =
        rep.post(
            "/api/v1/me/password",
            "{\"currentPassword\": \""
                + temporary
                + "\", \"newPassword\": \"a much better passphrase\"}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(rep.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(200);
    assertThat(json(rep.get("/api/v1/me")).get("mustChangePassword").asBoolean()).isFalse();
    assertThat(bearer.get("/api/v1/providers?state=AL").statusCode()).isEqualTo(200);
    assertThat(
            json(new TestBrowser(port).signIn("signin-rep", "a much better passphrase"))
                .get("mustChangePassword")
                .asBoolean())
        .isFalse();
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    var response = new TestBrowser(port).get("/");

    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy"))
        .hasValue("strict-origin-when-cross-origin");
    // HSTS only over TLS: a plain-HTTP response must not carry it
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    var behindTls = new TestBrowser(port).header("X-Forwarded-Proto", "https").get("/");
    assertThat(behindTls.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
  }
}
