package com.medsales.crm.internal;

import com.medsales.crm.internal.RecordStore.Table;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
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
 * Calls, visits, e-mails, lunches and in-services, and notes: what a rep did, with whom, and what
 * comes next.
 */
@Service
public class Activities {

  private final JdbcClient jdbc;
  private final RecordStore records;
  private final Tasks tasks;

  Activities(JdbcClient jdbc, RecordStore records, Tasks tasks) {
    this.jdbc = jdbc;
    this.records = records;
    this.tasks = tasks;
  }

  public record ActivityView(
      UUID id,
      long version,
      String kind,
      OffsetDateTime occurredAt,
      String subject,
      @Nullable String notes,
      @Nullable String outcome,
      @Nullable String nextStep,
      List<String> products,
      @Nullable UUID accountId,
      @Nullable String accountName,
      List<Attendee> attendees,
      UUID ownerId,
      String ownerName,
      @Nullable UUID followUpTaskId,
      @Nullable OffsetDateTime deletedAt,
      @Nullable String deletedByName) {}

  public record Attendee(UUID contactId, String name) {}

  public record FollowUp(
      String title,
      @Nullable LocalDate dueDate,
      @Nullable OffsetDateTime remindAt,
      @Nullable String priority) {}

  public record NewActivity(
      String kind,
      @Nullable OffsetDateTime occurredAt,
      String subject,
      @Nullable String notes,
      @Nullable String outcome,
      @Nullable String nextStep,
      @Nullable List<String> products,
      @Nullable UUID accountId,
      List<UUID> attendeeIds,
      @Nullable FollowUp followUp) {}

