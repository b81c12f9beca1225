package com.medsales.identity.internal;

import com.medsales.identity.IdentitySettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.ConfigureRedisAction;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;

/**
 * Web sessions are shared by every API instance: in PostgreSQL by default (Spring Boot's JDBC
 * session store, on the tables of migration V10), in Redis when {@code REDIS_HOST} is set. The
 * Redis store is indexed by user name, so an administrator can end a user's sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${medsales.ops.redis-host:}'.isBlank()")
@EnableRedisIndexedHttpSession(redisNamespace = "medsales:session")
class SessionConfiguration {

  /**
   * ElastiCache refuses CONFIG; sessions expire by their keys' TTL without keyspace notifications.
   */
  @Bean
  ConfigureRedisAction configureRedisAction() {
    return ConfigureRedisAction.NO_OP;
  }

  @Bean
  SessionRepositoryCustomizer<RedisIndexedSessionRepository> idleTimeout(
      IdentitySettings settings) {
    return repository -> repository.setDefaultMaxInactiveInterval(settings.sessionIdleTimeout());
  }
}
