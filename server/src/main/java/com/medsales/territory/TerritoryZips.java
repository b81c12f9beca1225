package com.medsales.territory;

import com.medsales.platform.InvalidFields;
import com.medsales.territory.internal.Membership;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ZIPs a territory holds and how each got there, and the reference ZIPs and counties an editor
 * picks from: each with its home county and state (the Census ZIP-county relationship and county
 * list; they name no cities) and the territory that holds it now.
 */
@Service
public class TerritoryZips {

  /**
   * How a ZIP came into a territory: aligned itself, by its home county, or by its home county's
   * state.
   */
  public enum Via {
    ZIP,
    COUNTY,
    STATE
  }

  public record TerritoryZip(
      String zip5,
      Via via,
      UUID territoryId,
      String territory,
      @Nullable String countyGeoid,
      @Nullable String county,
      @Nullable String state,
      boolean knownLocation) {}

  /**
   * One page of a territory's ZIPs by ZIP; {@code total} and {@code direct} (aligned by ZIP) count
   * all pages.
   */
  public record ZipPage(
      List<TerritoryZip> items, long total, long direct, @Nullable String nextCursor) {}

  /**
   * A reference ZIP (or one aligned without being in the reference data) and the territory holding
   * it, if any.
   */
  public record ZipPlace(
      String zip5,
      @Nullable String countyGeoid,
      @Nullable String county,
      @Nullable String state,
      boolean knownLocation,
      @Nullable UUID territoryId,
      @Nullable String territory,
      @Nullable Via via) {}

  public record CountyPlace(
      String geoid,
      String name,
      String state,
      long zips,
      @Nullable UUID territoryId,
      @Nullable String territory) {}

  private static final Pattern ZIP_PREFIX = Pattern.compile("[0-9]{1,5}");

  /** "Kings, NY", "kings ny", "Kings County NY": a name, then a state code. */
  private static final Pattern NAME_AND_STATE = Pattern.compile("(.+?)[\\s,]+([A-Za-z]{2})");

  /**
   * A ZIP's home county and the territory holding it now (V85's {@code territory_of}, the ZIP lying
   * in its county's state): joins on {@code x.zip5}.
   */
  private static final String EFFECTIVE_TERRITORY =
      """
      LEFT JOIN zip_county zc ON zc.zip5 = x.zip5 AND zc.home
      LEFT JOIN county k ON k.geoid = zc.county_geoid
      LEFT JOIN LATERAL territory_of(x.zip5, k.state) r ON true
      LEFT JOIN territory t ON t.id = r.territory_id
      """;

  private final JdbcClient jdbc;
  private final Territories territories;

  TerritoryZips(JdbcClient jdbc, Territories territories) {
    this.jdbc = jdbc;
    this.territories = territories;
  }

