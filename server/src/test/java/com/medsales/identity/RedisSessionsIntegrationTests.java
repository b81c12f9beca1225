package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

/**
 * With {@code REDIS_HOST} set, sessions and rate limits live in Redis (a real server here), so any
 * API instance serves any user and the limits hold across instances.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "medsales.identity.requests-per-minute=4")
@DirtiesContext
class RedisSessionsIntegrationTests {

  static final int PORT = freePort();
  static final RedisServer redis = start();
  static final String PASSWORD = "redis sessions passphrase";

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("medsales.ops.redis-host", () -> "localhost");
    registry.add("medsales.ops.redis-port", () -> PORT);
  }

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired RedisConnectionFactory connections;
  @Autowired JdbcClient jdbc;

  @AfterAll
  static void stop() throws IOException {
    redis.stop();
  }

  @Test
  void sessionsAndRateLimitsLiveInRedis() {
    var tenants = new TestTenants(bulk, passwords);
    tenants.user(tenants.tenant("redis"), "redis-rep", PASSWORD, "REP");
    var browser = new TestBrowser(port);

    assertThat(browser.signIn("redis-rep", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/v1/auth/session").statusCode()).isEqualTo(200);

    var redisKeys = new StringRedisTemplate(connections);
    assertThat(redisKeys.keys("medsales:session:sessions:*")).isNotEmpty();
    assertThat(
            tenants.owner().sql("SELECT count(*) FROM spring_session").query(Long.class).single())
        .isZero();
    assertThat(redisKeys.keys("medsales:rate:user:*")).hasSize(1);
    for (int i = 0; i < 3; i++) {
      browser.get("/api/v1/auth/session");
    }
    assertThat(browser.get("/api/v1/auth/session").statusCode()).isEqualTo(429);
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RedisServer start() {
    try {
      var server = new RedisServer(PORT);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
