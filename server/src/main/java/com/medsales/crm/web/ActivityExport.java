package com.medsales.crm.web;

import com.medsales.crm.internal.Activities;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code activities}: {@code GET /api/v1/activities}'s filters, checked by the
 * controller's constraints; every activity the list would show, newest first, with no page size.
 */
@Component
class ActivityExport implements ExportSource {

  private final Activities activities;
  private final Validator validator;

  ActivityExport(Activities activities, Validator validator) {
    this.activities = activities;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "activities";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Activity ID"),
        Column.text("Kind"),
        new Column("Occurred at", Type.TIMESTAMP),
        Column.text("Subject"),
        Column.text("Notes"),
        Column.text("Outcome"),
        Column.text("Next step"),
        Column.text("Products"),
        Column.id("Account ID"),
        Column.text("Account"),
        Column.text("Attendee contact IDs"),
        Column.text("Attendees"),
        Column.id("Owner ID"),
        Column.text("Owner"),
        Column.id("Follow-up task ID"));
  }

  private List<Activities.ActivityView> list(ExportParams p, long limit) {
    p.only("contactId", "accountId", "ownerId", "deleted", "size");
    var contact = p.uuid("contactId");
    var account = p.uuid("accountId");
    var owner = p.uuid("ownerId");
    boolean deleted = p.bool("deleted", false);
    p.checkWith(validator, ActivityController.class, "list", contact, account, owner, deleted, 1);
    p.throwIfRejected();
    return limit == 0
        ? List.of()
        : activities.list(
            contact, account, owner, deleted, (int) Math.min(limit, Integer.MAX_VALUE - 1));
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
          a.kind(),
          a.occurredAt(),
          a.subject(),
          a.notes(),
          a.outcome(),
          a.nextStep(),
          a.products(),
          a.accountId(),
          a.accountName(),
          a.attendees().stream().map(x -> x.contactId().toString()).toList(),
          a.attendees().stream().map(Activities.Attendee::name).toList(),
          a.ownerId(),
          a.ownerName(),
          a.followUpTaskId());
    }
  }
}
