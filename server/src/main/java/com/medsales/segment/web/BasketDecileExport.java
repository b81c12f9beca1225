package com.medsales.segment.web;

import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.segment.BasketDeciles;
import com.medsales.segment.Baskets;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code basket-deciles}: {@code basketId} and the deciles page's own parameters
 * ({@code year}, {@code state}, {@code territoryId}, {@code minDecile}), checked by its
 * constraints, and every page of {@code GET /api/v1/baskets/{basketId}/deciles} from the first.
 */
@Component
class BasketDecileExport implements ExportSource {

  private static final int PAGE = 500;

  private final BasketDeciles deciles;
  private final Baskets baskets;
  private final Validator validator;

  BasketDecileExport(BasketDeciles deciles, Baskets baskets, Validator validator) {
    this.deciles = deciles;
    this.baskets = baskets;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "basket-deciles";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Basket ID"),
        Column.text("NPI"),
        Column.text("Name"),
        Column.text("Primary specialty code"),
        Column.text("Primary specialty"),
        Column.text("Address"),
        Column.text("City"),
        Column.text("State"),
        Column.text("ZIP"),
        new Column("Volume", Type.DECIMAL),
        new Column("Own volume", Type.DECIMAL),
        new Column("Own share", Type.DECIMAL),
        new Column("Decile", Type.INTEGER),
        new Column("Suppressed cells", Type.INTEGER));
  }

  private record Query(
      UUID basket,
      @Nullable Integer year,
      @Nullable String state,
      @Nullable UUID territory,
      int minDecile) {}

  private @Nullable Query query(ExportParams p) {
    p.only("basketId", "year", "state", "territoryId", "minDecile");
    UUID basket = p.uuid("basketId");
    if (basket == null && !p.rejected().containsKey("basketId")) {
      p.reject("basketId", "is required");
    }
    Integer year = p.integer("year");
    String state = p.text("state");
    UUID territory = p.uuid("territoryId");
    Integer minDecile = p.integer("minDecile");
    int min = minDecile == null ? 1 : minDecile;
    p.checkWith(
        validator,
        BasketController.class,
        "deciles",
        basket,
        year,
        state,
        territory,
        min,
        null,
        PAGE);
    p.throwIfRejected();
    return basket == null ? null : new Query(basket, year, state, territory, min);
  }

  @Override
  public void check(ExportParams params) {
    Query q = query(params);
    if (q != null) {
      // an unknown basket, or another tenant's: 404, as the deciles page
      baskets.find(q.basket());
    }
  }

  @Override
  public long count(ExportParams params, long limit) {
    Query q = query(new ExportParams(params.asMap()));
    if (q == null) {
      return 0;
    }
    long total =
        deciles
            .deciles(q.basket(), q.year(), q.state(), q.territory(), q.minDecile(), null, 1)
            .total();
    return Math.min(total, limit + 1);
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    Query q = query(new ExportParams(params.asMap()));
    if (q == null) {
      return;
    }
    pages(
        q,
        limit,
        r -> {
          BasketDeciles.Address a = r.address();
          BasketDeciles.Specialty s = r.primarySpecialty();
          rows.row(
              q.basket(),
              r.npi(),
              r.name(),
              s == null ? null : s.code(),
              s == null ? null : s.name(),
              a == null ? null : a.line1(),
              a == null ? null : a.city(),
              a == null ? null : a.state(),
              a == null ? null : a.zip5(),
              r.volume(),
              r.ownVolume(),
              r.ownShare(),
              r.decile(),
              r.suppressedCells());
        });
  }

  private void pages(Query q, long limit, Consumer<BasketDeciles.Row> each) {
    String cursor = null;
    long seen = 0;
    do {
      BasketDeciles.Page page =
          deciles.deciles(
              q.basket(), q.year(), q.state(), q.territory(), q.minDecile(), cursor, PAGE);
      for (BasketDeciles.Row row : page.items()) {
        if (seen++ >= limit) {
          return;
        }
        each.accept(row);
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }
}
