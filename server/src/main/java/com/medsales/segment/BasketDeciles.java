package com.medsales.segment;

import com.medsales.platform.InvalidFields;
import com.medsales.segment.Ranked.Kind;
import com.medsales.segment.internal.BasketComputations;
import com.medsales.territory.Territories;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A basket's deciles as the API reads them: a scope's providers page by page (volume descending,
 * then NPI, keyset-paged), the per-decile summary with who entered or left deciles 8 to 10 since
 * the computation before, and one provider's deciles in each of the tenant's baskets across the
 * loaded years.
 */
@Service
public class BasketDeciles {

  static final int MOVERS_SHOWN = 50;

  private final JdbcClient jdbc;
  private final Baskets baskets;
  private final Territories territories;

  BasketDeciles(JdbcClient jdbc, Baskets baskets, Territories territories) {
    this.jdbc = jdbc;
    this.baskets = baskets;
    this.territories = territories;
  }

  public record Specialty(String code, @Nullable String name) {}

  public record Address(
      @Nullable String line1,
      @Nullable String city,
      @Nullable String state,
      @Nullable String zip5) {}

  /**
   * One provider: volume is the basket's metric summed over their matching rows, a suppressed
   * (blank) cell counted as 0; {@code suppressedCells} says how many there were.
   */
  public record Row(
      String npi,
      String name,
      @Nullable Specialty primarySpecialty,
      @Nullable Address address,
      BigDecimal volume,
      BigDecimal ownVolume,
      BigDecimal ownShare,
      int decile,
      int suppressedCells) {}

  /** NATION, STATE (with its state) or TERRITORY (with its id and name). */
  public record Scope(
      String kind,
      @Nullable String state,
      @Nullable UUID territoryId,
      @Nullable String territory) {}

  public record Page(
      List<Row> items,
      @Nullable String nextCursor,
      long total,
      @Nullable Integer year,
      Scope scope,
      String status) {}

  public record DecileCount(int decile, long providers, BigDecimal volume) {}

  public record Mover(String npi, String name, int previousDecile, int decile, BigDecimal volume) {}

  /**
   * Per decile (10 first) its providers and volume; {@code entered} the providers now in deciles 8
   * to 10 who were not in the computation compared with ({@code comparedWithYear}: the same year
   * before a re-publish or an edit, else the previous data year), {@code left} those who were and
   * are not; each the {@value #MOVERS_SHOWN} largest, with the full counts.
   */
  public record Summary(
      UUID basketId,
      @Nullable Integer year,
      Scope scope,
      String status,
      @Nullable OffsetDateTime computedAt,
      long providers,
      BigDecimal volume,
      List<DecileCount> deciles,
      @Nullable Integer comparedWithYear,
      @Nullable OffsetDateTime comparedWithComputedAt,
      long enteredCount,
      long leftCount,
      List<Mover> entered,
      List<Mover> left) {}

  public record ProviderYear(
      int year,
      BigDecimal volume,
      BigDecimal ownShare,
      int decile,
      @Nullable Integer stateDecile) {}

  /** A provider in one basket: each computed year, decile 0 and volume 0 where they had none. */
  public record ProviderBasket(
      UUID basketId, String name, BasketSource source, String metric, List<ProviderYear> years) {}

  private record Live(
      long id,
      int year,
      @Nullable Long previousId,
      @Nullable OffsetDateTime computedAt,
      @Nullable Integer previousYear,
      @Nullable OffsetDateTime previousComputedAt) {}

  private record Where(Kind kind, Scope scope, @Nullable String state, @Nullable UUID territory) {}