  /** Logs an activity and, in the same transaction, its follow-up task for the rep. */
  @Transactional
  public ActivityView log(MedsalesUser user, NewActivity request) {
    long visible =
        request.attendeeIds().isEmpty()
            ? 0
            : jdbc.sql(
                    "SELECT count(*) FROM contact WHERE id = ANY(?) AND tenant_id = medsales_tenant() AND deleted_at IS NULL")
                .param(request.attendeeIds().toArray(UUID[]::new))
                .query(Long.class)
                .single();
    if (visible != request.attendeeIds().stream().distinct().count()) {
      throw InvalidFields.of("attendeeIds", "names a contact that does not exist");
    }
    records.requireReference(Table.ACCOUNT, "accountId", request.accountId());
    UUID id =
        jdbc.sql(
                """
            INSERT INTO activity (tenant_id, kind, occurred_at, subject, notes, outcome, next_step, products, account_id, owner_id)
            VALUES (medsales_tenant(), ?, coalesce(?, now()), ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
            .params(
                request.kind(),
                request.occurredAt(),
                request.subject().strip(),
                Contacts.blank(request.notes()),
                Contacts.blank(request.outcome()),
                Contacts.blank(request.nextStep()),
                Contacts.tags(request.products()),
                request.accountId(),
                user.userId())
            .query(UUID.class)
            .single();
    jdbc.sql(
            "INSERT INTO activity_attendee (tenant_id, activity_id, contact_id) SELECT medsales_tenant(), ?, c FROM unnest(?::uuid[]) c ON CONFLICT DO NOTHING")
        .params(id, request.attendeeIds().toArray(UUID[]::new))
        .update();
    records.created(Table.ACTIVITY, id);
    if (request.followUp() != null) {
      UUID contact = request.attendeeIds().isEmpty() ? null : request.attendeeIds().getFirst();
      tasks.create(
          user,
          new Tasks.NewTask(
              request.followUp().title(),
              request.nextStep(),
              null,
              request.followUp().dueDate(),
              request.followUp().remindAt(),
              request.followUp().priority(),
              contact,
              request.accountId(),
              null,
              id));
    }
    return find(id);
  }

  private static final String SELECT =
      """
      SELECT a.*, acc.name AS account_name, u.display_name AS owner_name,
             (SELECT t.id FROM task t WHERE t.activity_id = a.id AND t.deleted_at IS NULL ORDER BY t.created_at LIMIT 1) AS follow_up,
             coalesce((SELECT jsonb_agg(jsonb_build_object('contactId', c.id, 'name',
                 trim(concat_ws(' ', coalesce(p.first_name, c.first_name), coalesce(p.last_name, c.last_name)))))
               FROM activity_attendee aa JOIN contact c ON c.id = aa.contact_id LEFT JOIN provider p ON p.npi = c.npi
               WHERE aa.activity_id = a.id), '[]'::jsonb)::text AS attendees, deletion.deleted_by_name
      FROM activity a JOIN app_user u ON u.id = a.owner_id LEFT JOIN account acc ON acc.id = a.account_id
      """
          + RecordStore.deletedBy(Table.ACTIVITY, "a");

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static ActivityView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    List<Attendee> attendees = new java.util.ArrayList<>();
    JSON.readTree(rs.getString("attendees"))
        .forEach(
            a ->
                attendees.add(
                    new Attendee(
                        UUID.fromString(a.get("contactId").asString()), a.get("name").asString())));
    return new ActivityView(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        rs.getString("kind"),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("subject"),
        rs.getString("notes"),
        rs.getString("outcome"),
        rs.getString("next_step"),
        List.of((String[]) rs.getArray("products").getArray()),
        rs.getObject("account_id", UUID.class),
        rs.getString("account_name"),
        attendees,
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        rs.getObject("follow_up", UUID.class),
        rs.getObject("deleted_at", OffsetDateTime.class),
        rs.getString("deleted_by_name"));
  }

  @Transactional(readOnly = true)
  public ActivityView find(UUID id) {
    return jdbc.sql(
            SELECT + " WHERE a.id = ? AND a.tenant_id = medsales_tenant() AND a.deleted_at IS NULL")
        .param(id)
        .query((rs, n) -> view(rs))
        .optional()
        .orElseThrow(() -> new RecordNotFound("The activity"));
  }

  /**
   * Activities, newest first, or ({@code deleted}) those deleted in the last 30 days, the latest
   * deletion first.
   */
  @Transactional(readOnly = true)
  public List<ActivityView> list(
      @Nullable UUID contactId,
      @Nullable UUID accountId,
      @Nullable UUID ownerId,
      boolean deleted,
      int size) {
    return jdbc.sql(
            SELECT
                + " WHERE a.tenant_id = medsales_tenant()"
                + RecordStore.currentOrRestorable("a")
                + " AND (CAST(:contact AS uuid) IS NULL OR EXISTS (SELECT 1 FROM activity_attendee x WHERE x.activity_id = a.id AND x.contact_id = :contact))"
                + " AND (CAST(:account AS uuid) IS NULL OR a.account_id = :account)"
                + " AND (CAST(:owner AS uuid) IS NULL OR a.owner_id = :owner)"
                + (deleted
                    ? " ORDER BY a.deleted_at DESC, a.id"
                    : " ORDER BY a.occurred_at DESC, a.id")
                + " LIMIT :size")
        .param("deleted", deleted)
        .param("contact", contactId)
        .param("account", accountId)
        .param("owner", ownerId)
        .param("size", size)
        .query((rs, n) -> view(rs))
        .list();
  }

  private static final Map<String, String> FIELDS =
      Map.of(
          "kind",
          "kind",
          "occurredAt",
          "occurred_at",
          "subject",
          "subject",
          "notes",
          "notes",
          "outcome",
          "outcome",
          "nextStep",
          "next_step",
          "products",
          "products",
          "accountId",
          "account_id");

  @Transactional
  public ActivityView update(UUID id, long version, Map<String, @Nullable Object> fields) {
    var columns = records.columns(FIELDS, fields, "an activity");
    records.requireReferences(
        columns, Map.of("account_id", RecordStore.Reference.to(Table.ACCOUNT, "accountId")));
    records.update(Table.ACTIVITY, id, version, columns, () -> find(id));
    return find(id);
  }

  @Transactional
  public void delete(UUID id) {
    records.softDelete(Table.ACTIVITY, id);
  }

  @Transactional
  public ActivityView restore(UUID id) {
    records.restore(Table.ACTIVITY, id);
    return find(id);
  }
}
