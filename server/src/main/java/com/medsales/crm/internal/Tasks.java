package com.medsales.crm.internal;

import com.medsales.crm.internal.RecordStore.Table;
import com.medsales.identity.MedsalesUser;
import com.medsales.notification.Notice;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.TenantScope;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks: an assignee, a due date and reminder, a priority, linked to a contact, account,
 * opportunity or activity.
 */
@Service
public class Tasks {

  private final JdbcClient jdbc;
  private final RecordStore records;

  private final Notifications notifications;

  Tasks(JdbcClient jdbc, RecordStore records, Notifications notifications) {
    this.jdbc = jdbc;
    this.records = records;
    this.notifications = notifications;
  }

  /** Tells the assignee of a task that someone else gave it to them. */
  private void assigned(TaskView task) {
    if (!task.assigneeId().equals(TenantScope.current().userId())) {
      notifications.raise(
          new Notice(
              NotificationType.ASSIGNED,
              "assigned:task:" + task.id() + ":" + task.version(),
              "Task assigned to you: " + task.title(),
              task.dueDate() == null ? "No due date" : "Due " + task.dueDate(),
              "/tasks",
              null),
          List.of(task.assigneeId()));
    }
  }

  public record TaskView(
      UUID id,
      long version,
      String title,
      @Nullable String notes,
      UUID assigneeId,
      String assigneeName,
      @Nullable LocalDate dueDate,
      @Nullable OffsetDateTime remindAt,
      String priority,
      String status,
      boolean overdue,
      @Nullable UUID contactId,
      @Nullable String contactName,
      @Nullable UUID accountId,
      @Nullable UUID opportunityId,
      @Nullable UUID activityId,
      @Nullable OffsetDateTime completedAt,
      OffsetDateTime createdAt,
      @Nullable OffsetDateTime deletedAt,
      @Nullable String deletedByName) {}

  public record NewTask(
      String title,
      @Nullable String notes,
      @Nullable UUID assigneeId,
      @Nullable LocalDate dueDate,
      @Nullable OffsetDateTime remindAt,
      @Nullable String priority,
      @Nullable UUID contactId,
      @Nullable UUID accountId,
      @Nullable UUID opportunityId,
      @Nullable UUID activityId) {}

  @Transactional
  public TaskView create(MedsalesUser user, NewTask request) {
    UUID assignee = request.assigneeId() != null ? request.assigneeId() : user.userId();
    records.requireUser("assigneeId", assignee);
    records.requireReference(Table.CONTACT, "contactId", request.contactId());
    records.requireReference(Table.ACCOUNT, "accountId", request.accountId());
    records.requireReference(Table.OPPORTUNITY, "opportunityId", request.opportunityId());
    records.requireReference(Table.ACTIVITY, "activityId", request.activityId());
    UUID id =
        jdbc.sql(
                """
            INSERT INTO task (tenant_id, title, notes, assignee_id, due_date, remind_at, priority, contact_id, account_id,
                              opportunity_id, activity_id, created_by)
            VALUES (medsales_tenant(), ?, ?, ?, ?, ?, coalesce(?, 'NORMAL'), ?, ?, ?, ?, ?) RETURNING id
            """)
            .params(
                request.title().strip(),
                Contacts.blank(request.notes()),
                assignee,
                request.dueDate(),
                request.remindAt(),
                request.priority(),
                request.contactId(),
                request.accountId(),
                request.opportunityId(),
                request.activityId(),
                user.userId())
            .query(UUID.class)
            .single();
    records.created(Table.TASK, id);
    TaskView created = find(id);
    assigned(created);
    return created;
  }

  private static final String SELECT =
      """
      SELECT t.*, u.display_name AS assignee_name,
             trim(concat_ws(' ', coalesce(p.first_name, c.first_name), coalesce(p.last_name, c.last_name))) AS contact_name,
             (t.status = 'OPEN' AND t.due_date < current_date) AS overdue, deletion.deleted_by_name
      FROM task t JOIN app_user u ON u.id = t.assignee_id
      LEFT JOIN contact c ON c.id = t.contact_id LEFT JOIN provider p ON p.npi = c.npi
      """
          + RecordStore.deletedBy(Table.TASK, "t");

