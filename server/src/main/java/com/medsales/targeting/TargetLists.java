package com.medsales.targeting;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.Ownership;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.NotPermitted;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.StaleVersion;
import com.medsales.provider.search.ProviderQueries;
import com.medsales.provider.search.ProviderSearch;
import com.medsales.shared.Npi;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Target lists: whom a rep, or a manager's team, is to see in a period, with a tier and a call goal
 * per member and the calls made so far. Row-level security (V91) shows each user their own lists,
 * those of the reps of the teams they manage, and every list to an admin; the same people may
 * change a list (its owner, the owner's manager, an admin). Another tenant's list, or one the user
 * may not see, is simply not found. Every change is in the audit trail.
 */
@Service
public class TargetLists {

  /** The most providers one request (or a rule) may add. */
  public static final int MAX_MEMBERS_AT_ONCE = 5_000;

  private final JdbcClient jdbc;
  private final Ownership ownership;
  private final AuditTrail audit;
  private final ProviderSearch search;
  private final DynamicLists dynamic;

  TargetLists(
      JdbcClient jdbc,
      Ownership ownership,
      AuditTrail audit,
      ProviderSearch search,
      DynamicLists dynamic) {
    this.jdbc = jdbc;
    this.ownership = ownership;
    this.audit = audit;
    this.search = search;
    this.dynamic = dynamic;
  }

  public record TargetList(
      UUID id,
      String name,
      LocalDate periodStart,
      LocalDate periodEnd,
      UUID ownerId,
      String ownerName,
      @Nullable String rule,
      long memberCount,
      @Nullable OffsetDateTime evaluatedAt,
      long version) {}

  public record NewList(
      String name,
      LocalDate periodStart,
      LocalDate periodEnd,
      @Nullable UUID ownerId,
      @Nullable String rule) {}

  public record Added(int added, int alreadyMembers, long memberCount) {}

  public record Address(
      @Nullable String line1,
      @Nullable String city,
      @Nullable String state,
      @Nullable String zip5) {}

  public record Member(
      String npi,
      String name,
      @Nullable String primarySpecialty,
      @Nullable Address address,
      @Nullable String tier,
      @Nullable Integer callGoal,
      long calls,
      @Nullable Double attainment,
      @Nullable OffsetDateTime lastCallAt,
      @Nullable UUID contactId,
      boolean manual,
      boolean byRule) {}

  public record MemberPage(List<Member> items, @Nullable String nextCursor, long total) {}

  public enum MemberSort {
    TIER("tm.tier NULLS LAST, lower(k.name) NULLS LAST"),
    NAME("lower(k.name) NULLS LAST"),
    CALLS("k.calls DESC"),
    ATTAINMENT("k.attainment DESC NULLS LAST"),
    LAST_CALL("k.last_call_at DESC NULLS LAST"),
    NPI("tm.npi");

    final String order;

    MemberSort(String order) {
      this.order = order;
    }

    public static MemberSort parse(String text) {
      return switch (text) {
        case "tier" -> TIER;
        case "name" -> NAME;
        case "calls" -> CALLS;
        case "attainment" -> ATTAINMENT;
        case "lastCallAt" -> LAST_CALL;
        case "npi" -> NPI;
        default ->
            throw new IllegalArgumentException(
                "must be tier, name, calls, attainment, lastCallAt or npi");
      };
    }
  }

  private static final String SELECT_LIST =
      """
      SELECT l.*, u.display_name AS owner_name,
             (SELECT count(*) FROM target_member m WHERE m.list_id = l.id) AS member_count
      FROM target_list l JOIN app_user u ON u.id = l.owner_id
      """;

  private static TargetList list(ResultSet rs) throws SQLException {
    return new TargetList(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getObject("period_start", LocalDate.class),
        rs.getObject("period_end", LocalDate.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        rs.getString("rule"),
        rs.getLong("member_count"),
        rs.getObject("evaluated_at", OffsetDateTime.class),
        rs.getLong("version"));
  }

  /** The lists I may see: mine and my teams' (every list for an admin), the latest period first. */
  @Transactional(readOnly = true)
  public List<TargetList> lists(@Nullable UUID ownerId) {
    return jdbc.sql(
            SELECT_LIST
                + " WHERE l.tenant_id = medsales_tenant() AND (CAST(:owner AS uuid) IS NULL OR l.owner_id = :owner)"
                + " ORDER BY l.period_end DESC, lower(l.name), l.id")
        .param("owner", ownerId)
        .query((rs, n) -> list(rs))
        .list();
  }

  @Transactional(readOnly = true)
  public TargetList find(UUID id) {
    return jdbc.sql(SELECT_LIST + " WHERE l.id = ? AND l.tenant_id = medsales_tenant()")
        .param(id)
        .query((rs, n) -> list(rs))
        .optional()
        .orElseThrow(() -> new RecordNotFound("The target list"));
  }

  private TargetList editable(UUID id) {
    TargetList list = find(id);
    if (!ownership.mayEdit(list.ownerId())) {
      throw new NotPermitted("Only the list's owner, their manager or an admin may change it.");
    }
    return list;
  }

  @Transactional
  public TargetList create(MedsalesUser user, NewList request) {
    UUID owner = request.ownerId() == null ? user.userId() : request.ownerId();
    requireOwner(owner);
    requirePeriod(request.periodStart(), request.periodEnd());
    String rule = rule(request.rule());
    if (rule != null) {
      dynamic.check(rule);
    }
    UUID id =
        jdbc.sql(
                """
                INSERT INTO target_list (tenant_id, name, period_start, period_end, owner_id, rule)
                VALUES (medsales_tenant(), ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(request.name().strip(), request.periodStart(), request.periodEnd(), owner, rule)
            .query(UUID.class)
            .single();
    audit.record(
        "target-list.create",
        id.toString(),
        AuditOutcome.SUCCESS,
        rule == null
            ? Map.of("name", request.name().strip())
            : Map.of("name", request.name().strip(), "rule", rule));
    if (rule != null) {
      dynamic.reevaluate(id, "created");
    }
    return find(id);
  }

  /** A user of this tenant whose lists the caller may keep: themself, a rep of their team. */
  private void requireOwner(UUID owner) {
    boolean active =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM app_user WHERE id = ? AND tenant_id = medsales_tenant() AND enabled)")
            .param(owner)
            .query(Boolean.class)
            .single();
    if (!active || !ownership.mayEdit(owner)) {
      throw InvalidFields.of(
          "ownerId", "is not a user of this tenant whose lists you may keep (yours, your team's)");
    }
  }

  private static void requirePeriod(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw InvalidFields.of("periodEnd", "must not be before periodStart");
    }
    if (start.plusYears(2).isBefore(end)) {
      throw InvalidFields.of("periodEnd", "must be within two years of periodStart");
    }
  }

  private static @Nullable String rule(@Nullable String rule) {
    if (rule == null || rule.isBlank()) {
      return null;
    }
    String stripped = rule.strip();
    return stripped.startsWith("?") ? stripped.substring(1) : stripped;
  }

  /**
   * Changes the fields given ({@code name}, {@code periodStart}, {@code periodEnd}, {@code
   * ownerId}, {@code rule}: null or "" makes the list static, its members kept as manual ones) if
   * the list is still at {@code version}; a changed rule is re-evaluated at once.
   */
  @Transactional
  public TargetList update(UUID id, long version, Map<String, @Nullable Object> fields) {
    TargetList before = editable(id);
    if (before.version() != version) {
      throw new StaleVersion(
          "Someone else changed this target list (now at version "
              + before.version()
              + "). Reload it and apply your change again.",
          before);
    }
    String name = before.name();
    LocalDate start = before.periodStart();
    LocalDate end = before.periodEnd();
    UUID owner = before.ownerId();
    String rule = before.rule();
    for (var field : fields.entrySet()) {
      Object value = field.getValue();
      switch (field.getKey()) {
        case "name" -> {
          if (!(value instanceof String text) || text.isBlank()) {
            throw InvalidFields.of("name", "must not be blank");
          }
          name = text.strip();
        }
        case "periodStart" -> start = date("periodStart", value);
        case "periodEnd" -> end = date("periodEnd", value);
        case "ownerId" -> {
          if (value == null) {
            throw InvalidFields.of("ownerId", "is required");
          }
          try {
            owner = UUID.fromString(value.toString());
          } catch (IllegalArgumentException e) {
            throw InvalidFields.of("ownerId", "is not an id");
          }
          requireOwner(owner);
        }
        case "rule" -> rule = rule(value == null ? null : value.toString());
        default ->
            throw InvalidFields.of(
                field.getKey(), "is not a field of a target list that can be changed");
      }
    }
    requirePeriod(start, end);
    if (rule != null && !rule.equals(before.rule())) {
      dynamic.check(rule);
    }
    jdbc.sql(
            """
            UPDATE target_list SET name = ?, period_start = ?, period_end = ?, owner_id = ?, rule = ?,
                   version = version + 1, updated_at = now()
            WHERE id = ? AND tenant_id = medsales_tenant()
            """)
        .params(name, start, end, owner, rule, id)
        .update();
    if (rule == null && before.rule() != null) {
      jdbc.sql("UPDATE target_member SET manual = true, by_rule = false WHERE list_id = ?")
          .param(id)
          .update();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    fields.forEach((k, v) -> details.put(k, v == null ? "" : v.toString()));
    audit.record("target-list.update", id.toString(), AuditOutcome.SUCCESS, details);
    if (rule != null && !rule.equals(before.rule())) {
      dynamic.reevaluate(id, "rule changed");
    }
    return find(id);
  }

  private static LocalDate date(String field, @Nullable Object value) {
    if (value == null) {
      throw InvalidFields.of(field, "is required");
    }
    try {
      return LocalDate.parse(value.toString());
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidFields.of(field, "must be a date, YYYY-MM-DD");
    }
  }

  @Transactional
  public void delete(UUID id) {
    TargetList list = editable(id);
    jdbc.sql("DELETE FROM target_list WHERE id = ? AND tenant_id = medsales_tenant()")
        .param(id)
        .update();
    audit.record(
        "target-list.delete",
        id.toString(),
        AuditOutcome.SUCCESS,
        Map.of("name", list.name(), "members", list.memberCount()));
  }

  /**
   * Adds providers by hand: {@code npis}, or every provider the search {@code searchQuery} (the
   * query string of {@code GET /api/v1/providers}) matches, at most {@value #MAX_MEMBERS_AT_ONCE};
   * beyond that the search is refused with its count. A member the rule brought in becomes manual
   * too (it stays if the rule stops matching).
   */
  @Transactional
  public Added addMembers(UUID id, @Nullable List<String> npis, @Nullable String searchQuery) {
    editable(id);
    if ((npis == null) == (searchQuery == null)) {
      throw InvalidFields.of("npis", "give either npis or search");
    }
    List<Long> adding;
    if (npis != null) {
      adding = npis(npis);
    } else {
      var parsed = ProviderQueries.parse(searchQuery, "search");
      var matches = search.matching(parsed.query(), parsed.rejected(), MAX_MEMBERS_AT_ONCE);
      if (matches.exceeds(MAX_MEMBERS_AT_ONCE)) {
        throw new TooManyMatches(matches.total(), matches.atLeast(), MAX_MEMBERS_AT_ONCE);
      }
      adding = matches.npis();
    }
    Long[] values = adding.toArray(Long[]::new);
    int added =
        jdbc.sql(
                """
                INSERT INTO target_member (tenant_id, list_id, npi, manual)
                SELECT medsales_tenant(), :list, n, true FROM unnest(CAST(:npis AS bigint[])) AS n
                ON CONFLICT (list_id, npi) DO NOTHING
                """)
            .param("list", id)
            .param("npis", values)
            .update();
    jdbc.sql(
            "UPDATE target_member SET manual = true WHERE list_id = :list AND npi = ANY(CAST(:npis AS bigint[])) AND NOT manual")
        .param("list", id)
        .param("npis", values)
        .update();
    long count =
        jdbc.sql("SELECT count(*) FROM target_member WHERE list_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    audit.record(
        "target-list.add-members",
        id.toString(),
        AuditOutcome.SUCCESS,
        searchQuery != null
            ? Map.of("search", searchQuery, "added", added)
            : Map.of("npis", adding.size(), "added", added));
    return new Added(added, adding.size() - added, count);
  }

  /**
   * The NPIs as numbers, each a valid NPI of a provider the registry or a CMS file knows; a bad one
   * is a 400 naming its position.
   */
  private List<Long> npis(List<String> npis) {
    if (npis.size() > MAX_MEMBERS_AT_ONCE) {
      throw InvalidFields.of("npis", "at most " + MAX_MEMBERS_AT_ONCE + " at once");
    }
    List<Long> values = new ArrayList<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < npis.size(); i++) {
      String problem = Npi.problem(npis.get(i));
      if (problem != null) {
        errors.put("npis[" + i + "]", List.of(problem));
      } else {
        values.add(Long.parseLong(npis.get(i)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields(errors);
    }
    List<Long> distinct = values.stream().distinct().toList();
    List<Long> unknown =
        jdbc.sql(
                """
                SELECT n FROM unnest(CAST(? AS bigint[])) AS n
                WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = n)
                  AND NOT EXISTS (SELECT 1 FROM cms_provider c WHERE c.npi = n)
                ORDER BY n
                """)
            .param(distinct.toArray(Long[]::new))
            .query(Long.class)
            .list();
    if (!unknown.isEmpty()) {
      throw InvalidFields.of(
          "npis",
          "names providers neither the registry nor a CMS file knows: "
              + String.join(", ", unknown.stream().limit(10).map(String::valueOf).toList()));
    }
    return distinct;
  }

  /**
   * A page of the members with their live registry facts and their calls in the period; {@code
   * cursor} from the previous page's {@code nextCursor}.
   */
  @Transactional(readOnly = true)
  public MemberPage members(UUID id, @Nullable String cursor, int size, MemberSort sort) {
    find(id);
    int offset = offset(cursor);
    List<Member> items =
        jdbc.sql(
                Calls.WITH_CALLS
                    + """
                    , k AS (
                      SELECT tm.npi, %s AS name, coalesce(c.calls, 0) AS calls, c.last_call_at,
                             CASE WHEN tm.call_goal > 0 THEN coalesce(c.calls, 0)::double precision / tm.call_goal END
                               AS attainment
                      FROM l JOIN target_member tm ON tm.list_id = l.id
                      LEFT JOIN calls c ON c.npi = tm.npi
                      LEFT JOIN provider p ON p.npi = tm.npi LEFT JOIN cms_provider cp ON cp.npi = tm.npi
                    )
                    SELECT k.*, tm.tier, tm.call_goal, tm.manual, tm.by_rule,
                           a.line1, a.city, a.state, a.zip5, x.display_name AS specialty,
                           (SELECT ct.id FROM contact ct WHERE ct.tenant_id = medsales_tenant() AND ct.npi = k.npi
                              AND ct.deleted_at IS NULL LIMIT 1) AS contact_id
                    FROM (SELECT k.*
                          FROM k JOIN target_member tm ON tm.list_id = :list AND tm.npi = k.npi
                          ORDER BY %s, tm.npi
                          LIMIT :limit OFFSET :offset) k
                    JOIN target_member tm ON tm.list_id = :list AND tm.npi = k.npi
                    LEFT JOIN LATERAL (
                      SELECT line1, city, state, zip5 FROM provider_address pa
                      WHERE pa.npi = k.npi AND pa.kind = 'PRACTICE' AND pa.seq = 1
                      UNION ALL
                      SELECT line1, city, state, zip5 FROM cms_provider cp WHERE cp.npi = k.npi
                      LIMIT 1) a ON true
                    LEFT JOIN LATERAL (
                      SELECT code FROM (SELECT code, is_primary, slot FROM provider_taxonomy t WHERE t.npi = k.npi
                                        UNION ALL
                                        SELECT taxonomy_code, true, 1 FROM cms_provider cp
                                        WHERE cp.npi = k.npi AND cp.taxonomy_code IS NOT NULL) t
                      ORDER BY is_primary DESC, slot LIMIT 1) pt ON true
                    LEFT JOIN taxonomy x ON x.code = pt.code
                    ORDER BY %s, k.npi
                    """
                        .formatted(Calls.NAME, sort.order, sort.order))
            .param("list", id)
            .param("limit", size + 1)
            .param("offset", offset)
            .query((rs, n) -> member(rs))
            .list();
    long total =
        jdbc.sql("SELECT count(*) FROM target_member WHERE list_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    String next = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      next = cursor(offset + size);
    }
    return new MemberPage(items, next, total);
  }

  private static Member member(ResultSet rs) throws SQLException {
    String npi = String.valueOf(rs.getLong("npi"));
    String name = rs.getString("name");
    int goal = rs.getInt("call_goal");
    Integer callGoal = rs.wasNull() ? null : goal;
    Double attainment = rs.getObject("attainment", Double.class);
    return new Member(
        npi,
        name == null ? npi : name,
        rs.getString("specialty"),
        rs.getString("city") == null && rs.getString("zip5") == null
            ? null
            : new Address(
                rs.getString("line1"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("zip5")),
        rs.getString("tier"),
        callGoal,
        rs.getLong("calls"),
        attainment == null ? null : Math.round(attainment * 1000) / 1000.0,
        rs.getObject("last_call_at", OffsetDateTime.class),
        rs.getObject("contact_id", UUID.class),
        rs.getBoolean("manual"),
        rs.getBoolean("by_rule"));
  }

  static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int offset(@Nullable String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("o:")) {
        int offset = Integer.parseInt(text.substring(2));
        if (offset >= 0 && offset <= 1_000_000) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw InvalidFields.of("cursor", "is not a cursor of this list's members");
  }

  /**
   * Sets a member's tier (A, B, C; null clears it) and call goal (calls in the period; null clears
   * it), each only if given.
   */
  @Transactional
  public Member updateMember(UUID id, String npi, Map<String, @Nullable Object> fields) {
    editable(id);
    long number = memberNpi(id, npi);
    for (var field : fields.entrySet()) {
      Object value = field.getValue();
      switch (field.getKey()) {
        case "tier" -> {
          if (value != null && !List.of("A", "B", "C").contains(value.toString())) {
            throw InvalidFields.of("tier", "must be A, B or C");
          }
          jdbc.sql("UPDATE target_member SET tier = ? WHERE list_id = ? AND npi = ?")
              .params(value == null ? null : value.toString(), id, number)
              .update();
        }
        case "callGoal" -> {
          Integer goal = null;
          if (value != null) {
            if (!(value instanceof Integer i) || i < 0 || i > 1000) {
              throw InvalidFields.of("callGoal", "must be a whole number from 0 to 1000");
            }
            goal = i;
          }
          jdbc.sql("UPDATE target_member SET call_goal = ? WHERE list_id = ? AND npi = ?")
              .params(goal, id, number)
              .update();
        }
        default ->
            throw InvalidFields.of(field.getKey(), "is not a field of a member: tier, callGoal");
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    fields.forEach((k, v) -> details.put(k, v == null ? "" : v.toString()));
    details.put("npi", npi);
    audit.record("target-list.update-member", id.toString(), AuditOutcome.SUCCESS, details);
    return memberOf(id, number);
  }

  /** Sets tier and/or call goal of many members at once (the list page's bulk actions). */
  @Transactional
  public int updateMembers(
      UUID id, List<String> npis, boolean setTier, @Nullable String tier, @Nullable Integer goal) {
    editable(id);
    Long[] numbers = npis(npis).toArray(Long[]::new);
    int changed =
        jdbc.sql(
                """
                UPDATE target_member SET tier = CASE WHEN :setTier THEN CAST(:tier AS text) ELSE tier END,
                                         call_goal = coalesce(CAST(:goal AS integer), call_goal)
                WHERE list_id = :list AND npi = ANY(CAST(:npis AS bigint[]))
                """)
            .param("setTier", setTier)
            .param("tier", tier)
            .param("goal", goal)
            .param("list", id)
            .param("npis", numbers)
            .update();
    audit.record(
        "target-list.update-members",
        id.toString(),
        AuditOutcome.SUCCESS,
        Map.of("members", changed, "tier", String.valueOf(tier), "callGoal", String.valueOf(goal)));
    return changed;
  }

  private Member memberOf(UUID id, long npi) {
    // the member's row among all of them, by NPI: a list holds at most a few thousand
    MemberPage page = members(id, null, 100_000, MemberSort.NPI);
    return page.items().stream()
        .filter(m -> m.npi().equals(String.valueOf(npi)))
        .findFirst()
        .orElseThrow(() -> new RecordNotFound("The member"));
  }

  private long memberNpi(UUID id, String npi) {
    if (Npi.problem(npi) != null) {
      throw new RecordNotFound("The member");
    }
    long number = Long.parseLong(npi);
    boolean member =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM target_member WHERE list_id = ? AND npi = ?)")
            .params(id, number)
            .query(Boolean.class)
            .single();
    if (!member) {
      throw new RecordNotFound("The member");
    }
    return number;
  }

  /**
   * Removes a member. One the rule brought in joins again at the next re-evaluation if it still
   * matches.
   */
  @Transactional
  public void removeMember(UUID id, String npi) {
    editable(id);
    long number = memberNpi(id, npi);
    jdbc.sql("DELETE FROM target_member WHERE list_id = ? AND npi = ?").params(id, number).update();
    audit.record(
        "target-list.remove-member", id.toString(), AuditOutcome.SUCCESS, Map.of("npi", npi));
  }

  public record ChangedMember(String npi, String name, String reason) {}

  public record Change(
      long id,
      OffsetDateTime evaluatedAt,
      String trigger,
      int joinedCount,
      int leftCount,
      List<ChangedMember> joined,
      List<ChangedMember> left) {}

  /** Each re-evaluation that changed the members, the latest first. */
  @Transactional(readOnly = true)
  public List<Change> changes(UUID id, int size) {
    find(id);
    Map<Long, List<ChangedMember>> joined = new LinkedHashMap<>();
    Map<Long, List<ChangedMember>> left = new LinkedHashMap<>();
    List<Change> changes =
        jdbc.sql(
                """
                SELECT id, evaluated_at, trigger, joined_count, left_count FROM target_list_change
                WHERE list_id = ? AND tenant_id = medsales_tenant() ORDER BY id DESC LIMIT ?
                """)
            .params(id, size)
            .query(
                (rs, n) ->
                    new Change(
                        rs.getLong("id"),
                        rs.getObject("evaluated_at", OffsetDateTime.class),
                        rs.getString("trigger"),
                        rs.getInt("joined_count"),
                        rs.getInt("left_count"),
                        new ArrayList<>(),
                        new ArrayList<>()))
            .list();
    if (changes.isEmpty()) {
      return changes;
    }
    jdbc.sql(
            """
            SELECT m.change_id, m.npi, m.joined, m.reason, %s AS name
            FROM target_list_change_member m
            LEFT JOIN provider p ON p.npi = m.npi LEFT JOIN cms_provider cp ON cp.npi = m.npi
            WHERE m.change_id = ANY(?) AND m.tenant_id = medsales_tenant()
            ORDER BY m.change_id, m.npi
            """
                .formatted(Calls.NAME))
        .param(changes.stream().map(Change::id).toArray(Long[]::new))
        .query(
            rs -> {
              String npi = String.valueOf(rs.getLong("npi"));
              String name = rs.getString("name");
              (rs.getBoolean("joined") ? joined : left)
                  .computeIfAbsent(rs.getLong("change_id"), k -> new ArrayList<>())
                  .add(new ChangedMember(npi, name == null ? npi : name, rs.getString("reason")));
            });
    return changes.stream()
        .map(
            c ->
                new Change(
                    c.id(),
                    c.evaluatedAt(),
                    c.trigger(),
                    c.joinedCount(),
                    c.leftCount(),
                    joined.getOrDefault(c.id(), List.of()),
                    left.getOrDefault(c.id(), List.of())))
        .toList();
  }

  /** Totals of a group of members: overall ({@code tier} null), or of one tier ("none" unset). */
  public record Totals(
      @Nullable String tier,
      long targets,
      long reached,
      double reachPercent,
      long calls,
      long goal,
      double frequency) {}

  public record Attainment(UUID listId, Totals overall, List<Totals> byTier) {}

  /** Reach and frequency, overall and by tier, counted live from the activities. */
  @Transactional(readOnly = true)
  public Attainment attainment(UUID id) {
    find(id);
    List<Totals> rows = new ArrayList<>();
    Totals[] overall = new Totals[1];
    jdbc.sql(
            Calls.WITH_CALLS
                + """
                SELECT GROUPING(tm.tier) AS whole, tm.tier, count(*) AS targets,
                       count(*) FILTER (WHERE c.calls > 0) AS reached, coalesce(sum(c.calls), 0) AS calls,
                       coalesce(sum(tm.call_goal), 0) AS goal
                FROM l JOIN target_member tm ON tm.list_id = l.id LEFT JOIN calls c ON c.npi = tm.npi
                GROUP BY ROLLUP (tm.tier)
                ORDER BY GROUPING(tm.tier), tm.tier NULLS LAST
                """)
        .param("list", id)
        .query(
            rs -> {
              Totals totals =
                  totals(
                      rs.getInt("whole") == 1
                          ? null
                          : rs.getString("tier") == null ? "none" : rs.getString("tier"),
                      rs.getLong("targets"),
                      rs.getLong("reached"),
                      rs.getLong("calls"),
                      rs.getLong("goal"));
              if (rs.getInt("whole") == 1) {
                overall[0] = totals;
              } else {
                rows.add(totals);
              }
            });
    return new Attainment(
        id, overall[0] == null ? totals(null, 0, 0, 0, 0) : overall[0], List.copyOf(rows));
  }

  static Totals totals(@Nullable String tier, long targets, long reached, long calls, long goal) {
    return new Totals(
        tier,
        targets,
        reached,
        targets == 0 ? 0 : Math.round(reached * 1000.0 / targets) / 10.0,
        calls,
        goal,
        reached == 0 ? 0 : Math.round(calls * 100.0 / reached) / 100.0);
  }
}
