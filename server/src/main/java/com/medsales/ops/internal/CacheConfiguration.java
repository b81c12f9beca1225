package com.medsales.ops.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.medsales.ops.OpsSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Caching: Redis when {@code REDIS_HOST} is set (shared by every API instance), Caffeine in-process
 * otherwise. A cache that fails (Redis away) is logged and bypassed, never an error for the caller:
 * the database answers instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

  @Override
  public CacheErrorHandler errorHandler() {
    return new LoggingCacheErrorHandler();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${medsales.ops.redis-host:}'.isBlank()")
  static class InProcess {
    @Bean
    CacheManager cacheManager(OpsSettings settings) {
      var manager = new CaffeineCacheManager();
      manager.setCaffeine(
          Caffeine.newBuilder()
              .expireAfterWrite(settings.cacheTtl())
              .maximumSize(10_000)
              .recordStats());
      manager.setCacheNames(settings.caches());
      return manager;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("!'${medsales.ops.redis-host:}'.isBlank()")
  static class Redis {
    @Bean
    LettuceConnectionFactory redisConnectionFactory(OpsSettings settings) {
      var client =
          LettuceClientConfiguration.builder()
              .commandTimeout(settings.checkTimeout())
              .clientOptions(
                  ClientOptions.builder()
                      .socketOptions(
                          SocketOptions.builder().connectTimeout(settings.checkTimeout()).build())
                      .build());
      if (settings.redisSsl()) {
        client.useSsl();
      }
      return new LettuceConnectionFactory(
          new RedisStandaloneConfiguration(settings.redisHost(), settings.redisPort()),
          client.build());
    }

    @Bean
    CacheManager cacheManager(RedisConnectionFactory connections, OpsSettings settings) {
      return RedisCacheManager.builder(connections)
          .cacheDefaults(
              RedisCacheConfiguration.defaultCacheConfig()
                  .entryTtl(settings.cacheTtl())
                  .prefixCacheNameWith("medsales:"))
          .enableStatistics()
          .initialCacheNames(new java.util.LinkedHashSet<>(settings.caches()))
          .disableCreateOnMissingCache()
          .build();
    }
  }
}
