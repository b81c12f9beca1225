package com.medsales.targeting.internal;

import com.medsales.targeting.DecileCoverage;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager home's coverage panel: for each market basket of the tenant, its providers in
 * national deciles 8 to 10 of the latest computed year (the segment module's live computation), and
 * how many of them the team called this quarter (a call as on target lists: CALL, VISIT, LUNCH or
 * IN_SERVICE, not deleted, with an attendee contact linked to the NPI). Under the reader's
 * row-level security, as the rest of the home page.
 */
@Component
class SegmentDecileCoverage implements DecileCoverage {

  private final JdbcClient jdbc;

  SegmentDecileCoverage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<List<BasketCoverage>> coverage(Collection<UUID> callers) {
    LocalDate today = LocalDate.now();
    LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    List<BasketCoverage> rows =
        jdbc.sql(
                """
                WITH live AS (
                    SELECT DISTINCT ON (c.basket_id) c.id, c.data_year, b.name
                    FROM basket_computation c
                    JOIN basket b ON b.id = c.basket_id AND b.tenant_id = c.tenant_id
                    WHERE c.state = 'LIVE' AND c.tenant_id = medsales_tenant()
                    ORDER BY c.basket_id, c.data_year DESC),
                called AS (
                    SELECT DISTINCT ct.npi
                    FROM activity a
                    JOIN activity_attendee x ON x.activity_id = a.id
                    JOIN contact ct ON ct.id = x.contact_id AND ct.npi IS NOT NULL AND ct.deleted_at IS NULL
                    WHERE a.tenant_id = medsales_tenant() AND a.owner_id = ANY (CAST(:callers AS uuid[]))
                      AND a.kind IN ('CALL', 'VISIT', 'LUNCH', 'IN_SERVICE') AND a.deleted_at IS NULL
                      AND a.occurred_at >= :from)
                SELECT l.name || ' (' || l.data_year || ')' AS basket,
                       count(*) AS top,
                       count(*) FILTER (WHERE r.npi IN (SELECT npi FROM called)) AS called
                FROM live l
                JOIN basket_result r ON r.computation_id = l.id AND r.decile >= 8
                GROUP BY l.name, l.data_year
                ORDER BY lower(l.name)
                """)
            .param("callers", callers.toArray(UUID[]::new))
            .param("from", quarter)
            .query(
                (rs, n) -> {
                  long top = rs.getLong("top");
                  long called = rs.getLong("called");
                  return new BasketCoverage(
                      rs.getString("basket"),
                      top,
                      called,
                      top == 0 ? 0 : Math.round(1000.0 * called / top) / 10.0);
                })
            .list();
    return Optional.of(rows);
  }
}
