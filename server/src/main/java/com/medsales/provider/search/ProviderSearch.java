package com.medsales.provider.search;

import com.medsales.platform.InvalidFields;
import com.medsales.provider.ProviderProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider search over the published registry and the CMS datasets: the query checked ({@link
 * SearchValidation}), its statement composed ({@link SearchStatement}), the page read here and its
 * total and facets from the cached {@link SearchSummaries}.
 */
@Service
public class ProviderSearch {

  public static final int MAX_SIZE = 100;
  public static final double MAX_RADIUS_MILES = 250;
  static final long EXACT_TOTAL_LIMIT = 10_000;

  /**
   * Totals and facet counts by search filter; evicted when an ingestion publishes (see {@code
   * ProviderCaches}).
   */
  public static final String FACETS_CACHE = "providerFacets";

  private final JdbcClient jdbc;
  private final SearchValidation validation;
  private final SearchSummaries summaries;
  private final javax.sql.DataSource dataSource;

  ProviderSearch(
      JdbcClient jdbc,
      SearchValidation validation,
      SearchSummaries summaries,
      javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.validation = validation;
    this.summaries = summaries;
  }

  /** A page of the search, or {@link InvalidFields} naming every bad field. */
  @Transactional(readOnly = true)
  public ProviderSearchResult search(SearchQuery query) {
    return search(query, Map.of());
  }

  /**
   * A page of the search, or {@link InvalidFields} naming every bad field, those of {@code
   * rejected} included.
   *
   * @param rejected fields the caller could not bind (a word for a number, an unknown sort), each
   *     with its problem
   */
  @Transactional(readOnly = true)
  public ProviderSearchResult search(SearchQuery query, Map<String, String> rejected) {
    SearchCriteria criteria = validation.check(query, rejected);
    SearchStatement statement = SearchStatement.of(criteria);
    if (criteria.name() != null) {
      jdbc.sql("SET LOCAL pg_trgm.similarity_threshold = " + SearchCriteria.WORD_SIMILARITY)
          .update();
    }
    List<Object[]> keys = new ArrayList<>();
    RowMapper<ProviderSearchResult.Item> item =
        (rs, i) -> {
          keys.add(new Object[] {rs.getString("sort_key"), rs.getLong("npi")});
          return item(rs);
        };
    // a plan for these values: after five runs PgJDBC prepares the statement on the server, whose
    // generic plan cannot
    // see how few rows one code in a few ZIPs holds (at national size it read a code's 700,000 rows
    // to keep 6,000)
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    List<ProviderSearchResult.Item> items =
        jdbc.sql(statement.page()).params(statement.binds()).query(item).list();
    String nextCursor = null;
    int size = criteria.size();
    if (items.size() > size) {
      items = items.subList(0, size);
      Object[] last = keys.get(size - 1);
      nextCursor = new SearchCriteria.Cursor(String.valueOf(last[0]), (Long) last[1]).encode();
    }
    SearchSummaries.Summary summary =
        summaries.count(statement.summary().cacheKey(), statement.summary());
    long total = summary.total();
    SearchCriteria.Point center = criteria.center();
    return new ProviderSearchResult(
        items,
        nextCursor,
        Math.min(total, EXACT_TOTAL_LIMIT),
        total > EXACT_TOTAL_LIMIT,
        summary.facets(),
        center == null ? null : new ProviderSearchResult.Center(center.lat(), center.lon()));
  }

