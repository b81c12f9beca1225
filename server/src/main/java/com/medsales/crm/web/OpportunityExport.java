package com.medsales.crm.web;

import com.medsales.crm.internal.Opportunities;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code opportunities} (the pipeline): {@code GET /api/v1/opportunities}'s filters,
 * checked by the controller's constraints; every opportunity the list shows, by stage.
 */
@Component
class OpportunityExport implements ExportSource {

  private final Opportunities opportunities;
  private final Validator validator;

  OpportunityExport(Opportunities opportunities, Validator validator) {
    this.opportunities = opportunities;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "opportunities";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Opportunity ID"),
        Column.text("Name"),
        Column.id("Account ID"),
        Column.text("Account"),
        Column.id("Contact ID"),
        Column.id("Stage ID"),
        Column.text("Stage"),
        new Column("Amount (USD)", Type.MONEY),
        new Column("Close date", Type.DATE),
        new Column("Probability (%)", Type.INTEGER),
        Column.text("Products"),
        Column.id("Owner ID"),
        Column.text("Owner"),
        new Column("Updated", Type.TIMESTAMP));
  }

  private List<Opportunities.OpportunityView> list(ExportParams p, boolean read) {
    p.only("ownerId", "accountId", "contactId", "deleted");
    var owner = p.uuid("ownerId");
    var account = p.uuid("accountId");
    var contact = p.uuid("contactId");
    boolean deleted = p.bool("deleted", false);
    p.checkWith(validator, OpportunityController.class, "list", owner, account, contact, deleted);
    p.throwIfRejected();
    return read ? opportunities.list(owner, account, contact, deleted) : List.of();
  }

  @Override
  public void check(ExportParams params) {
    list(params, false);
  }

  @Override
  public long count(ExportParams params, long limit) {
    return Math.min(list(params, true).size(), limit + 1);
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    list(params, true).stream()
        .limit(limit)
        .forEach(
            o ->
                rows.row(
                    o.id(),
                    o.name(),
                    o.accountId(),
                    o.accountName(),
                    o.contactId(),
                    o.stageId(),
                    o.stageName(),
                    o.amount(),
                    o.closeDate(),
                    o.probability(),
                    o.products(),
                    o.ownerId(),
                    o.ownerName(),
                    o.updatedAt()));
  }
}
