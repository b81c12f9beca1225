package com.medsales.provider.web;

import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.provider.search.EntityType;
import com.medsales.provider.search.ProviderQuery;
import com.medsales.provider.search.ProviderSearch;
import com.medsales.provider.search.ProviderSearchResult;
import com.medsales.provider.search.SearchSort;
import com.medsales.provider.search.Status;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code providers}: the rows of {@code GET /api/v1/providers} for the same query
 * parameters, read as the controller binds them (the same converters) and checked by the same
 * {@code SearchValidation}; every page from the first ({@code cursor} and {@code size} play no
 * part), streamed.
 */
@Component
class ProviderExport implements ExportSource {

  private static final List<Column> COLUMNS =
      List.of(
          Column.text("NPI"),
          Column.text("Name"),
          Column.text("Entity type"),
          Column.text("Status"),
          new Column("In NPPES registry", Type.BOOLEAN),
          Column.text("Credential"),
          Column.text("Primary taxonomy code"),
          Column.text("Primary specialty"),
          Column.text("Practice address"),
          Column.text("City"),
          Column.text("State"),
          Column.text("ZIP"),
          new Column("Latitude", Type.DECIMAL),
          new Column("Longitude", Type.DECIMAL),
          new Column("Distance (miles)", Type.DECIMAL),
          new Column("Part B services", Type.DECIMAL),
          new Column("Part B beneficiaries", Type.DECIMAL),
          new Column("Part D claims", Type.DECIMAL),
          new Column("Open Payments (USD)", Type.MONEY),
          new Column("Basket volume", Type.DECIMAL),
          new Column("Decile", Type.INTEGER));

  private final ProviderSearch search;

  ProviderExport(ProviderSearch search) {
    this.search = search;
  }

  @Override
  public String kind() {
    return "providers";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  private static ProviderQuery query(ExportParams p) {
    p.only(
        "name",
        "npi",
        "entityType",
        "specialty",
        "credential",
        "state",
        "city",
        "zip",
        "near",
        "radiusMiles",
        "radiusKm",
        "status",
        "hcpcs",
        "minServices",
        "minBeneficiaries",
        "drug",
        "minClaims",
        "manufacturer",
        "nature",
        "minPayment",
        "maxPayment",
        "basket",
        "minDecile",
        "year",
        "sort",
        "cursor",
        "size");
    return new ProviderQuery(
        p.text("name"),
        p.text("npi"),
        p.parsed("entityType", EntityType::parse),
        p.text("specialty"),
        p.text("credential"),
        p.text("state"),
        p.text("city"),
        p.text("zip"),
        p.text("near"),
        p.number("radiusMiles"),
        p.number("radiusKm"),
        p.parsed("status", Status::parse),
        p.texts("hcpcs"),
        p.decimal("minServices"),
        p.decimal("minBeneficiaries"),
        p.text("drug"),
        p.decimal("minClaims"),
        p.text("manufacturer"),
        p.text("nature"),
        p.decimal("minPayment"),
        p.decimal("maxPayment"),
        p.uuid("basket"),
        p.integer("minDecile"),
        p.integer("year"),
        p.parsed("sort", SearchSort::parse),
        null,
        null);
  }

  @Override
  public void check(ExportParams params) {
    ProviderQuery query = query(params);
    // the search's own checks, with the fields the binding refused: one InvalidFields naming all
    search.count(query, params.rejected(), 0);
  }

  @Override
  public long count(ExportParams params, long limit) {
    return search.count(query(params), params.rejected(), limit);
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    search.stream(query(params), params.rejected(), limit, 2_000, item -> rows.row(values(item)));
  }

  static Object[] values(ProviderSearchResult.Item item) {
    var specialty = item.primarySpecialty();
    var address = item.address();
    return new Object[] {
      item.npi(),
      item.name(),
      item.entityType(),
      item.status(),
      item.inRegistry(),
      item.credential(),
      specialty == null ? null : specialty.code(),
      specialty == null ? null : specialty.name(),
      address == null ? null : address.line1(),
      address == null ? null : address.city(),
      address == null ? null : address.state(),
      address == null ? null : address.zip5(),
      address == null ? null : address.latitude(),
      address == null ? null : address.longitude(),
      item.distanceMiles(),
      item.services(),
      item.beneficiaries(),
      item.claims(),
      item.payments(),
      item.basketVolume(),
      item.decile()
    };
  }
}
