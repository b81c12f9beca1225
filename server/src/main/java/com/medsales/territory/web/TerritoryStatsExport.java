package com.medsales.territory.web;

import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.territory.TerritoryStatistics;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code territory-stats}: the territory comparison ({@code GET
 * /api/v1/territories/stats}), one row per territory in the order of the tree.
 */
@Component
class TerritoryStatsExport implements ExportSource {

  private final TerritoryStatistics statistics;
  private final Validator validator;

  TerritoryStatsExport(TerritoryStatistics statistics, Validator validator) {
    this.statistics = statistics;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "territory-stats";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Territory ID"),
        Column.id("Parent ID"),
        Column.text("Level"),
        Column.text("Territory"),
        new Column("Providers", Type.INTEGER),
        Column.text("Top specialties"),
        new Column("Part B year", Type.INTEGER),
        new Column("Part B providers", Type.INTEGER),
        new Column("Part B services", Type.DECIMAL),
        new Column("Part B beneficiaries", Type.INTEGER),
        new Column("Part B allowed (USD)", Type.MONEY),
        new Column("Part B paid (USD)", Type.MONEY),
        new Column("Part D year", Type.INTEGER),
        new Column("Part D prescribers", Type.INTEGER),
        new Column("Part D claims", Type.DECIMAL),
        new Column("Part D drug cost (USD)", Type.MONEY),
        new Column("Open Payments year", Type.INTEGER),
        new Column("Open Payments recipients", Type.INTEGER),
        new Column("Open Payments payments", Type.INTEGER),
        new Column("Open Payments total (USD)", Type.MONEY));
  }

  private List<TerritoryStatistics.Stats> stats(ExportParams p, boolean read) {
    p.only("year");
    Integer year = p.integer("year");
    p.checkWith(validator, TerritoryController.class, "allStats", year);
    p.throwIfRejected();
    return read ? statistics.all(year) : List.of();
  }

  @Override
  public void check(ExportParams params) {
    stats(params, false);
  }

  @Override
  public long count(ExportParams params, long limit) {
    return Math.min(stats(params, true).size(), limit + 1);
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    stats(params, true).stream()
        .limit(limit)
        .forEach(
            s ->
                rows.row(
                    s.territoryId(),
                    s.parentId(),
                    s.level(),
                    s.name(),
                    s.providers(),
                    s.providersBySpecialty().stream()
                        .limit(5)
                        .map(c -> c.specialty() + " (" + c.count() + ")")
                        .toList(),
                    s.partB().year(),
                    s.partB().providers(),
                    s.partB().services(),
                    s.partB().beneficiaries(),
                    s.partB().allowedAmount(),
                    s.partB().paymentAmount(),
                    s.partD().year(),
                    s.partD().providers(),
                    s.partD().claims(),
                    s.partD().drugCost(),
                    s.openPayments().year(),
                    s.openPayments().providers(),
                    s.openPayments().count(),
                    s.openPayments().total()));
  }
}
