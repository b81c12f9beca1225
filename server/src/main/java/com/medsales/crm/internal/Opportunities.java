package com.medsales.crm.internal;

import com.medsales.crm.internal.RecordStore.Table;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.TenantScope;
import java.math.BigDecimal;
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
 * The device-sales pipeline: tenant-configurable stages, opportunities moving through them, a
 * forecast by month.
 */
@Service
public class Opportunities {

  private final JdbcClient jdbc;
  private final RecordStore records;

  Opportunities(JdbcClient jdbc, RecordStore records) {
    this.jdbc = jdbc;
    this.records = records;
  }

  public record Stage(UUID id, String name, int position, int probability, String outcome) {}

  /**
   * A tenant's stages; a tenant without any gets the usual device-sales pipeline on first use.
   * Concurrent first uses both see no stage; the unique (tenant, name) makes the later one wait for
   * the first and then insert nothing.
   */
  @Transactional
  public List<Stage> stages() {
    jdbc.sql(
            """
            INSERT INTO pipeline_stage (tenant_id, name, position, probability, outcome)
            SELECT medsales_tenant(), s.name, s.position, s.probability, s.outcome
            FROM (VALUES ('Prospect', 1, 10, 'OPEN'), ('Qualified', 2, 25, 'OPEN'), ('Evaluation', 3, 50, 'OPEN'),
                         ('Proposal', 4, 70, 'OPEN'), ('Contracting', 5, 90, 'OPEN'), ('Won', 6, 100, 'WON'),
                         ('Lost', 7, 0, 'LOST')) AS s(name, position, probability, outcome)
            WHERE NOT EXISTS (SELECT 1 FROM pipeline_stage WHERE tenant_id = medsales_tenant())
            ON CONFLICT (tenant_id, name) DO NOTHING
            """)
        .update();
    return jdbc.sql(
            "SELECT * FROM pipeline_stage WHERE tenant_id = medsales_tenant() ORDER BY position")
        .query(
            (rs, n) ->
                new Stage(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getInt("position"),
                    rs.getInt("probability"),
                    rs.getString("outcome")))
        .list();
  }

  public record StageRequest(@Nullable UUID id, String name, int probability, String outcome) {}

  /**
   * Replaces the stages (in the given order); a stage still holding opportunities cannot be
   * removed.
   */
  @Transactional
  public List<Stage> configure(List<StageRequest> requested) {
    List<UUID> existing = stages().stream().map(Stage::id).toList();
    for (int i = 0; i < requested.size(); i++) {
      // another tenant's stage is as unknown as a made-up id
      if (requested.get(i).id() != null && !existing.contains(requested.get(i).id())) {
        throw InvalidFields.of("stages[" + i + "].id", "is not a stage of this pipeline");
      }
    }
    List<UUID> kept =
        requested.stream().map(StageRequest::id).filter(java.util.Objects::nonNull).toList();
    long inUse =
        jdbc.sql(
                "SELECT count(*) FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
                    + " WHERE s.tenant_id = medsales_tenant() AND NOT (s.id = ANY(?)) AND o.deleted_at IS NULL")
            .param(kept.toArray(UUID[]::new))
            .query(Long.class)
            .single();
    if (inUse > 0) {
      throw InvalidFields.of(
          "stages", "a stage that still holds opportunities cannot be removed; move them first");
    }
    // positions move out of the way first, so names and positions can be swapped freely
    jdbc.sql(
            "UPDATE pipeline_stage SET position = position + 10000, name = name || ' ' || id WHERE tenant_id = medsales_tenant()")
        .update();
    int position = 1;
    for (StageRequest stage : requested) {
      if (stage.id() == null) {
        jdbc.sql(
                "INSERT INTO pipeline_stage (tenant_id, name, position, probability, outcome) VALUES (medsales_tenant(), ?, ?, ?, ?)")
            .params(stage.name().strip(), position, stage.probability(), stage.outcome())
            .update();
      } else {
        jdbc.sql(
                "UPDATE pipeline_stage SET name = ?, position = ?, probability = ?, outcome = ? WHERE id = ?")
            .params(
                stage.name().strip(), position, stage.probability(), stage.outcome(), stage.id())
            .update();
      }
      position++;
    }
    // deleted deals stay restorable: those of a removed stage move to the first stage, the move in
    // their history
    jdbc.sql(
            """
            WITH first AS (SELECT id FROM pipeline_stage WHERE tenant_id = medsales_tenant() ORDER BY position LIMIT 1),
            moved AS (
                UPDATE opportunity o SET stage_id = first.id, version = o.version + 1, updated_at = now()
                FROM first, pipeline_stage s
                WHERE s.id = o.stage_id AND s.tenant_id = medsales_tenant() AND NOT (s.id = ANY(:kept)) AND s.position > 10000
                  AND o.deleted_at IS NOT NULL
                RETURNING o.id, s.id AS removed, first.id AS target)
            INSERT INTO crm_change (tenant_id, entity, entity_id, field, old_value, new_value, changed_by)
            SELECT medsales_tenant(), :entity, id, 'stage_id', to_jsonb(removed::text), to_jsonb(target::text), :user FROM moved
            """)
        .param("kept", kept.toArray(UUID[]::new))
        .param("entity", Table.OPPORTUNITY.table)
        .param("user", TenantScope.principal() instanceof MedsalesUser u ? u.userId() : null)
        .update();
    jdbc.sql(
            "DELETE FROM pipeline_stage WHERE tenant_id = medsales_tenant() AND NOT (id = ANY(?)) AND position > 10000")
        .param(kept.toArray(UUID[]::new))
        .update();
    return stages();
  }

