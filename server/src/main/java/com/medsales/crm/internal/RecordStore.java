package com.medsales.crm.internal;

import com.medsales.identity.MedsalesUser;
import com.medsales.identity.Ownership;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.NotPermitted;
import com.medsales.platform.RecordGone;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.StaleVersion;
import com.medsales.platform.TenantScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every CRM record shares: optimistic locking (a stale {@code version} is a 409 carrying the
 * record as it is now), a change history row per changed field, soft delete and restore within 30
 * days, and the rule that only the owner, their manager or an admin may change a record. Column
 * names come only from each {@link Table}'s fixed list, never from the request.
 */
@Component
public class RecordStore {

  static final Duration RESTORE_WINDOW = Duration.ofDays(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A CRM table: its name, the column that names the record's owner, and its editable columns with
   * SQL types.
   */
  public enum Table {
    ACCOUNT(
        "account",
        "owner_id",
        Map.of(
            "name",
            "text",
            "kind",
            "text",
            "npi",
            "bigint",
            "owner_id",
            "uuid",
            "tags",
            "text[]",
            "phone",
            "text",
            "website",
            "text",
            "zip5",
            "text",
            "notes",
            "text")),
    CONTACT(
        "contact",
        "owner_id",
        Map.ofEntries(
            Map.entry("first_name", "text"),
            Map.entry("last_name", "text"),
            Map.entry("title", "text"),
            Map.entry("specialty", "text"),
            Map.entry("email", "text"),
            Map.entry("phone", "text"),
            Map.entry("zip5", "text"),
            Map.entry("account_id", "uuid"),
            Map.entry("owner_id", "uuid"),
            Map.entry("tags", "text[]"),
            Map.entry("notes", "text"))),
    ACTIVITY(
        "activity",
        "owner_id",
        Map.of(
            "kind",
            "text",
            "occurred_at",
            "timestamptz",
            "subject",
            "text",
            "notes",
            "text",
            "outcome",
            "text",
            "next_step",
            "text",
            "products",
            "text[]",
            "account_id",
            "uuid")),
    TASK(
        "task",
        "assignee_id",
        Map.of(
            "title",
            "text",
            "notes",
            "text",
            "assignee_id",
            "uuid",
            "due_date",
            "date",
            "remind_at",
            "timestamptz",
            "priority",
            "text",
            "status",
            "text",
            "contact_id",
            "uuid",
            "account_id",
            "uuid",
            "opportunity_id",
            "uuid")),
    OPPORTUNITY(
        "opportunity",
        "owner_id",
        Map.of(
            "name",
            "text",
            "account_id",
            "uuid",
            "contact_id",
            "uuid",
            "stage_id",
            "uuid",
            "amount",
            "numeric",
            "close_date",
            "date",
            "probability",
            "integer",
            "products",
            "text[]",
            "owner_id",
            "uuid"));

    final String table;
    final String ownerColumn;
    final Map<String, String> columns;

    Table(String table, String ownerColumn, Map<String, String> columns) {
      this.table = table;
      this.ownerColumn = ownerColumn;
      this.columns = columns;
    }

    /** The record's kind with its article, for messages: "an account", "a contact". */
    String named() {
      return ("aeiou".indexOf(table.charAt(0)) >= 0 ? "an " : "a ") + table;
    }

    public String entity() {
      return table;
    }
  }

  /**
   * The condition of a list's {@code :deleted} parameter on the record aliased {@code alias}: false
   * lists current records, true those deleted within the restore window (older ones can no longer
   * be restored, so are not offered).
   */
  static String currentOrRestorable(String alias) {
    return " AND ((NOT :deleted AND "
        + alias
        + ".deleted_at IS NULL) OR (:deleted AND "
        + alias
        + ".deleted_at > now() - make_interval(days => "
        + RESTORE_WINDOW.toDays()
        + ")))";
  }

  /**
   * A join adding {@code deleted_by_name} for the deleted record aliased {@code alias} of {@code
   * table}: who deleted it, from the newest deletion in its change history (null for a current
   * record).
   */
  static String deletedBy(Table table, String alias) {
    return """
        LEFT JOIN LATERAL (
          SELECT du.display_name AS deleted_by_name FROM crm_change dc LEFT JOIN app_user du ON du.id = dc.changed_by
          WHERE %1$s.deleted_at IS NOT NULL AND dc.tenant_id = %1$s.tenant_id AND dc.entity = '%2$s' AND dc.entity_id = %1$s.id
            AND dc.field = 'deleted_at' AND dc.new_value IS NOT NULL
          ORDER BY dc.id DESC LIMIT 1
        ) deletion ON true
        """
        .formatted(alias, table.table);
  }

  private final JdbcClient jdbc;
  private final Ownership ownership;

  RecordStore(JdbcClient jdbc, Ownership ownership) {
    this.jdbc = jdbc;
    this.ownership = ownership;
  }

  /** The record as JSON (all columns), if this user may see it and it is not deleted. */
  public JsonNode current(Table table, UUID id) {
    return row(table, id, false).orElseThrow(() -> new RecordNotFound("The " + table.table));
  }

  private java.util.Optional<JsonNode> row(Table table, UUID id, boolean deleted) {
    return jdbc.sql(
            "SELECT to_jsonb(t)::text FROM "
                + table.table
                + " t WHERE id = ? AND tenant_id = medsales_tenant()"
                + (deleted ? " AND deleted_at IS NOT NULL" : " AND deleted_at IS NULL"))
        .param(id)
        .query(String.class)
        .optional()
        .map(JSON::readTree);
  }

  /**
   * Refuses {@code id} (a request's reference in {@code field}, a UUID or its text) unless it names
   * a current record of {@code table} that this user may see. The lookup goes through the
   * application's row-level-secured connection, so another tenant's record is as absent as one that
   * never existed: both answer the same 400, naming the field and not the id.
   */
  public void requireReference(Table table, String field, @Nullable Object id) {
    if (id == null) {
      return;
    }
    UUID uuid = uuid(field, id);
    boolean exists =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM "
                    + table.table
                    + " WHERE id = ? AND tenant_id = medsales_tenant() AND deleted_at IS NULL)")
            .param(uuid)
            .query(Boolean.class)
            .single();
    if (!exists) {
      throw InvalidFields.of(field, "names " + table.named() + " that does not exist");
    }
  }

