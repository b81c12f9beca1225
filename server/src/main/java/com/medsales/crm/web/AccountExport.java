package com.medsales.crm.web;

import com.medsales.crm.internal.Accounts;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code accounts}: {@code GET /api/v1/accounts}'s filters, checked by the controller's
 * constraints; every account the list would show, in its order, with no page size.
 */
@Component
class AccountExport implements ExportSource {

  private final Accounts accounts;
  private final Validator validator;

  AccountExport(Accounts accounts, Validator validator) {
    this.accounts = accounts;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "accounts";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Account ID"),
        Column.text("Name"),
        Column.text("Kind"),
        Column.text("NPI"),
        Column.text("City"),
        Column.text("State"),
        Column.text("ZIP"),
        Column.text("Phone"),
        Column.text("Website"),
        Column.id("Owner ID"),
        Column.text("Owner"),
        Column.text("Tags"),
        Column.text("Notes"),
        new Column("Contacts", Type.INTEGER),
        new Column("Created", Type.TIMESTAMP),
        new Column("Updated", Type.TIMESTAMP));
  }

  private List<Accounts.AccountView> list(ExportParams p, long limit) {
    p.only("q", "tag", "ownerId", "deleted", "size");
    String q = p.text("q");
    String tag = p.text("tag");
    var owner = p.uuid("ownerId");
    boolean deleted = p.bool("deleted", false);
    p.checkWith(validator, AccountController.class, "list", q, tag, owner, deleted, 1);
    p.throwIfRejected();
    return limit == 0
        ? List.of()
        : accounts.list(q, tag, owner, deleted, (int) Math.min(limit, Integer.MAX_VALUE - 1));
  }

  @Override
  public void check(ExportParams params) {
    list(params, 0);
  }

  @Override
  public long count(ExportParams params, long limit) {
    return list(params, limit + 1).size();
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    for (var a : list(params, limit)) {
      rows.row(
          a.id(),
          a.name(),
          a.kind(),
          a.npi(),
          a.city(),
          a.state(),
          a.zip5(),
          a.phone(),
          a.website(),
          a.ownerId(),
          a.ownerName(),
          a.tags(),
          a.notes(),
          a.contactCount(),
          a.createdAt(),
          a.updatedAt());
    }
  }
}
