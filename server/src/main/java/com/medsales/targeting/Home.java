package com.medsales.targeting;

import com.medsales.identity.MedsalesUser;
import com.medsales.ingest.DataFreshness;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.Freshness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each role's first page. A rep's: today's and overdue tasks, the targets of my current lists not
 * yet reached this period (by tier), what changed since my last visit for my contacts and targets,
 * my calls this week. A manager's: reach and frequency of the team's current lists, rep by rep,
 * overdue tasks per rep, and the decile coverage panel when a segment API provides it. Reads are
 * read-only transactions (the replica when there is one); marking a visit is the only write.
 */
@Service
public class Home {

  /** The changes a first visit shows: those of the last week. */
  static final Duration FIRST_VISIT_WINDOW = Duration.ofDays(7);

  private final JdbcClient jdbc;
  private final DataFreshness freshness;
  private final Reports reports;
  private final DecileCoverage decileCoverage;

  Home(JdbcClient jdbc, DataFreshness freshness, Reports reports, DecileCoverage decileCoverage) {
    this.jdbc = jdbc;
    this.freshness = freshness;
    this.reports = reports;
    this.decileCoverage = decileCoverage;
  }

  public record TaskItem(
      UUID id,
      String title,
      @Nullable LocalDate dueDate,
      boolean overdue,
      String priority,
      @Nullable UUID contactId) {}

  public record Target(
      UUID listId,
      String listName,
      String npi,
      String name,
      @Nullable String tier,
      @Nullable Integer callGoal,
      @Nullable UUID contactId) {}

  /** A change since the last visit: kind LIST (joined or left a list), REGISTRY, PAYMENTS. */
  public record ChangeItem(
      String kind, String npi, String name, String text, @Nullable OffsetDateTime at) {}

  public record WeekCalls(LocalDate since, long calls, Map<String, Long> byKind) {}

  public record RepHome(
      List<TaskItem> tasks,
      List<Target> notReached,
      long notReachedCount,
      @Nullable OffsetDateTime lastVisit,
      List<ChangeItem> changes,
      WeekCalls callsThisWeek) {}

