package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.testing.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Profiles, organisation profiles, search facets and the taxonomy list are cached, and dropped when
 * a run publishes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderCachingIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @Autowired CacheManager caches;
  @Autowired MeterRegistry meters;
  @TempDir Path dir;

  @BeforeEach
  void registry() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
  }

  private long hits(String cache) {
    return ((CaffeineCache) caches.getCache(cache)).getNativeCache().stats().hitCount();
  }

  private double ratio(String cache) {
    return meters.get("medsales.cache.hit.ratio").tag("cache", cache).gauge().value();
  }

  @Test
  void servesRepeatedReadsFromTheCacheUntilAnIngestionPublishes() throws Exception {
    // WELLNESS UNLIMITED PHYSICAL THERAPY LLC, an active organisation of the 2018 sample that no
    // other test reads
    String npi = "1457869968";
    for (String cache :
        java.util.List.of(
            "providerProfiles",
            "organizationProfiles",
            "providerFacets",
            "providerMapPoints",
            "taxonomies")) {
      caches.getCache(cache).clear();
    }
    long profileHits = hits("providerProfiles");

    assertThat(mvc.get().uri("/api/v1/providers/" + npi).exchange())
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("ACTIVE");
    assertThat(mvc.get().uri("/api/v1/providers/" + npi).exchange())
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("ACTIVE");
    assertThat(mvc.get().uri("/api/v1/organizations/" + npi).exchange()).hasStatusOk();
    assertThat(mvc.get().uri("/api/v1/organizations/" + npi).exchange()).hasStatusOk();
    assertThat(mvc.get().uri("/api/v1/providers?state=MA").exchange()).hasStatusOk();
    assertThat(mvc.get().uri("/api/v1/providers?state=MA&size=1").exchange()).hasStatusOk();
    mvc.get().uri("/api/v1/taxonomies").exchange();
    mvc.get().uri("/api/v1/taxonomies").exchange();
    assertThat(mvc.get().uri("/api/v1/providers/map?state=MA&zoom=4").exchange()).hasStatusOk();
    assertThat(mvc.get().uri("/api/v1/providers/map?state=MA&zoom=9&bbox=-72,42,-71,43").exchange())
        .hasStatusOk();

    assertThat(hits("providerProfiles"))
        .as("the second profile read, and the organisation's own facts")
        .isGreaterThanOrEqualTo(profileHits + 2);
    assertThat(hits("organizationProfiles")).isPositive();
    assertThat(hits("providerFacets"))
        .as("a second page of the same filter counts nothing again")
        .isPositive();
    assertThat(hits("taxonomies")).isPositive();
    assertThat(hits("providerMapPoints"))
        .as("another view of the same filter reads its places from the cache")
        .isPositive();
    assertThat(ratio("providerProfiles")).isBetween(0.0, 1.0).isPositive();
    assertThat(caches.getCache("providerProfiles").get(Long.parseLong(npi))).isNotNull();

    // behind the cache's back the profile would stay ACTIVE; a published deactivation report drops
    // it
    Path report =
        Files.writeString(
            dir.resolve("deactivations.csv"),
            "\"NPI\",\"NPPES Deactivation Date\"\n\"" + npi + "\",\"01/15/2026\"\n");
    ingestion.runNow("nppes-deactivations", report.toString(), ProgressListener.NONE);

    for (String cache :
        java.util.List.of(
            "providerProfiles",
            "organizationProfiles",
            "providerFacets",
            "providerMapPoints",
            "taxonomies")) {
      assertThat(((CaffeineCache) caches.getCache(cache)).getNativeCache().estimatedSize())
          .as(cache)
          .isZero();
    }
    assertThat(mvc.get().uri("/api/v1/providers/" + npi).exchange())
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("DEACTIVATED");
  }

  @Test
  void exposesAHitRatioPerDeclaredCache() throws Exception {
    for (String cache :
        java.util.List.of(
            "dataFreshness",
            "providerProfiles",
            "organizationProfiles",
            "providerFacets",
            "taxonomies")) {
      assertThat(meters.find("medsales.cache.hit.ratio").tag("cache", cache).gauge())
          .as(cache)
          .isNotNull();
    }
    var scrape = mvc.get().uri("/actuator/prometheus").exchange();
    assertThat(scrape.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .containsPattern("medsales_cache_hit_ratio\\{[^}]*cache=\"providerProfiles\"");
  }
}