  @Transactional(readOnly = true)
  public Page deciles(
      UUID basketId,
      @Nullable Integer year,
      @Nullable String state,
      @Nullable UUID territoryId,
      int minDecile,
      @Nullable String cursor,
      int size) {
    Baskets.BasketView basket = baskets.find(basketId);
    Where where = where(state, territoryId);
    Integer wanted = year != null ? year : latestYear(basket.source());
    Live live = live(basketId, wanted);
    if (live == null) {
      return new Page(List.of(), null, 0, wanted, where.scope(), basket.status());
    }
    BigDecimal afterVolume = null;
    Long afterNpi = null;
    if (cursor != null) {
      String[] parts = decode(cursor);
      afterVolume = new BigDecimal(parts[0]);
      afterNpi = Long.parseLong(parts[1]);
    }
    String ranked = Ranked.of(where.kind(), ":c");
    String sql =
        """
        SELECT k.npi, k.volume, k.own_volume, k.suppressed_cells, k.decile, %s
        FROM (SELECT r.* FROM %s r
              WHERE r.decile >= :min %s
              ORDER BY r.volume DESC, r.npi LIMIT :limit) k
        %s
        ORDER BY k.volume DESC, k.npi"""
            .formatted(
                DISPLAY_COLUMNS,
                ranked,
                afterVolume == null
                    ? ""
                    : "AND r.volume <= :afterVolume AND (r.volume < :afterVolume OR r.npi > :afterNpi)",
                DISPLAY_JOINS);
    var statement =
        jdbc.sql(sql)
            .param("c", live.id())
            .param("min", minDecile)
            .param("limit", size + 1)
            .param("state", where.state())
            .param("territory", where.territory());
    if (afterVolume != null) {
      statement = statement.param("afterVolume", afterVolume).param("afterNpi", afterNpi);
    }
    List<Row> rows = new ArrayList<>(statement.query((rs, n) -> row(rs)).list());
    String next = null;
    if (rows.size() > size) {
      rows = new ArrayList<>(rows.subList(0, size));
      Row last = rows.getLast();
      next = encode(last.volume().toPlainString() + "\n" + last.npi());
    }
    long total =
        where.kind() == Kind.TERRITORY
            ? jdbc.sql("SELECT count(*) FROM " + ranked + " r WHERE r.decile >= :min")
                .param("c", live.id())
                .param("min", minDecile)
                .param("territory", where.territory())
                .query(Long.class)
                .single()
            : jdbc.sql(
                    """
                    SELECT coalesce(sum(providers), 0) FROM basket_decile
                    WHERE computation_id = :c AND state IS NOT DISTINCT FROM CAST(:state AS text)
                      AND decile >= :min""")
                .param("c", live.id())
                .param("state", where.state())
                .param("min", minDecile)
                .query(Long.class)
                .single();
    return new Page(List.copyOf(rows), next, total, live.year(), where.scope(), basket.status());
  }

  @Transactional(readOnly = true)
  public Summary summary(
      UUID basketId, @Nullable Integer year, @Nullable String state, @Nullable UUID territoryId) {
    Baskets.BasketView basket = baskets.find(basketId);
    Where where = where(state, territoryId);
    Integer wanted = year != null ? year : latestYear(basket.source());
    Live live = live(basketId, wanted);
    if (live == null) {
      return new Summary(
          basketId,
          wanted,
          where.scope(),
          basket.status(),
          null,
          0,
          BigDecimal.ZERO,
          emptyDeciles(),
          null,
          null,
          0,
          0,
          List.of(),
          List.of());
    }
    Map<Integer, DecileCount> counts = new LinkedHashMap<>();
    String counted =
        where.kind() == Kind.TERRITORY
            ? "SELECT decile, count(*) AS providers, sum(volume) AS volume FROM "
                + Ranked.of(Kind.TERRITORY, ":c")
                + " r GROUP BY decile"
            : """
              SELECT decile, providers, volume FROM basket_decile
              WHERE computation_id = :c AND state IS NOT DISTINCT FROM CAST(:state AS text)""";
    jdbc.sql(counted)
        .param("c", live.id())
        .param("state", where.state())
        .param("territory", where.territory())
        .query(
            rs -> {
              counts.put(
                  rs.getInt("decile"),
                  new DecileCount(
                      rs.getInt("decile"), rs.getLong("providers"), rs.getBigDecimal("volume")));
            });
    List<DecileCount> deciles = new ArrayList<>();
    long providers = 0;
    BigDecimal volume = BigDecimal.ZERO;
    for (int d = 10; d >= 1; d--) {
      DecileCount count = counts.getOrDefault(d, new DecileCount(d, 0, BigDecimal.ZERO));
      deciles.add(count);
      providers += count.providers();
      volume = volume.add(count.volume());
    }
    List<Mover> entered = List.of();
    List<Mover> left = List.of();
    long enteredCount = 0;
    long leftCount = 0;
    if (live.previousId() != null) {
      String movers =
          """
          SELECT k.npi, k.previous, k.decile, k.volume, k.total, %s
          FROM (SELECT coalesce(n.npi, o.npi) AS npi, coalesce(o.decile, 0) AS previous,
                       coalesce(n.decile, 0) AS decile, coalesce(n.volume, o.volume) AS volume,
                       count(*) OVER () AS total
                FROM %s n FULL JOIN %s o ON o.npi = n.npi
                WHERE %%s
                ORDER BY coalesce(n.volume, o.volume) DESC, 1 LIMIT %d) k
          %s
          ORDER BY k.volume DESC, k.npi"""
              .formatted(
                  DISPLAY_COLUMNS,
                  Ranked.of(where.kind(), ":c"),
                  Ranked.of(where.kind(), ":p"),
                  MOVERS_SHOWN,
                  DISPLAY_JOINS);
      long[] total = new long[1];
      entered =
          movers(
              movers.formatted("coalesce(n.decile, 0) >= 8 AND coalesce(o.decile, 0) < 8"),
              live,
              where,
              total);
      enteredCount = total[0];
      total[0] = 0;
      left =
          movers(
              movers.formatted("coalesce(o.decile, 0) >= 8 AND coalesce(n.decile, 0) < 8"),
              live,
              where,
              total);
      leftCount = total[0];
    }
    return new Summary(
        basketId,
        live.year(),
        where.scope(),
        basket.status(),
        live.computedAt(),
        providers,
        volume,
        deciles,
        live.previousYear(),
        live.previousComputedAt(),
        enteredCount,
        leftCount,
        entered,
        left);
  }

