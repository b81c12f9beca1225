package com.medsales.segment;

import org.jspecify.annotations.Nullable;

/**
 * A scope's providers of one computation with their decile in that scope, as SQL every reader
 * shares: {@code (npi, volume, own_volume, suppressed_cells, decile)}. The nation and a state read
 * the deciles stored by the computation; a territory (at any level: a district or region holds what
 * its territories hold) computes them over its providers, those with a practice location that
 * {@code territory_of} (V85) places in it, the same way ({@code 10 - floor(10 * S / T)}). The
 * computation is the bind parameter named by {@code computation}; the state {@code :state}, the
 * territory {@code :territory}.
 */
final class Ranked {

  private Ranked() {}

  enum Kind {
    NATION,
    STATE,
    TERRITORY
  }

  static String of(Kind kind, String computation) {
    return switch (kind) {
      case NATION ->
          """
          (SELECT npi, volume, own_volume, suppressed_cells, decile FROM basket_result
           WHERE computation_id = %s)"""
              .formatted(computation);
      case STATE ->
          """
          (SELECT npi, volume, own_volume, suppressed_cells, state_decile AS decile FROM basket_result
           WHERE computation_id = %s AND state = :state)"""
              .formatted(computation);
      case TERRITORY ->
          """
          (SELECT r.npi, r.volume, r.own_volume, r.suppressed_cells,
                  10 - div(10 * coalesce(sum(r.volume) OVER (ORDER BY r.volume DESC
                                        RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP), 0),
                           sum(r.volume) OVER ())::smallint AS decile
           FROM basket_result r
           WHERE r.computation_id = %1$s AND r.npi IN (
             SELECT x.npi FROM basket_result x
             CROSS JOIN LATERAL (SELECT pa.zip5, pa.state FROM provider_address pa
                                 WHERE pa.npi = x.npi AND pa.kind <> 'MAILING'
                                 UNION ALL
                                 SELECT cp.zip5, cp.state FROM cms_provider cp WHERE cp.npi = x.npi) loc
             CROSS JOIN LATERAL territory_of(loc.zip5, loc.state) t
             WHERE x.computation_id = %1$s AND t.territory_id IN (%2$s)))"""
              .formatted(computation, LEAVES);
    };
  }

  /** The territories at the bottom of the tree under :territory (itself, when it is one). */
  static final String LEAVES =
      """
      WITH RECURSIVE down (id) AS (
        SELECT id FROM territory WHERE id = :territory AND tenant_id = medsales_tenant()
        UNION ALL
        SELECT t.id FROM territory t JOIN down d ON t.parent_id = d.id WHERE t.tenant_id = medsales_tenant()
      ) SELECT id FROM down""";

  static Kind kind(@Nullable String state, @Nullable Object territory) {
    return territory != null ? Kind.TERRITORY : state != null ? Kind.STATE : Kind.NATION;
  }
}
