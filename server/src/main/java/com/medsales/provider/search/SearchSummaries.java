package com.medsales.provider.search;

import com.medsales.provider.search.ProviderSearchResult.Count;
import com.medsales.provider.search.ProviderSearchResult.Facets;
import java.io.Serializable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The total and the facet counts of a search's filter, the same on every page: cached by its SQL
 * and values in {@link ProviderSearch#FACETS_CACHE} (cleared when an ingestion publishes, {@code
 * ProviderCaches}). A cache that is away is the configured error handler's to log; the counts are
 * then read from the database.
 */
@Component
class SearchSummaries {

  static final long EXACT_TOTAL_LIMIT = ProviderSearch.EXACT_TOTAL_LIMIT;

  record Summary(long total, Facets facets) implements Serializable {}

  private final JdbcClient jdbc;

  SearchSummaries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The counts of a summary statement, cached under {@code key} (its {@link
   * SearchStatement.Summary#cacheKey()}).
   */
  @Cacheable(cacheNames = ProviderSearch.FACETS_CACHE, key = "#key")
  public Summary count(String key, SearchStatement.Summary statement) {
    String from = statement.from();
    String filter = statement.filter();
    long total =
        jdbc.sql(
                "SELECT count(*) FROM (SELECT 1 "
                    + from
                    + filter
                    + " LIMIT "
                    + (EXACT_TOTAL_LIMIT + 1)
                    + ") c")
            .params(statement.binds())
            .query(Long.class)
            .single();
    var facets =
        new Facets(
            jdbc.sql(
                    """
                    SELECT t.code, x.display_name, count(DISTINCT p.npi) AS n %s
                    JOIN %s t ON t.npi = p.npi AND t.is_primary LEFT JOIN taxonomy x ON x.code = t.code
                    %s GROUP BY t.code, x.display_name ORDER BY n DESC, t.code LIMIT 20
                    """
                        .formatted(from, SearchStatement.TAXONOMIES, filter))
                .params(statement.binds())
                .query((rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list(),
            jdbc.sql(
                    "SELECT a.state, count(*) AS n "
                        + from
                        + (filter.isEmpty() ? "WHERE" : filter + " AND")
                        + " a.state IS NOT NULL GROUP BY a.state ORDER BY n DESC, a.state LIMIT 60")
                .params(statement.binds())
                .query((rs, i) -> new Count(rs.getString(1), null, rs.getLong(2)))
                .list());
    return new Summary(total, facets);
  }
}
