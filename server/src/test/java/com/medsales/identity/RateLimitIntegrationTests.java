package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/** Rate limits per user and per token, in-process (no Redis configured). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "medsales.identity.requests-per-minute=3")
class RateLimitIntegrationTests {

  static final String PASSWORD = "rate limit passphrase";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;

  @Test
  void aUserWhoUsesUpTheLimitGets429WithRetryAfterWhileOthersCarryOn() {
    var tenants = new TestTenants(bulk, passwords);
    var tenant = tenants.tenant("rate");
    tenants.user(tenant, "rate-busy", PASSWORD, "REP");
    tenants.user(tenant, "rate-calm", PASSWORD, "REP");
    var busy = new TestBrowser(port);
    busy.signIn("rate-busy", PASSWORD);

    for (int i = 0; i < 3; i++) {
      assertThat(busy.get("/api/v1/auth/session").statusCode()).isEqualTo(200);
    }
    var limited = busy.get("/api/v1/auth/session");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(JsonMapper.builder().build().readTree(limited.body()).get("title").asString())
        .isEqualTo("Too many requests");
    var calm = new TestBrowser(port);
    calm.signIn("rate-calm", PASSWORD);
    assertThat(calm.get("/api/v1/auth/session").statusCode()).isEqualTo(200);
    // an integration token has a bucket of its own
    String token =
        JsonMapper.builder()
            .build()
            .readTree(
                calm.post(
                        "/api/v1/me/tokens",
                        "{\"name\": \"etl\", \"scope\": \"READ\", \"expiresInDays\": 1}")
                    .body())
            .get("token")
            .asString();
    assertThat(new TestBrowser(port).bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);
    // /health is not rate limited
    for (int i = 0; i < 5; i++) {
      assertThat(busy.get("/health").statusCode()).isEqualTo(200);
    }
  }
}