  @Transactional(readOnly = true)
  public RepHome rep(MedsalesUser user) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<TaskItem> tasks =
        jdbc.sql(
                """
                SELECT id, title, due_date, priority, contact_id FROM task
                WHERE tenant_id = medsales_tenant() AND assignee_id = :me AND status = 'OPEN' AND deleted_at IS NULL
                  AND due_date <= :today
                ORDER BY due_date, array_position(ARRAY['HIGH', 'NORMAL', 'LOW'], priority), lower(title)
                LIMIT 50
                """)
            .param("me", user.userId())
            .param("today", today)
            .query(
                (rs, n) -> {
                  LocalDate due = rs.getObject("due_date", LocalDate.class);
                  return new TaskItem(
                      rs.getObject("id", UUID.class),
                      rs.getString("title"),
                      due,
                      due != null && due.isBefore(today),
                      rs.getString("priority"),
                      rs.getObject("contact_id", UUID.class));
                })
            .list();
    String notReached =
        """
        FROM target_list l JOIN target_member tm ON tm.list_id = l.id
        LEFT JOIN provider p ON p.npi = tm.npi LEFT JOIN cms_provider cp ON cp.npi = tm.npi
        WHERE l.tenant_id = medsales_tenant() AND l.owner_id = :me AND l.period_start <= :today AND l.period_end >= :today
          AND NOT EXISTS (
            SELECT 1 FROM contact c JOIN activity_attendee x ON x.contact_id = c.id JOIN activity a ON a.id = x.activity_id
            WHERE c.tenant_id = medsales_tenant() AND c.npi = tm.npi AND c.deleted_at IS NULL
              AND a.owner_id = ANY(ARRAY(SELECT l.owner_id UNION
                                         SELECT m.user_id FROM team t JOIN team_member m ON m.team_id = t.id
                                         WHERE t.manager_id = l.owner_id AND t.tenant_id = medsales_tenant()))
              AND a.occurred_at >= l.period_start AND a.occurred_at < l.period_end + 1
              AND a.kind IN %s AND a.deleted_at IS NULL)
        """
            .formatted(Calls.KINDS);
    // ordered by tier, then (once segments exist) decile, then name
    List<Target> targets =
        jdbc.sql(
                """
                SELECT l.id AS list_id, l.name AS list_name, tm.npi, tm.tier, tm.call_goal, %s AS name,
                       (SELECT ct.id FROM contact ct WHERE ct.tenant_id = medsales_tenant() AND ct.npi = tm.npi
                          AND ct.deleted_at IS NULL LIMIT 1) AS contact_id
                %s
                ORDER BY tm.tier NULLS LAST, lower(%s) NULLS LAST, tm.npi
                LIMIT 25
                """
                    .formatted(Calls.NAME, notReached, Calls.NAME))
            .param("me", user.userId())
            .param("today", today)
            .query(
                (rs, n) -> {
                  String npi = String.valueOf(rs.getLong("npi"));
                  String name = rs.getString("name");
                  int goal = rs.getInt("call_goal");
                  Integer callGoal = rs.wasNull() ? null : goal;
                  return new Target(
                      rs.getObject("list_id", UUID.class),
                      rs.getString("list_name"),
                      npi,
                      name == null ? npi : name,
                      rs.getString("tier"),
                      callGoal,
                      rs.getObject("contact_id", UUID.class));
                })
            .list();
    long notReachedCount =
        jdbc.sql("SELECT count(*) " + notReached)
            .param("me", user.userId())
            .param("today", today)
            .query(Long.class)
            .single();
    OffsetDateTime lastVisit =
        jdbc.sql(
                "SELECT last_at FROM home_visit WHERE user_id = ? AND tenant_id = medsales_tenant()")
            .param(user.userId())
            .query(OffsetDateTime.class)
            .optional()
            .orElse(null);
    OffsetDateTime since =
        lastVisit != null ? lastVisit : OffsetDateTime.now().minus(FIRST_VISIT_WINDOW);
    return new RepHome(
        tasks,
        targets,
        notReachedCount,
        lastVisit,
        changes(user.userId(), since),
        callsThisWeek(user.userId(), today));
  }

  /**
   * What changed since {@code since} for my contacts and the members of my lists: who joined or
   * left my dynamic lists, registry updates and deactivations (when NPPES published since), the
   * latest Open Payments program year (when it published since). Decile moves come with segments.
   */
  private List<ChangeItem> changes(UUID me, OffsetDateTime since) {
    List<ChangeItem> changes = new ArrayList<>();
    jdbc.sql(
            """
            SELECT m.npi, m.reason, c.evaluated_at, l.name AS list_name, %s AS name
            FROM target_list_change c JOIN target_list l ON l.id = c.list_id
            JOIN target_list_change_member m ON m.change_id = c.id
            LEFT JOIN provider p ON p.npi = m.npi LEFT JOIN cms_provider cp ON cp.npi = m.npi
            WHERE c.tenant_id = medsales_tenant() AND l.owner_id = :me AND c.evaluated_at > :since
            ORDER BY c.evaluated_at DESC, m.npi
            LIMIT 50
            """
                .formatted(Calls.NAME))
        .param("me", me)
        .param("since", since)
        .query(
            rs -> {
              String npi = String.valueOf(rs.getLong("npi"));
              String name = rs.getString("name");
              changes.add(
                  new ChangeItem(
                      "LIST",
                      npi,
                      name == null ? npi : name,
                      rs.getString("reason") + " (" + rs.getString("list_name") + ")",
                      rs.getObject("evaluated_at", OffsetDateTime.class)));
            });
    String mine =
        """
        (SELECT c.npi FROM contact c WHERE c.tenant_id = medsales_tenant() AND c.owner_id = :me
           AND c.deleted_at IS NULL AND c.npi IS NOT NULL
         UNION
         SELECT tm.npi FROM target_list l JOIN target_member tm ON tm.list_id = l.id
         WHERE l.tenant_id = medsales_tenant() AND l.owner_id = :me AND l.period_end >= CAST(:since AS date))""";
    Map<Dataset, Freshness> published = freshness.published();
    Freshness nppes = published.get(Dataset.NPPES);
    if (nppes != null && nppes.lastIngested().isAfter(since.toInstant())) {
      jdbc.sql(
              """
              SELECT p.npi, %s AS name, p.active, p.deactivation_date, p.last_update_date
              FROM %s mine JOIN provider p ON p.npi = mine.npi LEFT JOIN cms_provider cp ON false
              WHERE p.last_update_date >= CAST(:since AS date) OR p.deactivation_date >= CAST(:since AS date)
              ORDER BY p.last_update_date DESC NULLS LAST, p.npi
              LIMIT 50
              """
                  .formatted(Calls.NAME, mine))
          .param("me", me)
          .param("since", since)
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs ->
                      changes.add(
                          new ChangeItem(
                              "REGISTRY",
                              String.valueOf(rs.getLong("npi")),
                              String.valueOf(rs.getString("name")),
                              !rs.getBoolean("active")
                                  ? "deactivated on "
                                      + rs.getObject("deactivation_date", LocalDate.class)
                                  : "registry record updated on "
                                      + rs.getObject("last_update_date", LocalDate.class),
                              null)));
    }
    Freshness payments = published.get(Dataset.OPEN_PAYMENTS);
    if (payments != null
        && payments.dataYear() != null
        && payments.lastIngested().isAfter(since.toInstant())) {
      jdbc.sql(
              """
              SELECT r.npi, %s AS name, r.payments, r.total_amount
              FROM %s mine JOIN op_rollup r ON r.npi = mine.npi AND r.program_year = :year
              LEFT JOIN provider p ON p.npi = r.npi LEFT JOIN cms_provider cp ON cp.npi = r.npi
              ORDER BY r.total_amount DESC, r.npi
              LIMIT 50
              """
                  .formatted(Calls.NAME, mine))
          .param("me", me)
          .param("since", since)
          .param("year", payments.dataYear())
          .query(
              rs -> {
                String npi = String.valueOf(rs.getLong("npi"));
                String name = rs.getString("name");
                BigDecimal amount = rs.getBigDecimal("total_amount");
                changes.add(
                    new ChangeItem(
                        "PAYMENTS",
                        npi,
                        name == null ? npi : name,
                        rs.getInt("payments")
                            + " Open Payments in "
                            + payments.dataYear()
                            + ", $"
                            + amount.toPlainString(),
                        OffsetDateTime.ofInstant(payments.lastIngested(), ZoneOffset.UTC)));
              });
    }
    return changes;
  }

  private WeekCalls callsThisWeek(UUID me, LocalDate today) {
    LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
    Map<String, Long> byKind = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT kind, count(*) AS n FROM activity
            WHERE tenant_id = medsales_tenant() AND owner_id = :me AND deleted_at IS NULL AND kind IN %s
              AND occurred_at >= CAST(:monday AS date) AND occurred_at < CAST(:monday AS date) + 7
            GROUP BY kind ORDER BY kind
            """
                .formatted(Calls.KINDS))
        .param("me", me)
        .param("monday", monday)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> byKind.put(rs.getString("kind"), rs.getLong("n")));
    return new WeekCalls(monday, byKind.values().stream().mapToLong(Long::longValue).sum(), byKind);
  }

  /** Marks this moment as my last visit: the next home page shows what changed after it. */
  @Transactional
  public OffsetDateTime visited(MedsalesUser user) {
    return jdbc.sql(
            """
            INSERT INTO home_visit (tenant_id, user_id, previous_at, last_at) VALUES (medsales_tenant(), :me, NULL, now())
            ON CONFLICT (user_id) DO UPDATE SET previous_at = home_visit.last_at, last_at = now()
            RETURNING last_at
            """)
        .param("me", user.userId())
        .query(OffsetDateTime.class)
        .single();
  }

  public record RepTasks(UUID userId, String name, long overdue, long dueToday) {}

  public record ManagerHome(
      List<Reports.ReachRow> reach,
      List<RepTasks> tasks,
      @Nullable List<DecileCoverage.BasketCoverage> decileCoverage) {}

  /**
   * A manager's page: the current lists of the team (and my own), each with its reach and
   * frequency; overdue tasks per rep; decile coverage when segments exist (null: leave the panel
   * out). For an admin, the whole tenant.
   */
  @Transactional(readOnly = true)
  public ManagerHome manager(MedsalesUser user) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<UUID> team =
        jdbc.sql(
                """
                SELECT :me UNION
                SELECT m.user_id FROM team t JOIN team_member m ON m.team_id = t.id
                WHERE t.tenant_id = medsales_tenant() AND (t.manager_id = :me OR :admin)
                """)
            .param("me", user.userId())
            .param("admin", user.tenantAdmin())
            .query(UUID.class)
            .list();
    List<UUID> lists =
        jdbc.sql(
                """
                SELECT id FROM target_list WHERE tenant_id = medsales_tenant() AND owner_id = ANY(CAST(:team AS uuid[]))
                  AND period_start <= :today AND period_end >= :today
                """)
            .param("team", team.toArray(UUID[]::new))
            .param("today", today)
            .query(UUID.class)
            .list();
    List<RepTasks> tasks =
        jdbc.sql(
                """
                SELECT u.id, u.display_name,
                       count(t.id) FILTER (WHERE t.due_date < :today) AS overdue,
                       count(t.id) FILTER (WHERE t.due_date = :today) AS due_today
                FROM app_user u LEFT JOIN task t ON t.assignee_id = u.id AND t.tenant_id = medsales_tenant()
                     AND t.status = 'OPEN' AND t.deleted_at IS NULL AND t.due_date <= :today
                WHERE u.id = ANY(CAST(:team AS uuid[])) AND u.tenant_id = medsales_tenant()
                GROUP BY u.id, u.display_name
                ORDER BY overdue DESC, lower(u.display_name)
                """)
            .param("team", team.toArray(UUID[]::new))
            .param("today", today)
            .query(
                (rs, n) ->
                    new RepTasks(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getLong("overdue"),
                        rs.getLong("due_today")))
            .list();
    return new ManagerHome(
        reports.reachOf(lists), tasks, decileCoverage.coverage(team).orElse(null));
  }
}
