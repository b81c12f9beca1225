package com.medsales.provider;

import com.medsales.ingest.DatasetPublished;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops the provider module's cached reads (profiles, organisation profiles, search totals and
 * facets, the map's places, the taxonomy list) when any ingestion publishes: a profile joins NPPES
 * with Part B, Part D and Open Payments, so a publish of any of them can change it. Synchronous, so
 * the run that published is not reported done before its data shows, and last, once the publish has
 * committed and the search and CMS-provider tables are rebuilt, so that no cache refills from the
 * rows they replace. A cache that could not be cleared is not retried (its entries expire with the
 * TTL).
 */
@Component
class ProviderCaches {

  static final List<String> NAMES =
      List.of(
          Providers.CACHE,
          Organizations.CACHE,
          com.medsales.provider.search.ProviderSearch.FACETS_CACHE,
          com.medsales.provider.search.ProviderMap.POINTS_CACHE,
          Taxonomies.CACHE);

  private static final Logger log = LoggerFactory.getLogger(ProviderCaches.class);

  private final CacheManager caches;

  ProviderCaches(CacheManager caches) {
    this.caches = caches;
  }

  @TransactionalEventListener(id = "provider.caches-clear")
  @Order(Ordered.LOWEST_PRECEDENCE)
  void on(DatasetPublished published) {
    for (String name : NAMES) {
      Cache cache = caches.getCache(name);
      if (cache == null) {
        continue;
      }
      try {
        cache.clear();
      } catch (RuntimeException e) {
        // a cache that is away (Redis down) holds nothing that could be served; its entries expire
        // with the TTL
        log.warn(
            "Could not clear cache {} after run {}: {}", name, published.runId(), e.getMessage());
      }
    }
  }
}
