package com.medsales.ops.internal;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.medsales.ops.OpsSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.stereotype.Component;

/**
 * {@code medsales.cache.hit.ratio{cache}}: hits over lookups since start-up, per declared cache,
 * from the cache manager's own statistics (Caffeine's recordStats, Redis's enableStatistics). NaN
 * before the first lookup.
 */
@Component
class CacheHitRatioMetrics implements MeterBinder {

  private final CacheManager caches;
  private final OpsSettings settings;

  CacheHitRatioMetrics(CacheManager caches, OpsSettings settings) {
    this.caches = caches;
    this.settings = settings;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : settings.caches()) {
      Gauge.builder("medsales.cache.hit.ratio", caches, manager -> ratio(manager.getCache(name)))
          .tag("cache", name)
          .description("Cache hits over lookups since start-up")
          .register(registry);
    }
  }

  static double ratio(Cache cache) {
    long hits;
    long misses;
    if (cache instanceof CaffeineCache caffeine) {
      CacheStats stats = caffeine.getNativeCache().stats();
      hits = stats.hitCount();
      misses = stats.missCount();
    } else if (cache instanceof RedisCache redis) {
      hits = redis.getStatistics().getHits();
      misses = redis.getStatistics().getMisses();
    } else {
      return Double.NaN;
    }
    return hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
  }
}
