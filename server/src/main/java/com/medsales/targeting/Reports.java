package com.medsales.targeting;

import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import java.time.LocalDate;
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
 * The reports behind the home pages: activities by user, team, territory or kind, and the reach and
 * frequency of target lists. Read-only transactions, so with a read replica configured ({@code
 * DB_READ_HOST}) they read from it. Row-level security limits both to what the reader may see:
 * their own activities and lists, their teams', everything for an admin.
 */
@Service
public class Reports {

  public enum GroupBy {
    USER,
    TEAM,
    TERRITORY,
    KIND;

    public static GroupBy parse(String text) {
      return switch (text) {
        case "user" -> USER;
        case "team" -> TEAM;
        case "territory" -> TERRITORY;
        case "kind" -> KIND;
        default -> throw new IllegalArgumentException("must be user, team, territory or kind");
      };
    }
  }

  public record ActivityRow(
      @Nullable String key, String label, long activities, long calls, Map<String, Long> byKind) {}

  public record ActivityReport(
      LocalDate from, LocalDate to, String groupBy, List<ActivityRow> rows, long activities) {}

  private final JdbcClient jdbc;

  Reports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Activities (not deleted) dated from {@code from} to {@code to} (both included), grouped; calls
   * are those of the kinds a target list counts. A user in two teams (or territories) counts in
   * each.
   */
  @Transactional(readOnly = true)
  public ActivityReport activity(LocalDate from, LocalDate to, GroupBy groupBy) {
    if (to.isBefore(from)) {
      throw InvalidFields.of("to", "must not be before from");
    }
    if (from.plusYears(2).isBefore(to)) {
      throw InvalidFields.of("to", "must be within two years of from");
    }
    String group =
        switch (groupBy) {
          case USER ->
              "CROSS JOIN LATERAL (SELECT a.owner_id::text AS key, u.display_name AS label FROM app_user u WHERE u.id = a.owner_id) g";
          case TEAM ->
              """
              CROSS JOIN LATERAL (SELECT t.id::text AS key, t.name AS label FROM team_member m JOIN team t ON t.id = m.team_id
                                  WHERE m.user_id = a.owner_id
                                  UNION ALL
                                  SELECT NULL, 'No team' WHERE NOT EXISTS (SELECT 1 FROM team_member m WHERE m.user_id = a.owner_id)) g""";
          case TERRITORY ->
              """
              CROSS JOIN LATERAL (SELECT t.id::text AS key, t.name AS label FROM territory_assignment x
                                  JOIN territory t ON t.id = x.territory_id WHERE x.user_id = a.owner_id
                                  UNION ALL
                                  SELECT NULL, 'No territory'
                                  WHERE NOT EXISTS (SELECT 1 FROM territory_assignment x WHERE x.user_id = a.owner_id)) g""";
          case KIND -> "CROSS JOIN LATERAL (SELECT a.kind AS key, a.kind AS label) g";
        };
    Map<String, ActivityRow> rows = new LinkedHashMap<>();
    // counted per owner and kind in one pass first, then each owner's group: the group's lateral
    // per activity timed out (30 s) over 2,000,000 activities in bench/targets.sh
    jdbc.sql(
            """
            WITH counted AS (
                SELECT a.owner_id, a.kind, count(*) AS n
                FROM activity a
                WHERE a.tenant_id = medsales_tenant() AND a.deleted_at IS NULL
                  AND a.occurred_at >= CAST(:from AS date) AND a.occurred_at < CAST(:to AS date) + 1
                GROUP BY a.owner_id, a.kind)
            SELECT g.key, g.label, a.kind, CAST(sum(a.n) AS bigint) AS n
            FROM counted a %s
            GROUP BY g.key, g.label, a.kind
            ORDER BY g.label, g.key, a.kind
            """
                .formatted(group))
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              String key = rs.getString("key");
              String label = rs.getString("label");
              String kind = rs.getString("kind");
              long n = rs.getLong("n");
              ActivityRow row =
                  rows.computeIfAbsent(
                      key + "\u0000" + label,
                      k -> new ActivityRow(key, label, 0, 0, new LinkedHashMap<>()));
              row.byKind().merge(kind, n, Long::sum);
              rows.put(
                  key + "\u0000" + label,
                  new ActivityRow(
                      key,
                      label,
                      row.activities() + n,
                      row.calls() + (Calls.KINDS.contains("'" + kind + "'") ? n : 0),
                      row.byKind()));
            });
    List<ActivityRow> list = new ArrayList<>(rows.values());
    list.sort((a, b) -> Long.compare(b.activities(), a.activities()));
    long total =
        jdbc.sql(
                """
                SELECT count(*) FROM activity a WHERE a.tenant_id = medsales_tenant() AND a.deleted_at IS NULL
                  AND a.occurred_at >= CAST(:from AS date) AND a.occurred_at < CAST(:to AS date) + 1
                """)
            .param("from", from)
            .param("to", to)
            .query(Long.class)
            .single();
    return new ActivityReport(
        from, to, groupBy.name().toLowerCase(java.util.Locale.ROOT), list, total);
  }

  /** One list's (or one rep's share of one list's) reach and frequency. */
  public record ReachRow(
      UUID listId,
      String listName,
      UUID ownerId,
      String ownerName,
      @Nullable UUID userId,
      @Nullable String userName,
      LocalDate periodStart,
      LocalDate periodEnd,
      long targets,
      long reached,
      double reachPercent,
      long calls,
      long goal,
      double frequency) {}

  /**
   * Reach and frequency. With {@code listId}: that list's overall row first, then one row per rep
   * whose calls count on it (how many of the list's targets each reached, with how many calls).
   * Without: one row per list I may see whose period includes {@code on}.
   */
  @Transactional(readOnly = true)
  public List<ReachRow> reach(@Nullable UUID listId, LocalDate on) {
    if (listId != null) {
      boolean visible =
          jdbc.sql(
                  "SELECT EXISTS (SELECT 1 FROM target_list WHERE id = ? AND tenant_id = medsales_tenant())")
              .param(listId)
              .query(Boolean.class)
              .single();
      if (!visible) {
        throw new RecordNotFound("The target list");
      }
      List<ReachRow> rows = new ArrayList<>(reachOf(List.of(listId)));
      rows.addAll(reachByRep(listId));
      return rows;
    }
    List<UUID> lists =
        jdbc.sql(
                """
                SELECT id FROM target_list WHERE tenant_id = medsales_tenant()
                  AND period_start <= :on AND period_end >= :on ORDER BY id
                """)
            .param("on", on)
            .query(UUID.class)
            .list();
    return reachOf(lists);
  }

  /** Each list's overall reach, in one statement over all of them. */
  List<ReachRow> reachOf(List<UUID> lists) {
    if (lists.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT l.id, l.name, l.owner_id, u.display_name AS owner_name, l.period_start, l.period_end,
                   s.targets, s.reached, s.calls, s.goal
            FROM target_list l JOIN app_user u ON u.id = l.owner_id
            CROSS JOIN LATERAL (
              SELECT count(*) AS targets, count(*) FILTER (WHERE c.calls > 0) AS reached,
                     coalesce(sum(c.calls), 0) AS calls, coalesce(sum(tm.call_goal), 0) AS goal
              FROM target_member tm
              LEFT JOIN (
                SELECT c.npi, count(DISTINCT a.id) AS calls
                FROM activity a
                JOIN activity_attendee x ON x.activity_id = a.id
                JOIN contact c ON c.id = x.contact_id AND c.npi IS NOT NULL AND c.deleted_at IS NULL
                WHERE a.tenant_id = medsales_tenant()
                  AND a.owner_id = ANY(ARRAY(
                        SELECT l.owner_id
                        UNION
                        SELECT m.user_id FROM team t JOIN team_member m ON m.team_id = t.id
                        WHERE t.manager_id = l.owner_id AND t.tenant_id = medsales_tenant()))
                  AND a.occurred_at >= l.period_start AND a.occurred_at < l.period_end + 1
                  AND a.kind IN %s AND a.deleted_at IS NULL
                  AND EXISTS (SELECT 1 FROM target_member m WHERE m.list_id = l.id AND m.npi = c.npi)
                GROUP BY c.npi
              ) c ON c.npi = tm.npi
              WHERE tm.list_id = l.id
            ) s
            WHERE l.id = ANY(CAST(:lists AS uuid[])) AND l.tenant_id = medsales_tenant()
            ORDER BY lower(u.display_name), lower(l.name), l.id
            """
                .formatted(Calls.KINDS))
        .param("lists", lists.toArray(UUID[]::new))
        .query(
            (rs, n) -> {
              var t =
                  TargetLists.totals(
                      null,
                      rs.getLong("targets"),
                      rs.getLong("reached"),
                      rs.getLong("calls"),
                      rs.getLong("goal"));
              return new ReachRow(
                  rs.getObject("id", UUID.class),
                  rs.getString("name"),
                  rs.getObject("owner_id", UUID.class),
                  rs.getString("owner_name"),
                  null,
                  null,
                  rs.getObject("period_start", LocalDate.class),
                  rs.getObject("period_end", LocalDate.class),
                  t.targets(),
                  t.reached(),
                  t.reachPercent(),
                  t.calls(),
                  t.goal(),
                  t.frequency());
            })
        .list();
  }

  private List<ReachRow> reachByRep(UUID listId) {
    return jdbc.sql(
            Calls.WITH_CALLS
                    .replace(
                        "SELECT c.npi, count(DISTINCT a.id) AS calls, max(a.occurred_at) AS last_call_at",
                        "SELECT a.owner_id, c.npi, count(DISTINCT a.id) AS calls, max(a.occurred_at) AS last_call_at")
                    .replace("GROUP BY c.npi", "GROUP BY a.owner_id, c.npi")
                + """
                SELECT l.id, tl.name, l.owner_id, o.display_name AS owner_name, l.period_start, l.period_end,
                       c.owner_id AS user_id, u.display_name AS user_name,
                       (SELECT count(*) FROM target_member tm WHERE tm.list_id = l.id) AS targets,
                       count(*) AS reached, sum(c.calls) AS calls
                FROM l JOIN target_list tl ON tl.id = l.id JOIN app_user o ON o.id = l.owner_id
                JOIN calls c ON true JOIN app_user u ON u.id = c.owner_id
                GROUP BY l.id, tl.name, l.owner_id, o.display_name, l.period_start, l.period_end, c.owner_id, u.display_name
                ORDER BY lower(u.display_name), c.owner_id
                """)
        .param("list", listId)
        .query(
            (rs, n) -> {
              var t =
                  TargetLists.totals(
                      null, rs.getLong("targets"), rs.getLong("reached"), rs.getLong("calls"), 0);
              return new ReachRow(
                  rs.getObject("id", UUID.class),
                  rs.getString("name"),
                  rs.getObject("owner_id", UUID.class),
                  rs.getString("owner_name"),
                  rs.getObject("user_id", UUID.class),
                  rs.getString("user_name"),
                  rs.getObject("period_start", LocalDate.class),
                  rs.getObject("period_end", LocalDate.class),
                  t.targets(),
                  t.reached(),
                  t.reachPercent(),
                  t.calls(),
                  0,
                  t.frequency());
            })
        .list();
  }
}
