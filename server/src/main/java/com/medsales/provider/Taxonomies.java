package com.medsales.provider;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The NUCC taxonomy code set, for specialty pickers: read on every search form, so cached. */
@Service
public class Taxonomies {

  /** The taxonomy list; evicted when an ingestion publishes (see {@link ProviderCaches}). */
  public static final String CACHE = "taxonomies";

  private final JdbcClient jdbc;

  Taxonomies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Taxonomy(
      String code,
      @Nullable String grouping,
      @Nullable String classification,
      @Nullable String specialization,
      @Nullable String displayName)
      implements Serializable {}

  @Cacheable(cacheNames = CACHE, key = "'all'")
  @Transactional(readOnly = true)
  public List<Taxonomy> all() {
    return List.copyOf(
        jdbc.sql(
                "SELECT code, grouping, classification, specialization, display_name FROM taxonomy ORDER BY code")
            .query(
                (rs, i) ->
                    new Taxonomy(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
            .list());
  }
}
