package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestTenants;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import ssotest.SsoTestServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enterprise single sign-on against a real OpenID Connect provider (Spring Authorization Server,
 * started here): the browser goes to the provider, signs in there, comes back, and is signed in to
 * MedSales as a user of the tenant.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ALPHA_OIDC_CLIENT_SECRET=" + SsoTestServer.CLIENT_SECRET)
class SingleSignOnIntegrationTests {

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  ConfigurableApplicationContext provider;

  @AfterEach
  void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void aTenantsUserSignsInThroughTheTenantsIdentityProvider() throws Exception {
    String slug = "sso-alpha";
    provider = SsoTestServer.start("http://localhost:" + port, slug);
    String issuer = "http://localhost:" + SsoTestServer.port(provider);
    var tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant(slug);
    // configured by the tenant's admin through the API
    tenants.user(tenant, "sso-admin", "sso admin passphrase", "ADMIN");
    var admin = new com.medsales.testing.TestBrowser(port);
    admin.signIn("sso-admin", "sso admin passphrase");
    var configured =
        admin.put(
            "/api/v1/admin/sso",
            "{\"issuerUri\": \""
                + issuer
                + "\", \"clientId\": \"medsales\","
                + " \"clientSecretRef\": \"ALPHA_OIDC_CLIENT_SECRET\", \"defaultRoles\": [\"REP\"], \"enabled\": true}");
    assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);

    var cookies = new CookieManager();
    var browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    // MedSales sends the browser to the provider, which asks it to sign in
    var toProvider = get(browser, "http://localhost:" + port + "/oauth2/authorization/" + slug);
    assertThat(toProvider.statusCode()).isEqualTo(302);
    assertThat(location(toProvider)).startsWith(issuer + "/oauth2/authorize");
    var toLogin = get(browser, location(toProvider));
    String loginPage = get(browser, absolute(issuer, location(toLogin))).body();
    var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(matcher.find()).as(loginPage).isTrue();
    var signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + SsoTestServer.USER
                            + "&password="
                            + SsoTestServer.PASSWORD
                            + "&_csrf="
                            + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // back to the authorization endpoint, which returns the browser to MedSales with a code
    var withCode = get(browser, absolute(issuer, location(signedIn)));
    assertThat(location(withCode))
        .startsWith("http://localhost:" + port + "/login/oauth2/code/" + slug);
    var home = get(browser, location(withCode));
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(location(home)).endsWith("/");

    var session = get(browser, "http://localhost:" + port + "/api/v1/auth/session");
    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    var user = JsonMapper.builder().build().readTree(session.body());
    assertThat(user.get("username").asString()).isEqualTo(SsoTestServer.EMAIL);
    assertThat(user.get("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(user.get("roles").toString()).isEqualTo("[\"REP\"]");
    assertThat(
            tenants
                .owner()
                .sql("SELECT sso_subject FROM app_user WHERE username = ?")
                .param(SsoTestServer.EMAIL)
                .query(String.class)
                .single())
        .isEqualTo(SsoTestServer.USER);
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'auth.sign-in'"
                        + " AND target = 'sso' AND outcome = 'SUCCESS'")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anUnknownTenantHasNoSingleSignOn() throws Exception {
    var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    var response =
        get(browser, "http://localhost:" + port + "/oauth2/authorization/no-such-tenant");

    assertThat(response.statusCode()).isIn(200, 404);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  static HttpResponse<String> get(HttpClient client, String url)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new AssertionError(
                    "no redirect: " + response.statusCode() + " " + response.body()));
  }

  static String absolute(String base, String location) {
    return location.startsWith("http") ? location : base + location;
  }
}