  /**
   * Refuses {@code id} unless it names an active user of this tenant, in the same words whether it
   * is foreign or unknown.
   */
  public void requireUser(String field, @Nullable Object id) {
    if (id == null) {
      throw InvalidFields.of(field, "is required");
    }
    boolean known =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM app_user WHERE id = ? AND tenant_id = medsales_tenant() AND enabled)")
            .param(uuid(field, id))
            .query(Boolean.class)
            .single();
    if (!known) {
      throw InvalidFields.of(field, "is not an active user of this tenant");
    }
  }

  /**
   * Checks the references among a PATCH's {@code columns} (column to new value) before anything is
   * written: each record column named in {@code records} (column to table, and the API's field
   * name) and each user column in {@code users}. A record reference may be cleared (null); a user
   * reference may not.
   */
  public void requireReferences(
      Map<String, @Nullable Object> columns, Map<String, Reference> references) {
    references.forEach(
        (column, reference) -> {
          if (!columns.containsKey(column)) {
            return;
          }
          if (reference.table() == null) {
            requireUser(reference.field(), columns.get(column));
          } else {
            requireReference(reference.table(), reference.field(), columns.get(column));
          }
        });
  }

  /**
   * A column holding an id: of a record of {@code table}, or of a user if {@code table} is null;
   * {@code field} as the API names it.
   */
  public record Reference(@Nullable Table table, String field) {
    public static Reference to(Table table, String field) {
      return new Reference(table, field);
    }

    public static Reference user(String field) {
      return new Reference(null, field);
    }
  }

  /**
   * {@code value} (a UUID, or the text of one in a PATCH body) as a UUID, or a 400 naming {@code
   * field}.
   */
  static UUID uuid(String field, Object value) {
    if (value instanceof UUID uuid) {
      return uuid;
    }
    try {
      return UUID.fromString(value.toString());
    } catch (IllegalArgumentException e) {
      throw InvalidFields.of(field, "is not an id");
    }
  }

  /** Only the record's owner, a manager of a team the owner is in, or an admin may change it. */
  public void requireEditable(Table table, JsonNode row) {
    UUID owner = UUID.fromString(row.get(table.ownerColumn).asString());
    if (!ownership.mayEdit(owner)) {
      throw new NotPermitted("Only the owner, their manager or an admin may change this record.");
    }
  }

  /**
   * Applies {@code changes} (column to new value; columns of the table only) if the record is still
   * at {@code version}, records each changed field in the history, and returns the new row.
   */
  public JsonNode update(
      Table table, UUID id, long version, Map<String, @Nullable Object> changes) {
    return update(table, id, version, changes, null);
  }

  /**
   * As {@link #update(Table, UUID, long, Map)}; a conflict's {@code current} is {@code view} (the
   * record as its GET endpoint shows it, so a client can merge field by field) rather than the
   * table's row.
   */
  public JsonNode update(
      Table table,
      UUID id,
      long version,
      Map<String, @Nullable Object> changes,
      java.util.function.@Nullable Supplier<Object> view) {
    JsonNode before = current(table, id);
    requireEditable(table, before);
    requireVersion(table, before, version, view);
    if (changes.isEmpty()) {
      return before;
    }
    List<String> assignments = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    int i = 0;
    for (var change : changes.entrySet()) {
      String type = table.columns.get(change.getKey());
      if (type == null) {
        throw new IllegalArgumentException(
            "not an editable column of " + table.table + ": " + change.getKey());
      }
      assignments.add(change.getKey() + " = CAST(:v" + i + " AS " + type + ")");
      params.put("v" + i, change.getValue());
      i++;
    }
    params.put("id", id);
    params.put("version", version);
    int updated =
        jdbc.sql(
                "UPDATE "
                    + table.table
                    + " SET "
                    + String.join(", ", assignments)
                    + ", version = version + 1, updated_at = now() WHERE id = :id AND version = :version AND deleted_at IS NULL")
            .params(params)
            .update();
    if (updated == 0) {
      // lost a race between our read and our write
      return update(table, id, version, changes, view);
    }
    JsonNode after = current(table, id);
    for (String column : changes.keySet()) {
      if (!Objects.equals(before.get(column), after.get(column))) {
        history(table, id, column, before.get(column), after.get(column));
      }
    }
    return after;
  }

  /**
   * A stale {@code version}: a 409 carrying the record as it is now ({@code view}, or the table's
   * row).
   */
  private static void requireVersion(
      Table table, JsonNode row, long version, java.util.function.@Nullable Supplier<Object> view) {
    if (row.get("version").asLong() != version) {
      throw new StaleVersion(
          "Someone else changed this "
              + table.table
              + " (now at version "
              + row.get("version").asLong()
              + "). Reload it, or merge your changes into the current version.",
          view != null ? view.get() : JSON.treeToValue(row, Object.class));
    }
  }

  /**
   * Gives a contact at {@code version} to {@code owner}, an active user of the tenant, and records
   * the change: the rule is {@link #update}'s (its owner, their manager or an admin), and the
   * contact may leave the giver's sight, which a plain UPDATE under row-level security refuses (the
   * writer must still see the row it wrote), so the owner alone is changed by {@code
   * medsales_hand_over_contact} (V87), which checks the same again. Returns the new version; the
   * contact may no longer be readable by the caller.
   */
  public long handOverContact(
      UUID id, long version, UUID owner, java.util.function.Supplier<Object> view) {
    JsonNode before = current(Table.CONTACT, id);
    requireEditable(Table.CONTACT, before);
    requireUser("ownerId", owner);
    requireVersion(Table.CONTACT, before, version, view);
    int changed =
        jdbc.sql("SELECT medsales_hand_over_contact(?, ?, ?)")
            .params(id, Math.toIntExact(version), owner)
            .query(Integer.class)
            .single();
    if (changed == 0) {
      // lost a race between our read and our write: answered as a stale version, with the contact
      // as it is now
      return handOverContact(id, version, owner, view);
    }
    history(
        Table.CONTACT, id, "owner_id", before.get("owner_id"), JSON.valueToTree(owner.toString()));
    return version + 1;
  }

  /**
   * The columns for the API's field names ({@code fields}: camelCase name to value), refusing any
   * field that is not in {@code editable}; lists become SQL arrays.
   */
  public Map<String, @Nullable Object> columns(
      Map<String, String> editable, Map<String, @Nullable Object> fields, String what) {
    Map<String, @Nullable Object> columns = new LinkedHashMap<>();
    fields.forEach(
        (field, value) -> {
          String column = editable.get(field);
          if (column == null) {
            throw InvalidFields.of(field, "is not a field of " + what + " that can be changed");
          }
          columns.put(
              column,
              value instanceof List<?> list
                  ? list.stream().map(String::valueOf).toArray(String[]::new)
                  : value);
        });
    return columns;
  }

  /** A new record's creation, in the history (one row, field "*"). */
  public void created(Table table, UUID id) {
    history(table, id, "*", null, current(table, id));
  }

  public void softDelete(Table table, UUID id) {
    JsonNode row = current(table, id);
    requireEditable(table, row);
    jdbc.sql(
            "UPDATE "
                + table.table
                + " SET deleted_at = now(), updated_at = now(), version = version + 1 WHERE id = ?")
        .param(id)
        .update();
    history(table, id, "deleted_at", null, JSON.valueToTree(OffsetDateTime.now().toString()));
  }

  /** Undoes a delete made less than 30 days ago. */
  public JsonNode restore(Table table, UUID id) {
    JsonNode row =
        row(table, id, true).orElseThrow(() -> new RecordNotFound("A deleted " + table.table));
    requireEditable(table, row);
    OffsetDateTime deletedAt = OffsetDateTime.parse(row.get("deleted_at").asString());
    if (deletedAt.isBefore(OffsetDateTime.now().minus(RESTORE_WINDOW))) {
      throw new RecordGone("This " + table.table + " was deleted more than 30 days ago.");
    }
    jdbc.sql(
            "UPDATE "
                + table.table
                + " SET deleted_at = NULL, updated_at = now(), version = version + 1 WHERE id = ?")
        .param(id)
        .update();
    history(table, id, "deleted_at", row.get("deleted_at"), null);
    return current(table, id);
  }

  /**
   * One change of a field. {@code oldName} and {@code newName} name what an id stands for (a user,
   * an account), when the field holds one the user may see, so that a history reads "Jane Doe"
   * rather than a UUID.
   */
  public record Change(
      long id,
      String field,
      @Nullable Object oldValue,
      @Nullable Object newValue,
      @Nullable String oldName,
      @Nullable String newName,
      @Nullable UUID changedBy,
      @Nullable String changedByName,
      OffsetDateTime changedAt) {}

  public List<Change> history(Table table, UUID id) {
    current(table, id);
    return jdbc.sql(
            """
            SELECT c.id, c.field, c.old_value::text AS old_value, c.new_value::text AS new_value, c.changed_by,
                   u.display_name, c.changed_at,
                   %s AS old_name,
                   %s AS new_name
            FROM crm_change c LEFT JOIN app_user u ON u.id = c.changed_by
            WHERE c.tenant_id = medsales_tenant() AND c.entity = ? AND c.entity_id = ?
            ORDER BY c.id DESC
            """
                .formatted(nameOf("c.old_value"), nameOf("c.new_value")))
        .params(table.table, id)
        .query(
            (rs, n) ->
                new Change(
                    rs.getLong("id"),
                    rs.getString("field"),
                    json(rs.getString("old_value")),
                    json(rs.getString("new_value")),
                    rs.getString("old_name"),
                    rs.getString("new_name"),
                    rs.getObject("changed_by", UUID.class),
                    rs.getString("display_name"),
                    rs.getObject("changed_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * SQL naming the user or account a history value's id stands for (the account only when the user
   * may see it).
   */
  private static String nameOf(String value) {
    String uuid =
        "CASE WHEN jsonb_typeof(%1$s) = 'string' AND (%1$s #>> '{}') ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'"
            + " THEN (%1$s #>> '{}')::uuid END";
    String id = uuid.formatted(value);
    return """
        CASE WHEN c.field IN ('owner_id', 'assignee_id')
               THEN (SELECT x.display_name FROM app_user x WHERE x.id = %1$s AND x.tenant_id = medsales_tenant())
             WHEN c.field = 'account_id'
               THEN (SELECT x.name FROM account x WHERE x.id = %1$s AND x.tenant_id = medsales_tenant())
        END"""
        .formatted(id);
  }

  private static @Nullable Object json(@Nullable String text) {
    return text == null ? null : JSON.readValue(text, Object.class);
  }

  private void history(
      Table table, UUID id, String field, @Nullable JsonNode before, @Nullable JsonNode after) {
    UUID user = TenantScope.principal() instanceof MedsalesUser u ? u.userId() : null;
    jdbc.sql(
            "INSERT INTO crm_change (tenant_id, entity, entity_id, field, old_value, new_value, changed_by)"
                + " VALUES (medsales_tenant(), ?, ?, ?, ?::jsonb, ?::jsonb, ?)")
        .params(
            table.table,
            id,
            field,
            before == null ? null : before.toString(),
            after == null ? null : after.toString(),
            user)
        .update();
  }
}
