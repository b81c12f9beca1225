package com.medsales.segment;

import com.medsales.platform.RecordNotFound;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the segments, in the caller's tenant (row-level security; a listener of
 * {@link BasketRecomputed} names the event's tenant with {@code TenantScope.ofTenant}). Deciles
 * here are national.
 */
@Service
public class Segments {

  private final JdbcClient jdbc;

  Segments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A provider whose national decile changed: 0 is no volume (absent from that computation). */
  public record Move(long npi, int previousDecile, int decile) {}

  /** A provider's volume and national decile in a basket's year; decile 0 without volume. */
  public record NpiDecile(long npi, BigDecimal volume, int decile) {}

  /** The live computation a search of a basket reads, by the basket's id and a year. */
  public record Computation(long id, int year) {}

  /**
   * The providers whose national decile differs between a computation and the one it compares with
   * (the live one it replaced, else the basket's previous data year's), one set-based statement;
   * none when it compares with nothing or is not the caller's tenant's.
   */
  @Transactional(readOnly = true)
  public List<Move> moves(long computationId) {
    return jdbc.sql(
            """
            SELECT coalesce(n.npi, o.npi) AS npi, coalesce(o.decile, 0) AS previous, coalesce(n.decile, 0) AS decile
            FROM (SELECT npi, decile FROM basket_result WHERE computation_id = :id) n
            FULL JOIN (SELECT npi, decile FROM basket_result
                       WHERE computation_id = (SELECT previous_id FROM basket_computation
                                               WHERE id = :id AND tenant_id = medsales_tenant())) o
              ON o.npi = n.npi
            WHERE coalesce(o.decile, 0) <> coalesce(n.decile, 0)
              AND EXISTS (SELECT 1 FROM basket_computation c
                          WHERE c.id = :id AND c.previous_id IS NOT NULL AND c.tenant_id = medsales_tenant())
            ORDER BY 1""")
        .param("id", computationId)
        .query((rs, row) -> new Move(rs.getLong("npi"), rs.getInt("previous"), rs.getInt("decile")))
        .list();
  }

  /**
   * The national deciles and volumes of the given NPIs in a basket's year (the latest computed when
   * null), each NPI with volume once; an NPI without volume is left out (decile 0). An unknown
   * basket, or another tenant's, is a {@link RecordNotFound}.
   */
  @Transactional(readOnly = true)
  public List<NpiDecile> deciles(UUID basketId, @Nullable Integer year, Collection<Long> npis) {
    Computation c = computation(basketId, year);
    if (c == null || npis.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT npi, volume, decile FROM basket_result
            WHERE computation_id = :c AND npi = ANY (:npis) ORDER BY volume DESC, npi""")
        .param("c", c.id())
        .param("npis", npis.toArray(Long[]::new))
        .query(
            (rs, row) ->
                new NpiDecile(rs.getLong("npi"), rs.getBigDecimal("volume"), rs.getInt("decile")))
        .list();
  }

  /**
   * A basket's live computation for a year (the latest computed year when null), or null when that
   * year has none (yet). An unknown basket, or another tenant's, is a {@link RecordNotFound}.
   */
  @Transactional(readOnly = true)
  public @Nullable Computation computation(UUID basketId, @Nullable Integer year) {
    boolean known =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM basket WHERE id = :id AND tenant_id = medsales_tenant())")
            .param("id", basketId)
            .query(Boolean.class)
            .single();
    if (!known) {
      throw new RecordNotFound("The basket");
    }
    return jdbc.sql(
            """
            SELECT id, data_year FROM basket_computation
            WHERE basket_id = :id AND state = 'LIVE' AND tenant_id = medsales_tenant()
              AND (CAST(:year AS integer) IS NULL OR data_year = :year)
            ORDER BY data_year DESC LIMIT 1""")
        .param("id", basketId)
        .param("year", year)
        .query((rs, row) -> new Computation(rs.getLong("id"), rs.getInt("data_year")))
        .optional()
        .orElse(null);
  }
}
