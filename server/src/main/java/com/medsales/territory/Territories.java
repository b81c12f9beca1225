package com.medsales.territory;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.notification.Notice;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.AlreadyExists;
import com.medsales.platform.ConflictingState;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.StaleVersion;
import com.medsales.platform.TenantScope;
import com.medsales.territory.internal.Membership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's territory hierarchy and its alignment, edited one record at a time: territories, their
 * ZIPs and states, and the reps assigned to them. Row-level security confines every statement to
 * the signed-in user's tenant; the queries name the tenant as well, so another tenant's territory
 * is simply not found.
 */
@Service
public class Territories {

  static final Pattern ZIP5 = Pattern.compile("[0-9]{5}");

  /**
   * The states, districts and territories of the USPS, plus the military "states": what a state
   * alignment may name.
   */
  static final Set<String> STATES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP");

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  private final Notifications notifications;

  Territories(JdbcClient jdbc, AuditTrail audit, Notifications notifications) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.notifications = notifications;
  }

  public enum AssignmentKind {
    PRIMARY,
    SECONDARY
  }

  public record Assignment(UUID userId, String displayName, AssignmentKind kind) {}

  /** A county by its Census GEOID (state and county FIPS), with its name and USPS state code. */
  public record County(String geoid, String name, String state) {}

  public record TerritoryView(
      UUID id,
      @Nullable UUID parentId,
      TerritoryLevel level,
      String name,
      @Nullable String code,
      long zipCount,
      List<String> states,
      List<County> counties,
      List<Assignment> assignments,
      long version) {}

  /**
   * Every territory of the tenant, regions first, each with its parent's id: the front end builds
   * the tree.
   */
  @Transactional(readOnly = true)
  public List<TerritoryView> tree() {
    return views(null);
  }

  @Transactional(readOnly = true)
  public TerritoryView territory(UUID id) {
    return views(id).stream().findFirst().orElseThrow(() -> new RecordNotFound("The territory"));
  }

  private List<TerritoryView> views(@Nullable UUID only) {
    Map<UUID, List<Assignment>> assignments = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT a.territory_id, a.user_id, u.display_name, a.kind
            FROM territory_assignment a JOIN app_user u ON u.id = a.user_id
            WHERE a.tenant_id = medsales_tenant() AND (CAST(:only AS uuid) IS NULL OR a.territory_id = :only)
            ORDER BY a.kind, lower(u.display_name)
            """)
        .param("only", only)
        .query(
            rs -> {
              assignments
                  .computeIfAbsent(rs.getObject("territory_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Assignment(
                          rs.getObject("user_id", UUID.class),
                          rs.getString("display_name"),
                          AssignmentKind.valueOf(rs.getString("kind"))));
            });
    Map<UUID, List<County>> counties = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT c.territory_id, k.geoid, k.name, k.state
            FROM territory_county c JOIN county k ON k.geoid = c.county_geoid
            WHERE c.tenant_id = medsales_tenant() AND (CAST(:only AS uuid) IS NULL OR c.territory_id = :only)
            ORDER BY k.geoid
            """)
        .param("only", only)
        .query(
            rs -> {
              counties
                  .computeIfAbsent(rs.getObject("territory_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new County(
                          rs.getString("geoid"), rs.getString("name"), rs.getString("state")));
            });
    return jdbc.sql(
            """
            SELECT t.id, t.parent_id, t.level, t.name, t.code, t.version,
                   (SELECT count(*) FROM territory_zip z WHERE z.territory_id = t.id) AS zip_count,
                   coalesce((SELECT array_agg(s.state ORDER BY s.state) FROM territory_state s WHERE s.territory_id = t.id),
                            '{}') AS states
            FROM territory t
            WHERE t.tenant_id = medsales_tenant() AND (CAST(:only AS uuid) IS NULL OR t.id = :only)
            ORDER BY array_position(ARRAY['REGION', 'DISTRICT', 'TERRITORY'], t.level), lower(t.name)
            """)
        .param("only", only)
        .query(
            (rs, row) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new TerritoryView(
                  id,
                  rs.getObject("parent_id", UUID.class),
                  TerritoryLevel.valueOf(rs.getString("level")),
                  rs.getString("name"),
                  rs.getString("code"),
                  rs.getLong("zip_count"),
                  List.of((String[]) rs.getArray("states").getArray()),
                  counties.getOrDefault(id, List.of()),
                  assignments.getOrDefault(id, List.of()),
                  rs.getLong("version"));
            })
        .list();
  }

  @Transactional
  public TerritoryView create(
      String name, TerritoryLevel level, @Nullable UUID parentId, @Nullable String code) {
    requireParent(level, parentId);
    UUID id;
    try {
      id =
          jdbc.sql(
                  """
              INSERT INTO territory (tenant_id, parent_id, level, name, code)
              VALUES (medsales_tenant(), ?, ?, ?, ?) RETURNING id
              """)
              .params(parentId, level.name(), name.strip(), blankToNull(code))
              .query(UUID.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw nameTaken();
    }
    audit.record(
        "territory.create", name.strip(), AuditOutcome.SUCCESS, Map.of("level", level.name()));
    return territory(id);
  }

  /**
   * Renames, recodes or moves a territory under another parent ({@code detach} makes it top-level),
   * if nobody changed it since {@code version}.
   */
  @Transactional
  public TerritoryView update(
      UUID id,
      @Nullable String name,
      @Nullable UUID parentId,
      boolean detach,
      @Nullable String code,
      long version) {
    TerritoryView before = territory(id);
    if (before.version() != version) {
      throw stale(before);
    }
    if (parentId != null && detach) {
      throw InvalidFields.of("parentId", "give a parent or detach, not both");
    }
    if (parentId != null) {
      requireParent(before.level(), parentId);
    }
    int updated;
    try {
      updated =
          jdbc.sql(
                  """
                  UPDATE territory SET
                    name = coalesce(CAST(:name AS text), name),
                    code = CASE WHEN CAST(:code AS text) IS NULL THEN code ELSE nullif(CAST(:code AS text), '') END,
                    parent_id = CASE WHEN :detach THEN NULL ELSE coalesce(CAST(:parent AS uuid), parent_id) END,
                    updated_at = now(), version = version + 1
                  WHERE id = :id AND tenant_id = medsales_tenant() AND version = :version
                  """)
              .param("name", name == null || name.isBlank() ? null : name.strip())
              .param("code", code == null ? null : code.strip())
              .param("detach", detach)
              .param("parent", parentId)
              .param("id", id)
              .param("version", version)
              .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken();
    }
    if (updated == 0) {
      throw stale(territory(id));
    }
    TerritoryView after = territory(id);
    audit.record("territory.update", after.name(), AuditOutcome.SUCCESS, changes(before, after));
    return after;
  }

  /**
   * Deletes a territory with its alignment and assignments; one that still has territories under it
   * stays.
   */
  @Transactional
  public void delete(UUID id) {
    TerritoryView territory = territory(id);
    long children =
        jdbc.sql(
                "SELECT count(*) FROM territory WHERE parent_id = ? AND tenant_id = medsales_tenant()")
            .param(id)
            .query(Long.class)
            .single();
    if (children > 0) {
      throw new ConflictingState(
          "The territory has " + children + " territories under it; move or delete them first.",
          Map.of("children", children));
    }
    jdbc.sql("DELETE FROM territory WHERE id = ? AND tenant_id = medsales_tenant()")
        .param(id)
        .update();
    audit.record(
        "territory.delete",
        territory.name(),
        AuditOutcome.SUCCESS,
        Map.of(
            "zips",
            territory.zipCount(),
            "states",
            territory.states(),
            "counties",
            territory.counties().stream().map(County::geoid).toList()));
  }

  public record ZipAlignment(
      String zip5, UUID territoryId, @Nullable UUID previousTerritoryId, boolean knownZip) {}

  /** Aligns one ZIP to a territory, taking it from whichever territory of the tenant held it. */
  @Transactional
  public ZipAlignment alignZip(UUID id, String zip5) {
    requireZip(zip5);
    TerritoryView territory = alignable(id);
    UUID previous =
        jdbc.sql(
                "SELECT territory_id FROM territory_zip WHERE tenant_id = medsales_tenant() AND zip5 = ?")
            .param(zip5)
            .query(UUID.class)
            .optional()
            .orElse(null);
    jdbc.sql(
            """
            INSERT INTO territory_zip (tenant_id, zip5, territory_id) VALUES (medsales_tenant(), ?, ?)
            ON CONFLICT (tenant_id, zip5) DO UPDATE SET territory_id = EXCLUDED.territory_id
            """)
        .params(zip5, id)
        .update();
    boolean known =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM zip_centroid WHERE zip5 = ?)")
            .param(zip5)
            .query(Boolean.class)
            .single();
    audit.record(
        "territory.zip",
        territory.name(),
        AuditOutcome.SUCCESS,
        previous == null
            ? Map.of("zip5", zip5)
            : Map.of("zip5", zip5, "from", previous.toString()));
    return new ZipAlignment(zip5, id, previous, known);
  }

  @Transactional
  public void unalignZip(UUID id, String zip5) {
    requireZip(zip5);
    TerritoryView territory = territory(id);
    int removed =
        jdbc.sql(
                "DELETE FROM territory_zip WHERE tenant_id = medsales_tenant() AND zip5 = ? AND territory_id = ?")
            .params(zip5, id)
            .update();
    if (removed == 0) {
      throw new RecordNotFound("ZIP " + zip5 + " in this territory");
    }
    audit.record(
        "territory.zip-remove", territory.name(), AuditOutcome.SUCCESS, Map.of("zip5", zip5));
  }

  /**
   * Makes {@code states} the whole states aligned to a territory, taking each from whichever
   * territory held it. A location whose ZIP is aligned belongs to that ZIP's territory even inside
   * a state aligned elsewhere.
   */
  @Transactional
  public TerritoryView alignStates(UUID id, List<String> states) {
    Set<String> wanted = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (String state : states) {
      String code = state == null ? "" : state.strip().toUpperCase(java.util.Locale.ROOT);
      if (!STATES.contains(code)) {
        problems.add("'" + state + "' is not a USPS state code");
      }
      wanted.add(code);
    }
    if (!problems.isEmpty()) {
      throw new InvalidFields(Map.of("states", problems));
    }
    TerritoryView before = alignable(id);
    replaceWholeAreas("territory_state", "state", id, wanted.toArray(String[]::new));
    TerritoryView after = territory(id);
    audit.record(
        "territory.states",
        after.name(),
        AuditOutcome.SUCCESS,
        Map.of("from", before.states(), "to", after.states()));
    return after;
  }

  /**
   * Makes {@code geoids} the whole counties aligned to a territory, taking each from whichever
   * territory held it. A location belongs to its ZIP's home county (the county holding most of the
   * ZIP's land); an aligned ZIP overrides its county, and a county overrides its state.
   */
  @Transactional
  public TerritoryView alignCounties(UUID id, List<String> geoids) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String geoid : geoids) {
      wanted.add(geoid == null ? "" : geoid.strip());
    }
    String[] codes = wanted.toArray(String[]::new);
    List<String> unknown =
        jdbc.sql(
                "SELECT g FROM unnest(CAST(? AS text[])) AS g WHERE NOT EXISTS (SELECT 1 FROM county c WHERE c.geoid = g)")
            .param(codes)
            .query(String.class)
            .list();
    if (!unknown.isEmpty()) {
      throw new InvalidFields(
          Map.of(
              "counties",
              unknown.stream()
                  .map(g -> "'" + g + "' is not a county GEOID (state and county FIPS, 5 digits)")
                  .toList()));
    }
    TerritoryView before = alignable(id);
    replaceWholeAreas("territory_county", "county_geoid", id, codes);
    TerritoryView after = territory(id);
    audit.record(
        "territory.counties",
        after.name(),
        AuditOutcome.SUCCESS,
        Map.of(
            "from",
            before.counties().stream().map(County::geoid).toList(),
            "to",
            after.counties().stream().map(County::geoid).toList()));
    return after;
  }

  /**
   * Makes {@code codes} the whole states or counties of a territory, taking each from the territory
   * that held it. {@code table} and {@code column} are this class's constants, never input.
   */
  private void replaceWholeAreas(String table, String column, UUID id, String[] codes) {
    jdbc.sql(
            "DELETE FROM %s WHERE tenant_id = medsales_tenant() AND territory_id = ? AND %s <> ALL(?)"
                .formatted(table, column))
        .params(id, codes)
        .update();
    jdbc.sql(
            """
            INSERT INTO %1$s (tenant_id, %2$s, territory_id)
            SELECT medsales_tenant(), code, ? FROM unnest(CAST(? AS text[])) AS code
            ON CONFLICT (tenant_id, %2$s) DO UPDATE SET territory_id = EXCLUDED.territory_id
            """
                .formatted(table, column))
        .params(id, codes)
        .update();
  }

  public record AssignmentRequest(UUID userId, AssignmentKind kind) {}

  /**
   * Replaces the reps assigned to a territory: users of this tenant, at most one of them primary.
   */
  @Transactional
  public TerritoryView assign(UUID id, List<AssignmentRequest> requested) {
    TerritoryView before = territory(id);
    Set<UUID> users = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (AssignmentRequest a : requested) {
      if (!users.add(a.userId())) {
        problems.add("user " + a.userId() + " is assigned twice");
      }
    }
    if (requested.stream().filter(a -> a.kind() == AssignmentKind.PRIMARY).count() > 1) {
      problems.add("at most one assignment may be PRIMARY");
    }
    long known =
        jdbc.sql(
                "SELECT count(*) FROM app_user WHERE id = ANY(?) AND tenant_id = medsales_tenant()")
            .param(users.toArray(UUID[]::new))
            .query(Long.class)
            .single();
    if (known != users.size()) {
      problems.add("names a user that does not exist");
    }
    if (!problems.isEmpty()) {
      throw new InvalidFields(Map.of("assignments", problems));
    }
    jdbc.sql(
            "DELETE FROM territory_assignment WHERE tenant_id = medsales_tenant() AND territory_id = ?")
        .param(id)
        .update();
    jdbc.sql(
            """
            INSERT INTO territory_assignment (tenant_id, territory_id, user_id, kind)
            SELECT medsales_tenant(), ?, u, k FROM unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS a (u, k)
            """)
        .params(
            id,
            requested.stream().map(AssignmentRequest::userId).toArray(UUID[]::new),
            requested.stream().map(a -> a.kind().name()).toArray(String[]::new))
        .update();
    TerritoryView after = territory(id);
    Set<UUID> added = new LinkedHashSet<>(users);
    before.assignments().forEach(a -> added.remove(a.userId()));
    added.remove(TenantScope.current().userId());
    notifications.raise(
        new Notice(
            NotificationType.ASSIGNED,
            "assigned:territory:" + id + ":" + UUID.randomUUID(),
            "Territory assigned to you: " + after.name(),
            "You now cover the territory " + after.name() + ".",
            "/territories",
            null),
        added);
    audit.record(
        "territory.assignments",
        after.name(),
        AuditOutcome.SUCCESS,
        Map.of(
            "from",
            before.assignments().stream().map(a -> a.userId() + ":" + a.kind()).toList(),
            "to",
            after.assignments().stream().map(a -> a.userId() + ":" + a.kind()).toList()));
    return after;
  }

  public record Specialty(@Nullable String code, @Nullable String name) {}

  public record ProviderInTerritory(
      long npi,
      String name,
      @Nullable String credential,
      @Nullable Specialty primarySpecialty,
      @Nullable String zip5,
      @Nullable String city,
      @Nullable String state) {}

  public record ProviderPage(
      List<ProviderInTerritory> items, long total, @Nullable String nextCursor) {}

  /**
   * The providers practising in a territory (or under a district or region), by NPI; {@code cursor}
   * is the last NPI seen.
   */
  @Transactional(readOnly = true)
  public ProviderPage providers(UUID id, @Nullable String cursor, int size) {
    territory(id);
    long after;
    try {
      after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw InvalidFields.of("cursor", "must be the nextCursor of a previous page");
    }
    long total =
        jdbc.sql(Membership.ctes("node_id = :id") + "SELECT count(*) FROM member")
            .param("id", id)
            .query(Long.class)
            .single();
    List<ProviderInTerritory> items =
        jdbc.sql(
                Membership.ctes("node_id = :id")
                    + """
                    SELECT m.npi, m.zip5, p.entity_type, p.organization_name, p.first_name, p.last_name, p.credential,
                           spec.code AS spec_code, spec.name AS spec_name,
                           (SELECT pa.city FROM provider_address pa WHERE pa.npi = m.npi AND pa.zip5 = m.zip5
                              AND pa.kind <> 'MAILING' ORDER BY pa.kind, pa.seq LIMIT 1) AS city,
                           (SELECT pa.state FROM provider_address pa WHERE pa.npi = m.npi AND pa.zip5 = m.zip5
                              AND pa.kind <> 'MAILING' ORDER BY pa.kind, pa.seq LIMIT 1) AS state
                    FROM member m JOIN provider p ON p.npi = m.npi
                    """
                    + Membership.PRIMARY_SPECIALTY
                    + " WHERE m.npi > :after ORDER BY m.npi LIMIT :limit")
            .param("id", id)
            .param("after", after)
            .param("limit", size + 1)
            .query(
                (rs, row) -> {
                  String name =
                      rs.getInt("entity_type") == 2 || rs.getString("last_name") == null
                          ? String.valueOf(rs.getString("organization_name"))
                          : (rs.getString("first_name") == null
                                  ? ""
                                  : rs.getString("first_name") + " ")
                              + rs.getString("last_name");
                  String code = rs.getString("spec_code");
                  return new ProviderInTerritory(
                      rs.getLong("npi"),
                      name,
                      rs.getString("credential"),
                      code == null ? null : new Specialty(code, rs.getString("spec_name")),
                      rs.getString("zip5"),
                      rs.getString("city"),
                      rs.getString("state"));
                })
            .list();
    String next = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      next = Long.toString(items.getLast().npi());
    }
    return new ProviderPage(items, total, next);
  }

  /**
   * An aligned ZIP's centroid and territory; {@code county} is the ZIP's home county (GEOID, as the
   * Census boundaries are keyed), {@code via} how it got there (ZIP or COUNTY).
   */
  public record MapPoint(
      String zip5,
      double latitude,
      double longitude,
      UUID territoryId,
      String territoryName,
      @Nullable String county,
      String via) {}

  /**
   * Every aligned ZIP with a known centroid, and every ZIP whose home county is aligned (unless the
   * ZIP is aligned itself), for a map coloured by territory (whole-state alignments are not
   * points).
   */
  @Transactional(readOnly = true)
  public List<MapPoint> map() {
    return jdbc.sql(
            Membership.zipCtes("true")
                + """
                SELECT a.zip5, c.latitude, c.longitude, t.id, t.name, zc.county_geoid, a.via
                FROM aligned_zip a JOIN territory t ON t.id = a.leaf_id JOIN zip_centroid c ON c.zip5 = a.zip5
                LEFT JOIN zip_county zc ON zc.zip5 = a.zip5 AND zc.home
                WHERE a.via <> 'STATE'
                ORDER BY a.zip5
                """)
        .query(
            (rs, row) ->
                new MapPoint(
                    rs.getString(1),
                    rs.getDouble(2),
                    rs.getDouble(3),
                    rs.getObject(4, UUID.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  private void requireParent(TerritoryLevel level, @Nullable UUID parentId) {
    if (parentId == null) {
      return;
    }
    TerritoryView parent =
        views(parentId).stream()
            .findFirst()
            .orElseThrow(
                () -> InvalidFields.of("parentId", "names a territory that does not exist"));
    if (!level.mayHaveParent(parent.level())) {
      throw InvalidFields.of("parentId", "a " + level + " cannot sit under a " + parent.level());
    }
  }

  /** ZIPs and states align to the lowest level only, so that each location has one territory. */
  private TerritoryView alignable(UUID id) {
    TerritoryView territory = territory(id);
    if (territory.level() != TerritoryLevel.TERRITORY) {
      throw InvalidFields.of(
          "id",
          "ZIPs, counties and states align to TERRITORY-level territories; this is a "
              + territory.level());
    }
    return territory;
  }

  private static void requireZip(String zip5) {
    if (!ZIP5.matcher(zip5).matches()) {
      throw InvalidFields.of("zip", "must be a 5-digit ZIP code");
    }
  }

  private static StaleVersion stale(TerritoryView current) {
    return StaleVersion.atVersion(
        "The territory was changed by someone else; reload it and try again.", current.version());
  }

  private static AlreadyExists nameTaken() {
    return new AlreadyExists(
        "A territory with that name exists.", Map.of("name", List.of("is taken")), Map.of());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Map<String, Object> changes(TerritoryView before, TerritoryView after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    if (!before.name().equals(after.name())) {
      changes.put("name", Map.of("from", before.name(), "to", after.name()));
    }
    if (!java.util.Objects.equals(before.code(), after.code())) {
      changes.put("code", java.util.Arrays.asList(before.code(), after.code()));
    }
    if (!java.util.Objects.equals(before.parentId(), after.parentId())) {
      changes.put("parentId", java.util.Arrays.asList(before.parentId(), after.parentId()));
    }
    return changes;
  }
}