  private static TaskView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TaskView(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        rs.getString("title"),
        rs.getString("notes"),
        rs.getObject("assignee_id", UUID.class),
        rs.getString("assignee_name"),
        rs.getObject("due_date", LocalDate.class),
        rs.getObject("remind_at", OffsetDateTime.class),
        rs.getString("priority"),
        rs.getString("status"),
        rs.getBoolean("overdue"),
        rs.getObject("contact_id", UUID.class),
        Contacts.blank(rs.getString("contact_name")),
        rs.getObject("account_id", UUID.class),
        rs.getObject("opportunity_id", UUID.class),
        rs.getObject("activity_id", UUID.class),
        rs.getObject("completed_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("deleted_at", OffsetDateTime.class),
        rs.getString("deleted_by_name"));
  }

  @Transactional(readOnly = true)
  public TaskView find(UUID id) {
    return jdbc.sql(
            SELECT + " WHERE t.id = ? AND t.tenant_id = medsales_tenant() AND t.deleted_at IS NULL")
        .param(id)
        .query((rs, n) -> view(rs))
        .optional()
        .orElseThrow(() -> new RecordNotFound("The task"));
  }

  /**
   * Tasks by assignee and status: overdue first, then by due date (none last), then priority; or
   * ({@code deleted}) those deleted in the last 30 days, the latest deletion first.
   */
  @Transactional(readOnly = true)
  public List<TaskView> list(
      @Nullable UUID assigneeId,
      @Nullable String status,
      @Nullable UUID contactId,
      @Nullable UUID accountId,
      @Nullable UUID opportunityId,
      boolean deleted,
      int size) {
    return jdbc.sql(
            SELECT
                + " WHERE t.tenant_id = medsales_tenant()"
                + RecordStore.currentOrRestorable("t")
                + " AND (CAST(:assignee AS uuid) IS NULL OR t.assignee_id = :assignee)"
                + " AND (CAST(:status AS text) IS NULL OR t.status = :status)"
                + " AND (CAST(:contact AS uuid) IS NULL OR t.contact_id = :contact)"
                + " AND (CAST(:account AS uuid) IS NULL OR t.account_id = :account)"
                + " AND (CAST(:opportunity AS uuid) IS NULL OR t.opportunity_id = :opportunity)"
                + (deleted
                    ? " ORDER BY t.deleted_at DESC, t.id"
                    : " ORDER BY (t.status = 'OPEN' AND t.due_date < current_date) DESC, t.due_date NULLS LAST,"
                        + " CASE t.priority WHEN 'HIGH' THEN 0 WHEN 'NORMAL' THEN 1 ELSE 2 END, t.created_at, t.id")
                + " LIMIT :size")
        .param("deleted", deleted)
        .param("assignee", assigneeId)
        .param("status", status)
        .param("contact", contactId)
        .param("account", accountId)
        .param("opportunity", opportunityId)
        .param("size", size)
        .query((rs, n) -> view(rs))
        .list();
  }

  private static final Map<String, String> FIELDS =
      Map.of(
          "title",
          "title",
          "notes",
          "notes",
          "assigneeId",
          "assignee_id",
          "dueDate",
          "due_date",
          "remindAt",
          "remind_at",
          "priority",
          "priority",
          "status",
          "status",
          "contactId",
          "contact_id",
          "accountId",
          "account_id",
          "opportunityId",
          "opportunity_id");

  @Transactional
  public TaskView update(UUID id, long version, Map<String, @Nullable Object> fields) {
    var columns = records.columns(FIELDS, fields, "a task");
    records.requireReferences(
        columns,
        Map.of(
            "assignee_id",
            RecordStore.Reference.user("assigneeId"),
            "contact_id",
            RecordStore.Reference.to(Table.CONTACT, "contactId"),
            "account_id",
            RecordStore.Reference.to(Table.ACCOUNT, "accountId"),
            "opportunity_id",
            RecordStore.Reference.to(Table.OPPORTUNITY, "opportunityId")));
    @Nullable UUID assigneeBefore =
        columns.containsKey("assignee_id") ? find(id).assigneeId() : null;
    records.update(Table.TASK, id, version, columns, () -> find(id));
    jdbc.sql(
            "UPDATE task SET completed_at = CASE WHEN status = 'DONE' THEN coalesce(completed_at, now()) END WHERE id = ?")
        .param(id)
        .update();
    TaskView after = find(id);
    if (assigneeBefore != null && !assigneeBefore.equals(after.assigneeId())) {
      assigned(after);
    }
    return after;
  }

  @Transactional
  public void delete(UUID id) {
    records.softDelete(Table.TASK, id);
  }

  @Transactional
  public TaskView restore(UUID id) {
    records.restore(Table.TASK, id);
    return find(id);
  }
}
