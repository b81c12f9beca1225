package com.medsales.crm.web;

import com.medsales.crm.internal.Tasks;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.TenantScope;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code tasks}: {@code GET /api/v1/tasks}'s filters ({@code mine} included), checked
 * by the controller's constraints; every task the list would show, overdue first, with no page
 * size.
 */
@Component
class TaskExport implements ExportSource {

  private final Tasks tasks;
  private final Validator validator;

  TaskExport(Tasks tasks, Validator validator) {
    this.tasks = tasks;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "tasks";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Task ID"),
        Column.text("Title"),
        Column.text("Notes"),
        Column.id("Assignee ID"),
        Column.text("Assignee"),
        new Column("Due", Type.DATE),
        new Column("Remind at", Type.TIMESTAMP),
        Column.text("Priority"),
        Column.text("Status"),
        new Column("Overdue", Type.BOOLEAN),
        Column.id("Contact ID"),
        Column.text("Contact"),
        Column.id("Account ID"),
        Column.id("Opportunity ID"),
        Column.id("Activity ID"),
        new Column("Completed at", Type.TIMESTAMP),
        new Column("Created", Type.TIMESTAMP));
  }

  private List<Tasks.TaskView> list(ExportParams p, long limit) {
    p.only(
        "mine",
        "assigneeId",
        "status",
        "contactId",
        "accountId",
        "opportunityId",
        "deleted",
        "size");
    boolean mine = p.bool("mine", false);
    UUID assignee = p.uuid("assigneeId");
    String status = p.text("status");
    UUID contact = p.uuid("contactId");
    UUID account = p.uuid("accountId");
    UUID opportunity = p.uuid("opportunityId");
    boolean deleted = p.bool("deleted", false);
    MedsalesUser user = (MedsalesUser) TenantScope.principal();
    p.checkWith(
        validator,
        TaskController.class,
        "list",
        user,
        mine,
        assignee,
        status,
        contact,
        account,
        opportunity,
        deleted,
        1);
    p.throwIfRejected();
    return limit == 0 || user == null
        ? List.of()
        : tasks.list(
            mine ? user.userId() : assignee,
            status,
            contact,
            account,
            opportunity,
            deleted,
            (int) Math.min(limit, Integer.MAX_VALUE - 1));
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
    for (var t : list(params, limit)) {
      rows.row(
          t.id(),
          t.title(),
          t.notes(),
          t.assigneeId(),
          t.assigneeName(),
          t.dueDate(),
          t.remindAt(),
          t.priority(),
          t.status(),
          t.overdue(),
          t.contactId(),
          t.contactName(),
          t.accountId(),
          t.opportunityId(),
          t.activityId(),
          t.completedAt(),
          t.createdAt());
    }
  }
}
