package com.medsales.ops;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param redisHost Redis for cache, sessions and rate limits ({@code REDIS_HOST}); blank:
 *     in-process
 * @param redisSsl speak TLS to Redis ({@code REDIS_SSL}; ElastiCache with encryption in transit)
 * @param minFreeDisk below this much free space in MEDSALES_HOME, /health reports the disk DOWN
 * @param checkTimeout how long /health waits for the database or Redis before calling it DOWN
 * @param cacheTtl how long cached reads live before they are read again
 * @param caches the caches modules use; declared up front so that each has its hit and miss metrics
 *     from start-up
 */
@Validated
@ConfigurationProperties("medsales.ops")
public record OpsSettings(
    @Nullable String redisHost,
    @DefaultValue("6379") int redisPort,
    @DefaultValue("false") boolean redisSsl,
    @DefaultValue("1GB") DataSize minFreeDisk,
    @DefaultValue("2s") Duration checkTimeout,
    @DefaultValue("60s") Duration cacheTtl,
    @DefaultValue("dataFreshness") java.util.List<String> caches) {

  public boolean redisConfigured() {
    return redisHost != null && !redisHost.isBlank();
  }
}