  /** A provider's deciles in each of the tenant's baskets, every computed year, oldest first. */
  @Transactional(readOnly = true)
  public List<ProviderBasket> ofProvider(long npi) {
    Map<UUID, ProviderBasket> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT b.id, b.name, b.source, b.metric, c.data_year, r.volume, r.own_volume, r.decile, r.state_decile
            FROM basket b
            LEFT JOIN basket_computation c ON c.basket_id = b.id AND c.state = 'LIVE'
            LEFT JOIN basket_result r ON r.computation_id = c.id AND r.npi = :npi
            WHERE b.tenant_id = medsales_tenant()
            ORDER BY lower(b.name), b.id, c.data_year""")
        .param("npi", npi)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              ProviderBasket basket =
                  out.computeIfAbsent(
                      id,
                      k -> {
                        try {
                          return new ProviderBasket(
                              k,
                              rs.getString("name"),
                              BasketSource.valueOf(rs.getString("source")),
                              rs.getString("metric"),
                              new ArrayList<>());
                        } catch (SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              if (rs.getObject("data_year") != null) {
                BigDecimal volume =
                    rs.getBigDecimal("volume") == null
                        ? BigDecimal.ZERO
                        : rs.getBigDecimal("volume");
                BigDecimal own =
                    rs.getBigDecimal("own_volume") == null
                        ? BigDecimal.ZERO
                        : rs.getBigDecimal("own_volume");
                basket
                    .years()
                    .add(
                        new ProviderYear(
                            rs.getInt("data_year"),
                            volume,
                            share(own, volume),
                            rs.getInt("decile"),
                            rs.getObject("state_decile") == null
                                ? null
                                : rs.getInt("state_decile")));
              }
            });
    return out.values().stream()
        .map(
            b ->
                new ProviderBasket(
                    b.basketId(), b.name(), b.source(), b.metric(), List.copyOf(b.years())))
        .toList();
  }

  private List<Mover> movers(String sql, Live live, Where where, long[] total) {
    return jdbc.sql(sql)
        .param("c", live.id())
        .param("p", live.previousId())
        .param("state", where.state())
        .param("territory", where.territory())
        .query(
            (rs, n) -> {
              total[0] = rs.getLong("total");
              return new Mover(
                  String.valueOf(rs.getLong("npi")),
                  rs.getString("display_name"),
                  rs.getInt("previous"),
                  rs.getInt("decile"),
                  rs.getBigDecimal("volume"));
            })
        .list();
  }

  private Where where(@Nullable String state, @Nullable UUID territoryId) {
    if (state != null && territoryId != null) {
      throw InvalidFields.of("territoryId", "give a state or a territory, not both");
    }
    if (territoryId != null) {
      var territory = territories.territory(territoryId);
      return new Where(
          Kind.TERRITORY,
          new Scope("TERRITORY", null, territoryId, territory.name()),
          null,
          territoryId);
    }
    if (state != null) {
      String code = state.strip().toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{2}")) {
        throw InvalidFields.of("state", "must be a two-letter state code");
      }
      return new Where(Kind.STATE, new Scope("STATE", code, null, null), code, null);
    }
    return new Where(Kind.NATION, new Scope("NATION", null, null, null), null, null);
  }

  private @Nullable Integer latestYear(BasketSource source) {
    return jdbc.sql(
            "SELECT max(r.data_year)::int FROM (%s) r WHERE r.dataset = :dataset"
                .formatted(BasketComputations.LATEST_RUNS))
        .param("dataset", source.dataset())
        .query((rs, n) -> rs.getObject(1) == null ? null : rs.getInt(1))
        .single();
  }

  private @Nullable Live live(UUID basketId, @Nullable Integer year) {
    if (year == null) {
      return null;
    }
    return jdbc.sql(
            """
            SELECT c.id, c.data_year, c.previous_id, c.finished_at, p.data_year AS previous_year,
                   p.finished_at AS previous_finished_at
            FROM basket_computation c LEFT JOIN basket_computation p ON p.id = c.previous_id
            WHERE c.basket_id = :basket AND c.data_year = :year AND c.state = 'LIVE'
              AND c.tenant_id = medsales_tenant()""")
        .param("basket", basketId)
        .param("year", year)
        .query(
            (rs, n) ->
                new Live(
                    rs.getLong("id"),
                    rs.getInt("data_year"),
                    rs.getObject("previous_id") == null ? null : rs.getLong("previous_id"),
                    rs.getObject("finished_at", OffsetDateTime.class),
                    rs.getObject("previous_year") == null ? null : rs.getInt("previous_year"),
                    rs.getObject("previous_finished_at", OffsetDateTime.class)))
        .optional()
        .orElse(null);
  }

  private static List<DecileCount> emptyDeciles() {
    List<DecileCount> out = new ArrayList<>();
    for (int d = 10; d >= 1; d--) {
      out.add(new DecileCount(d, 0, BigDecimal.ZERO));
    }
    return out;
  }

  static BigDecimal share(BigDecimal own, BigDecimal volume) {
    return volume.signum() == 0 ? BigDecimal.ZERO : own.divide(volume, 4, RoundingMode.HALF_UP);
  }

  private static Row row(ResultSet rs) throws SQLException {
    BigDecimal volume = rs.getBigDecimal("volume");
    BigDecimal own = rs.getBigDecimal("own_volume");
    String code = rs.getString("taxonomy_code");
    return new Row(
        String.valueOf(rs.getLong("npi")),
        rs.getString("display_name"),
        code == null ? null : new Specialty(code, rs.getString("taxonomy_name")),
        new Address(
            rs.getString("line1"),
            rs.getString("city"),
            rs.getString("addr_state"),
            rs.getString("zip5")),
        volume,
        own,
        share(own, volume),
        rs.getInt("decile"),
        rs.getInt("suppressed_cells"));
  }

  /** A page's display columns, read for its rows only (k: the page's rows, by npi). */
  static final String DISPLAY_COLUMNS =
      """
      coalesce(p.organization_name, nullif(concat_ws(' ', p.first_name, p.last_name), ''), cp.organization_name,
               nullif(concat_ws(' ', cp.first_name, cp.last_name), ''), 'NPI ' || k.npi) AS display_name,
      coalesce(a.line1, cp.line1) AS line1, coalesce(a.city, cp.city) AS city, coalesce(a.state, cp.state) AS addr_state,
      coalesce(a.zip5, cp.zip5) AS zip5, tx.code AS taxonomy_code,
      coalesce(tx.display_name, tx.classification) AS taxonomy_name""";

  static final String DISPLAY_JOINS =
      """
      LEFT JOIN provider p ON p.npi = k.npi
      LEFT JOIN cms_provider cp ON cp.npi = k.npi
      LEFT JOIN provider_address a ON a.npi = k.npi AND a.kind = 'PRACTICE' AND a.seq = 1
      LEFT JOIN LATERAL (SELECT t.code FROM provider_taxonomy t WHERE t.npi = k.npi
                         ORDER BY t.is_primary DESC, t.slot LIMIT 1) pt ON true
      LEFT JOIN taxonomy tx ON tx.code = coalesce(pt.code, cp.taxonomy_code)""";

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length == 2
          && parts[0].matches("-?[0-9]{1,30}(\\.[0-9]{1,20})?")
          && parts[1].matches("[0-9]{10}")) {
        return parts;
      }
    } catch (IllegalArgumentException ignored) {
      // not one of ours
    }
    throw InvalidFields.of("cursor", "is not a cursor this endpoint returned");
  }
}
