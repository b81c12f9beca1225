package com.medsales.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.DataFreshness;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import redis.embedded.RedisServer;

/**
 * The Redis path, against a real Redis server: cache in Redis, Redis in /health, and an outage that
 * degrades only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class RedisIntegrationTests {

  static final int PORT = freePort();
  static final RedisServer redis = startRedis();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("medsales.ops.redis-host", () -> "localhost");
    registry.add("medsales.ops.redis-port", () -> PORT);
  }

  @Autowired MockMvcTester mvc;
  @Autowired CacheManager cacheManager;
  @Autowired DataFreshness freshness;
  @Autowired RedisConnectionFactory connections;

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis.isActive()) {
      redis.stop();
    }
  }

  @Test
  void cachesInRedisAndReportsItInHealthAndSurvivesItsOutage() throws IOException {
    assertThat(cacheManager).isInstanceOf(RedisCacheManager.class);

    var healthy = mvc.get().uri("/health").exchange();
    assertThat(healthy).hasStatusOk();
    assertThat(healthy).bodyJson().extractingPath("$.status").isEqualTo("UP");
    assertThat(healthy).bodyJson().extractingPath("$.components.redis.status").isEqualTo("UP");
    assertThat(healthy)
        .bodyJson()
        .extractingPath("$.components.redis.responseTimeMs")
        .asNumber()
        .isNotNull();

    // the data freshness read by /health now lives in Redis
    var keys = new StringRedisTemplate(connections).keys("medsales:dataFreshness*");
    assertThat(keys).isNotEmpty();

    redis.stop();

    var degraded = mvc.get().uri("/health").exchange();
    assertThat(degraded).as("a Redis outage must not fail the API's health check").hasStatusOk();
    assertThat(degraded).bodyJson().extractingPath("$.status").isEqualTo("DEGRADED");
    assertThat(degraded).bodyJson().extractingPath("$.components.redis.status").isEqualTo("DOWN");
    assertThat(degraded).bodyJson().extractingPath("$.components.database.status").isEqualTo("UP");
    // the cache is bypassed, the database answers
    assertThat(freshness.published()).isEmpty();
  }

  private static RedisServer startRedis() {
    try {
      var server = new RedisServer(PORT);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded Redis server", e);
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
