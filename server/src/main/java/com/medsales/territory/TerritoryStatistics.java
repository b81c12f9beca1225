package com.medsales.territory;

import com.medsales.territory.internal.Membership;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each territory holds, so that a manager can compare and balance them: its providers by
 * primary specialty, and their Medicare Part B and Part D volume and Open Payments for one data
 * year (each dataset's latest loaded year unless a year is asked for). Sums are over the
 * per-provider yearly rollups of the dataset modules' tables.
 */
@Service
public class TerritoryStatistics {

  private final JdbcClient jdbc;
  private final Territories territories;

  TerritoryStatistics(JdbcClient jdbc, Territories territories) {
    this.jdbc = jdbc;
    this.territories = territories;
  }

  public record SpecialtyCount(@Nullable String code, String specialty, long count) {}

  /**
   * {@code beneficiaries} adds up each provider's distinct beneficiaries, so a patient seen by two
   * providers counts twice; null when every provider's count was suppressed by CMS.
   */
  public record PartB(
      @Nullable Integer year,
      long providers,
      BigDecimal services,
      @Nullable Long beneficiaries,
      BigDecimal allowedAmount,
      BigDecimal paymentAmount) {}

  public record PartD(
      @Nullable Integer year, long providers, BigDecimal claims, BigDecimal drugCost) {}

  public record OpenPayments(
      @Nullable Integer year, long providers, long count, BigDecimal total) {}

  public record Stats(
      UUID territoryId,
      @Nullable UUID parentId,
      TerritoryLevel level,
      String name,
      long providers,
      List<SpecialtyCount> providersBySpecialty,
      PartB partB,
      PartD partD,
      OpenPayments openPayments) {}

  @Transactional(readOnly = true)
  public Stats of(UUID id, @Nullable Integer year) {
    territories.territory(id);
    return compute("node_id = :id", id, year).getFirst();
  }

  /** Every territory of the tenant side by side, in the order of the tree. */
  @Transactional(readOnly = true)
  public List<Stats> all(@Nullable Integer year) {
    return compute("true", null, year);
  }

  private List<Stats> compute(String scope, @Nullable UUID id, @Nullable Integer year) {
    Integer partBYear = year != null ? year : latest("SELECT max(data_year) FROM partb_rollup");
    Integer partDYear = year != null ? year : latest("SELECT max(data_year) FROM partd_rollup");
    Integer openPaymentsYear =
        year != null ? year : latest("SELECT max(program_year) FROM op_rollup");

    Map<UUID, List<SpecialtyCount>> specialties = new LinkedHashMap<>();
    jdbc.sql(
            Membership.ctes(scope)
                + """
                SELECT m.node_id, spec.code, coalesce(spec.name, 'Unknown') AS name, count(*) AS providers
                FROM member m
                """
                + Membership.PRIMARY_SPECIALTY
                + " GROUP BY m.node_id, spec.code, spec.name ORDER BY m.node_id, count(*) DESC, 3")
        .param("id", id)
        .query(
            rs -> {
              specialties
                  .computeIfAbsent(rs.getObject("node_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new SpecialtyCount(
                          rs.getString("code"), rs.getString("name"), rs.getLong("providers")));
            });

    return jdbc.sql(
            Membership.ctes(scope)
                + """
                , totals AS (
                  SELECT m.node_id, count(*) AS providers,
                         count(b.npi) AS b_providers, coalesce(sum(b.services), 0) AS b_services,
                         sum(b.beneficiaries) AS b_beneficiaries, coalesce(sum(b.allowed_amount), 0) AS b_allowed,
                         coalesce(sum(b.payment_amount), 0) AS b_payment,
                         count(d.npi) AS d_providers, coalesce(sum(d.claims), 0) AS d_claims,
                         coalesce(sum(d.drug_cost), 0) AS d_cost,
                         count(o.npi) AS o_providers, coalesce(sum(o.payments), 0) AS o_count,
                         coalesce(sum(o.total_amount), 0) AS o_total
                  FROM member m
                  LEFT JOIN partb_rollup b ON b.npi = m.npi AND b.data_year = CAST(:bYear AS smallint)
                  LEFT JOIN partd_rollup d ON d.npi = m.npi AND d.data_year = CAST(:dYear AS smallint)
                  LEFT JOIN op_rollup o ON o.npi = m.npi AND o.program_year = CAST(:oYear AS smallint)
                  GROUP BY m.node_id
                )
                SELECT t.id, t.parent_id, t.level, t.name, coalesce(x.providers, 0) AS providers,
                       coalesce(x.b_providers, 0) AS b_providers, coalesce(x.b_services, 0) AS b_services,
                       x.b_beneficiaries, coalesce(x.b_allowed, 0) AS b_allowed, coalesce(x.b_payment, 0) AS b_payment,
                       coalesce(x.d_providers, 0) AS d_providers, coalesce(x.d_claims, 0) AS d_claims,
                       coalesce(x.d_cost, 0) AS d_cost, coalesce(x.o_providers, 0) AS o_providers,
                       coalesce(x.o_count, 0) AS o_count, coalesce(x.o_total, 0) AS o_total
                FROM territory t LEFT JOIN totals x ON x.node_id = t.id
                WHERE t.tenant_id = medsales_tenant() AND t.id IN (SELECT node_id FROM scope)
                ORDER BY array_position(ARRAY['REGION', 'DISTRICT', 'TERRITORY'], t.level), lower(t.name)
                """)
        .param("id", id)
        .param("bYear", partBYear)
        .param("dYear", partDYear)
        .param("oYear", openPaymentsYear)
        .query(
            (rs, row) -> {
              UUID territory = rs.getObject("id", UUID.class);
              Long beneficiaries =
                  rs.getObject("b_beneficiaries") == null ? null : rs.getLong("b_beneficiaries");
              return new Stats(
                  territory,
                  rs.getObject("parent_id", UUID.class),
                  TerritoryLevel.valueOf(rs.getString("level")),
                  rs.getString("name"),
                  rs.getLong("providers"),
                  specialties.getOrDefault(territory, List.of()),
                  new PartB(
                      partBYear,
                      rs.getLong("b_providers"),
                      rs.getBigDecimal("b_services"),
                      beneficiaries,
                      rs.getBigDecimal("b_allowed"),
                      rs.getBigDecimal("b_payment")),
                  new PartD(
                      partDYear,
                      rs.getLong("d_providers"),
                      rs.getBigDecimal("d_claims"),
                      rs.getBigDecimal("d_cost")),
                  new OpenPayments(
                      openPaymentsYear,
                      rs.getLong("o_providers"),
                      rs.getLong("o_count"),
                      rs.getBigDecimal("o_total")));
            })
        .list();
  }

  private @Nullable Integer latest(String sql) {
    // max() over no rows is one row holding NULL
    return jdbc.sql(sql)
        .query((rs, row) -> rs.getObject(1) == null ? null : rs.getInt(1))
        .list()
        .getFirst();
  }
}