  public record OpportunityView(
      UUID id,
      long version,
      String name,
      @Nullable UUID accountId,
      @Nullable String accountName,
      @Nullable UUID contactId,
      UUID stageId,
      String stageName,
      @Nullable BigDecimal amount,
      @Nullable LocalDate closeDate,
      int probability,
      List<String> products,
      UUID ownerId,
      String ownerName,
      OffsetDateTime updatedAt,
      @Nullable OffsetDateTime deletedAt,
      @Nullable String deletedByName) {}

  public record NewOpportunity(
      String name,
      @Nullable UUID accountId,
      @Nullable UUID contactId,
      @Nullable UUID stageId,
      @Nullable BigDecimal amount,
      @Nullable LocalDate closeDate,
      @Nullable Integer probability,
      @Nullable List<String> products,
      @Nullable UUID ownerId) {}

  @Transactional
  public OpportunityView create(MedsalesUser user, NewOpportunity request) {
    List<Stage> stages = stages();
    UUID stage = request.stageId() != null ? request.stageId() : stages.getFirst().id();
    if (stages.stream().noneMatch(s -> s.id().equals(stage))) {
      throw InvalidFields.of("stageId", "is not a stage of this pipeline");
    }
    UUID owner = request.ownerId() != null ? request.ownerId() : user.userId();
    records.requireUser("ownerId", owner);
    records.requireReference(Table.ACCOUNT, "accountId", request.accountId());
    records.requireReference(Table.CONTACT, "contactId", request.contactId());
    UUID id =
        jdbc.sql(
                """
            INSERT INTO opportunity (tenant_id, name, account_id, contact_id, stage_id, amount, close_date, probability, products, owner_id)
            VALUES (medsales_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
            .params(
                request.name().strip(),
                request.accountId(),
                request.contactId(),
                stage,
                request.amount(),
                request.closeDate(),
                request.probability(),
                Contacts.tags(request.products()),
                owner)
            .query(UUID.class)
            .single();
    records.created(Table.OPPORTUNITY, id);
    return find(id);
  }

  private static final String SELECT =
      """
      SELECT o.*, s.name AS stage_name, coalesce(o.probability, s.probability) AS effective_probability,
             a.name AS account_name, u.display_name AS owner_name, deletion.deleted_by_name
      FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id JOIN app_user u ON u.id = o.owner_id
      LEFT JOIN account a ON a.id = o.account_id
      """
          + RecordStore.deletedBy(Table.OPPORTUNITY, "o");

  private static OpportunityView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new OpportunityView(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        rs.getString("name"),
        rs.getObject("account_id", UUID.class),
        rs.getString("account_name"),
        rs.getObject("contact_id", UUID.class),
        rs.getObject("stage_id", UUID.class),
        rs.getString("stage_name"),
        rs.getBigDecimal("amount"),
        rs.getObject("close_date", LocalDate.class),
        rs.getInt("effective_probability"),
        List.of((String[]) rs.getArray("products").getArray()),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("deleted_at", OffsetDateTime.class),
        rs.getString("deleted_by_name"));
  }

  @Transactional(readOnly = true)
  public OpportunityView find(UUID id) {
    return jdbc.sql(
            SELECT + " WHERE o.id = ? AND o.tenant_id = medsales_tenant() AND o.deleted_at IS NULL")
        .param(id)
        .query((rs, n) -> view(rs))
        .optional()
        .orElseThrow(() -> new RecordNotFound("The opportunity"));
  }

  /**
   * Opportunities by stage, or ({@code deleted}) those deleted in the last 30 days, the latest
   * deletion first.
   */
  @Transactional(readOnly = true)
  public List<OpportunityView> list(
      @Nullable UUID ownerId, @Nullable UUID accountId, @Nullable UUID contactId, boolean deleted) {
    return jdbc.sql(
            SELECT
                + " WHERE o.tenant_id = medsales_tenant()"
                + RecordStore.currentOrRestorable("o")
                + " AND (CAST(:owner AS uuid) IS NULL OR o.owner_id = :owner)"
                + " AND (CAST(:account AS uuid) IS NULL OR o.account_id = :account)"
                + " AND (CAST(:contact AS uuid) IS NULL OR o.contact_id = :contact)"
                + (deleted
                    ? " ORDER BY o.deleted_at DESC, o.id"
                    : " ORDER BY s.position, o.close_date NULLS LAST, o.id"))
        .param("deleted", deleted)
        .param("owner", ownerId)
        .param("account", accountId)
        .param("contact", contactId)
        .query((rs, n) -> view(rs))
        .list();
  }

  public record Column(Stage stage, List<OpportunityView> opportunities, BigDecimal total) {}

  /** The kanban board: every stage with its opportunities. */
  @Transactional
  public List<Column> board(@Nullable UUID ownerId) {
    List<Stage> stages = stages();
    List<OpportunityView> all = list(ownerId, null, null, false);
    return stages.stream()
        .map(
            stage -> {
              List<OpportunityView> in =
                  all.stream().filter(o -> o.stageId().equals(stage.id())).toList();
              BigDecimal total =
                  in.stream()
                      .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                      .reduce(BigDecimal.ZERO, BigDecimal::add);
              return new Column(stage, in, total);
            })
        .toList();
  }

  public record ForecastMonth(
      String month, long opportunities, BigDecimal amount, BigDecimal weighted, BigDecimal won) {}

  /** Open and won amounts by month of expected close, the open ones weighted by probability. */
  @Transactional(readOnly = true)
  public List<ForecastMonth> forecast(int months, @Nullable UUID ownerId) {
    return jdbc.sql(
            """
            SELECT to_char(m, 'YYYY-MM') AS month,
                   count(o.id) AS n,
                   coalesce(sum(o.amount) FILTER (WHERE s.outcome = 'OPEN'), 0) AS amount,
                   coalesce(sum(o.amount * coalesce(o.probability, s.probability) / 100.0) FILTER (WHERE s.outcome = 'OPEN'), 0) AS weighted,
                   coalesce(sum(o.amount) FILTER (WHERE s.outcome = 'WON'), 0) AS won
            FROM generate_series(date_trunc('month', current_date), date_trunc('month', current_date) + make_interval(months => :months - 1), interval '1 month') m
            LEFT JOIN opportunity o ON o.tenant_id = medsales_tenant() AND o.deleted_at IS NULL
                 AND date_trunc('month', o.close_date) = m AND (CAST(:owner AS uuid) IS NULL OR o.owner_id = :owner)
            LEFT JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.outcome IS DISTINCT FROM 'LOST'
            GROUP BY m ORDER BY m
            """)
        .param("months", months)
        .param("owner", ownerId)
        .query(
            (rs, n) ->
                new ForecastMonth(
                    rs.getString("month"),
                    rs.getLong("n"),
                    rs.getBigDecimal("amount").setScale(2, java.math.RoundingMode.HALF_UP),
                    rs.getBigDecimal("weighted").setScale(2, java.math.RoundingMode.HALF_UP),
                    rs.getBigDecimal("won").setScale(2, java.math.RoundingMode.HALF_UP)))
        .list();
  }

  private static final Map<String, String> FIELDS =
      Map.of(
          "name",
          "name",
          "accountId",
          "account_id",
          "contactId",
          "contact_id",
          "stageId",
          "stage_id",
          "amount",
          "amount",
          "closeDate",
          "close_date",
          "probability",
          "probability",
          "products",
          "products",
          "ownerId",
          "owner_id");

  @Transactional
  public OpportunityView update(UUID id, long version, Map<String, @Nullable Object> fields) {
    var columns = records.columns(FIELDS, fields, "an opportunity");
    if (columns.containsKey("stage_id")
        && (columns.get("stage_id") == null
            || stages().stream()
                .noneMatch(s -> s.id().toString().equals(columns.get("stage_id").toString())))) {
      throw InvalidFields.of("stageId", "is not a stage of this pipeline");
    }
    records.requireReferences(
        columns,
        Map.of(
            "owner_id",
            RecordStore.Reference.user("ownerId"),
            "account_id",
            RecordStore.Reference.to(Table.ACCOUNT, "accountId"),
            "contact_id",
            RecordStore.Reference.to(Table.CONTACT, "contactId")));
    records.update(Table.OPPORTUNITY, id, version, columns, () -> find(id));
    return find(id);
  }

  @Transactional
  public void delete(UUID id) {
    records.softDelete(Table.OPPORTUNITY, id);
  }

  @Transactional
  public OpportunityView restore(UUID id) {
    records.restore(Table.OPPORTUNITY, id);
    return find(id);
  }
}