  private static ProviderSearchResult.Item item(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    short type = rs.getShort("entity_type");
    boolean hasType = !rs.wasNull();
    String org = rs.getString("organization_name");
    String display =
        org != null
            ? org
            : String.join(
                " ",
                Stream.of(
                        rs.getString("first_name"),
                        rs.getString("middle_name"),
                        rs.getString("last_name"),
                        rs.getString("name_suffix"))
                    .filter(s -> s != null)
                    .toList());
    String code = rs.getString("taxonomy_code");
    Double lat = rs.getObject("latitude", Double.class);
    return new ProviderSearchResult.Item(
        String.valueOf(rs.getLong("npi")),
        display.isBlank() ? String.valueOf(rs.getLong("npi")) : display,
        hasType ? (type == 1 ? ProviderProfile.INDIVIDUAL : ProviderProfile.ORGANIZATION) : null,
        !rs.getBoolean("in_registry")
            ? ProviderProfile.NOT_IN_REGISTRY
            : rs.getBoolean("active") ? ProviderProfile.ACTIVE : ProviderProfile.DEACTIVATED,
        rs.getBoolean("in_registry"),
        rs.getString("credential"),
        code == null
            ? null
            : new ProviderSearchResult.Specialty(code, rs.getString("taxonomy_name")),
        rs.getString("city") == null && rs.getString("zip5") == null
            ? null
            : new ProviderSearchResult.Address(
                rs.getString("line1"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("zip5"),
                lat,
                rs.getObject("longitude", Double.class)),
        round(rs.getObject("distance", Double.class)),
        rs.getBigDecimal("services"),
        rs.getBigDecimal("beneficiaries"),
        rs.getBigDecimal("claims"),
        rs.getBigDecimal("payments"),
        rs.getBigDecimal("basket_volume"),
        rs.getObject("decile") == null ? null : rs.getInt("decile"));
  }

  /**
   * How many providers the search finds, counting no further than {@code limit + 1}; {@link
   * InvalidFields} as {@link #search} for bad fields. The page's size and cursor play no part.
   */
  @Transactional(readOnly = true)
  public long count(SearchQuery query, Map<String, String> rejected, long limit) {
    SearchCriteria criteria = validation.check(query, rejected);
    SearchStatement statement = SearchStatement.of(criteria);
    if (criteria.name() != null) {
      jdbc.sql("SET LOCAL pg_trgm.similarity_threshold = " + SearchCriteria.WORD_SIMILARITY)
          .update();
    }
    jdbc.sql("SET LOCAL statement_timeout = 0").update();
    SearchStatement.Summary summary = statement.summary();
    return jdbc.sql(
            "SELECT count(*) FROM (SELECT 1 "
                + summary.from()
                + summary.filter()
                + " LIMIT "
                + (Math.min(limit, Long.MAX_VALUE - 1) + 1)
                + ") c")
        .params(summary.binds())
        .query(Long.class)
        .single();
  }

  /**
   * Every provider the search finds, at most {@code limit}, in its pages' order from the first page
   * on (size and cursor play no part), handed to {@code each} as they are read: one statement
   * streamed with a fetch size, so memory stays flat however many rows there are. For exports.
   */
  @Transactional(readOnly = true)
  public void stream(
      SearchQuery query,
      Map<String, String> rejected,
      long limit,
      int fetchSize,
      java.util.function.Consumer<ProviderSearchResult.Item> each) {
    SearchCriteria criteria = validation.check(query, rejected);
    SearchStatement statement = SearchStatement.of(criteria);
    if (criteria.name() != null) {
      jdbc.sql("SET LOCAL pg_trgm.similarity_threshold = " + SearchCriteria.WORD_SIMILARITY)
          .update();
    }
    // an export reads for as long as the writer takes; the pool's statement timeout is for pages
    jdbc.sql("SET LOCAL statement_timeout = 0").update();
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    Map<String, @Nullable Object> binds = new java.util.HashMap<>(statement.binds());
    binds.put("limit", limit);
    var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    template.setFetchSize(fetchSize);
    JdbcClient.create(template)
        .sql(statement.page())
        .params(binds)
        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(item(rs)));
  }

  /**
   * The NPIs a search matches, all of them (not a page), or the count when there are more than
   * {@code cap}.
   *
   * @param npis the matching NPIs, ascending; empty when {@code total} exceeds the cap
   * @param total how many match, exact up to {@value #EXACT_TOTAL_LIMIT}
   * @param atLeast true when {@code total} is a lower bound (more than {@value #EXACT_TOTAL_LIMIT}
   *     match)
   */
  public record Matches(List<Long> npis, long total, boolean atLeast) {

    public boolean exceeds(int cap) {
      return total > cap;
    }
  }

  /**
   * Every provider {@code query} matches, set-based over the same statement as the search's total
   * (its paging, sort and size aside), up to {@code cap}; beyond it only their count. Not cached:
   * what a publish changed is read at once. {@link InvalidFields} names every bad field, those of
   * {@code rejected} included.
   */
  @Transactional(readOnly = true)
  public Matches matching(SearchQuery query, Map<String, String> rejected, int cap) {
    SearchCriteria criteria = validation.check(query, rejected);
    SearchStatement.Summary summary = SearchStatement.of(criteria).summary();
    if (criteria.name() != null) {
      jdbc.sql("SET LOCAL pg_trgm.similarity_threshold = " + SearchCriteria.WORD_SIMILARITY)
          .update();
    }
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    List<Long> npis =
        jdbc.sql(
                "SELECT DISTINCT p.npi "
                    + summary.from()
                    + summary.filter()
                    + " ORDER BY p.npi LIMIT "
                    + (cap + 1))
            .params(summary.binds())
            .query(Long.class)
            .list();
    if (npis.size() <= cap) {
      return new Matches(npis, npis.size(), false);
    }
    long total =
        jdbc.sql(
                "SELECT count(*) FROM (SELECT DISTINCT p.npi "
                    + summary.from()
                    + summary.filter()
                    + " LIMIT "
                    + (EXACT_TOTAL_LIMIT + 1)
                    + ") c")
            .params(summary.binds())
            .query(Long.class)
            .single();
    return new Matches(List.of(), Math.min(total, EXACT_TOTAL_LIMIT), total > EXACT_TOTAL_LIMIT);
  }

  private static @Nullable Double round(@Nullable Double miles) {
    return miles == null ? null : Math.round(miles * 100) / 100.0;
  }
}