  /**
   * The ZIPs of a territory (or of the territories under a district or region), by ZIP, {@code
   * cursor} being the last ZIP seen.
   */
  @Transactional(readOnly = true)
  public ZipPage zips(UUID id, @Nullable String cursor, int size) {
    territories.territory(id);
    if (cursor != null && !cursor.isBlank() && !Territories.ZIP5.matcher(cursor).matches()) {
      throw InvalidFields.of("cursor", "must be the nextCursor of a previous page");
    }
    String ctes = Membership.zipCtes("node_id = :id");
    var counts =
        jdbc.sql(
                ctes
                    + "SELECT count(*) AS total, count(*) FILTER (WHERE via = 'ZIP') AS direct FROM aligned_zip")
            .param("id", id)
            .query((rs, row) -> new long[] {rs.getLong("total"), rs.getLong("direct")})
            .single();
    List<TerritoryZip> items =
        jdbc.sql(
                ctes
                    + """
                    SELECT a.zip5, a.via, t.id AS territory_id, t.name AS territory, k.geoid, k.name AS county, k.state,
                           EXISTS (SELECT 1 FROM zip_centroid c WHERE c.zip5 = a.zip5) AS known
                    FROM aligned_zip a JOIN territory t ON t.id = a.leaf_id
                    LEFT JOIN zip_county zc ON zc.zip5 = a.zip5 AND zc.home
                    LEFT JOIN county k ON k.geoid = zc.county_geoid
                    WHERE a.zip5 > :after
                    ORDER BY a.zip5 LIMIT :limit
                    """)
            .param("id", id)
            .param("after", cursor == null ? "" : cursor)
            .param("limit", size + 1)
            .query(
                (rs, row) ->
                    new TerritoryZip(
                        rs.getString("zip5"),
                        Via.valueOf(rs.getString("via")),
                        rs.getObject("territory_id", UUID.class),
                        rs.getString("territory"),
                        rs.getString("geoid"),
                        rs.getString("county"),
                        rs.getString("state"),
                        rs.getBoolean("known")))
            .list();
    String next = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      next = items.getLast().zip5();
    }
    return new ZipPage(items, counts[0], counts[1], next);
  }

  /**
   * The ZIPs starting with {@code prefix} (1 to 5 digits), in order, from the reference data and
   * the tenant's own alignment, each with the territory holding it now.
   */
  @Transactional(readOnly = true)
  public List<ZipPlace> lookUp(String prefix, int limit) {
    String digits = prefix.strip();
    if (!ZIP_PREFIX.matcher(digits).matches()) {
      throw InvalidFields.of("prefix", "must be 1 to 5 digits of a ZIP code");
    }
    String low = (digits + "00000").substring(0, 5);
    String high = (digits + "99999").substring(0, 5);
    return jdbc.sql(
            """
            SELECT x.zip5, k.geoid, k.name AS county, k.state,
                   EXISTS (SELECT 1 FROM zip_centroid c WHERE c.zip5 = x.zip5) AS known, t.id AS territory_id,
                   t.name AS territory, r.via
            FROM (SELECT zip5 FROM zip_centroid WHERE zip5 BETWEEN :low AND :high
                  UNION SELECT zip5 FROM zip_county WHERE zip5 BETWEEN :low AND :high AND home
                  UNION SELECT zip5 FROM territory_zip WHERE tenant_id = medsales_tenant() AND zip5 BETWEEN :low AND :high
                  ORDER BY 1 LIMIT :limit) x
            """
                + EFFECTIVE_TERRITORY
                + " ORDER BY x.zip5")
        .param("low", low)
        .param("high", high)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new ZipPlace(
                    rs.getString("zip5"),
                    rs.getString("geoid"),
                    rs.getString("county"),
                    rs.getString("state"),
                    rs.getBoolean("known"),
                    rs.getObject("territory_id", UUID.class),
                    rs.getString("territory"),
                    rs.getString("via") == null ? null : Via.valueOf(rs.getString("via"))))
        .list();
  }

  /**
   * Counties whose name starts with {@code query} ("kings", "Kings County"), optionally followed by
   * a state code ("Kings, NY"), or whose GEOID it is or starts with; by state and name, each with
   * its number of home ZIPs and the territory it is aligned to.
   */
  @Transactional(readOnly = true)
  public List<CountyPlace> counties(String query, @Nullable String state, int limit) {
    String q = query.strip();
    if (q.isEmpty() || q.length() > 100) {
      throw InvalidFields.of("q", "give 1 to 100 characters of a county's name or GEOID");
    }
    String st = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
    Matcher nameAndState = NAME_AND_STATE.matcher(q);
    if (st == null
        && nameAndState.matches()
        && Territories.STATES.contains(nameAndState.group(2).toUpperCase(Locale.ROOT))) {
      q = nameAndState.group(1);
      st = nameAndState.group(2).toUpperCase(Locale.ROOT);
    }
    if (st != null && !Territories.STATES.contains(st)) {
      throw InvalidFields.of("state", "must be a USPS state code");
    }
    String name =
        q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.sql(
            """
            SELECT k.geoid, k.name, k.state,
                   (SELECT count(*) FROM zip_county zc WHERE zc.county_geoid = k.geoid AND zc.home) AS zips,
                   t.id AS territory_id, t.name AS territory
            FROM county k
            LEFT JOIN territory_county tc ON tc.tenant_id = medsales_tenant() AND tc.county_geoid = k.geoid
            LEFT JOIN territory t ON t.id = tc.territory_id
            WHERE (CAST(:state AS text) IS NULL OR k.state = :state)
              AND (lower(k.name) LIKE :name || '%' OR k.base_name LIKE :name || '%' OR k.geoid LIKE :name || '%')
            ORDER BY k.state, lower(k.name) LIMIT :limit
            """)
        .param("state", st)
        .param("name", name)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new CountyPlace(
                    rs.getString("geoid"),
                    rs.getString("name"),
                    rs.getString("state"),
                    rs.getLong("zips"),
                    rs.getObject("territory_id", UUID.class),
                    rs.getString("territory")))
        .list();
  }
}
