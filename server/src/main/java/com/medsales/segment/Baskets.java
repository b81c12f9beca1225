package com.medsales.segment;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.AlreadyExists;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.StaleVersion;
import com.medsales.segment.internal.BasketComputations;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's market baskets: created, read, changed and deleted in the caller's tenant (row-level
 * security), each change audited and followed by a recomputation queued for the ingestion worker.
 * An item must match a row of the basket's source in some loaded year: a Part D item a generic or
 * brand name, a Part B item a HCPCS code, ignoring case and surrounding spaces.
 */
@Service
public class Baskets {

  static final int MAX_ITEMS = 100;
  static final int MAX_CODE = 100;
  static final int MAX_NAME = 200;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final JobQueue jobs;

  Baskets(JdbcClient jdbc, AuditTrail audit, JobQueue jobs) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.jobs = jobs;
  }

  public record Item(String code, String role) {}

  /** A data year the basket's live results are for, when they were computed, and their size. */
  public record YearComputed(
      int year, @Nullable OffsetDateTime computedAt, long providers, BigDecimal totalVolume) {}

  /**
   * {@code status} is FRESH, or BUILDING while a recomputation is due or running (the previous
   * results stay readable); {@code computedAt} the last swap.
   */
  public record BasketView(
      UUID id,
      String name,
      BasketSource source,
      String metric,
      List<Item> items,
      String status,
      @Nullable OffsetDateTime computedAt,
      List<YearComputed> years,
      long version) {}

  /** A basket as a request gives it, every field still unchecked. */
  public record Draft(
      @Nullable String name,
      @Nullable String source,
      @Nullable String metric,
      @Nullable List<@Nullable ItemDraft> items) {}

  public record ItemDraft(@Nullable String code, @Nullable String role) {}

  /** A code an editor may pick, with its label (the other name of a drug, a code's description). */
  public record Code(String code, @Nullable String label, long rows) {}

  private record Checked(String name, BasketSource source, String metric, List<Item> items) {}

  @Transactional(readOnly = true)
  public List<BasketView> list() {
    return views(null);
  }

  @Transactional(readOnly = true)
  public BasketView find(UUID id) {
    List<BasketView> found = views(id);
    if (found.isEmpty()) {
      throw new RecordNotFound("The basket");
    }
    return found.getFirst();
  }

  @Transactional
  public BasketView create(Draft draft) {
    Checked c = check(draft);
    UUID id;
    try {
      id =
          jdbc.sql(
                  """
                  INSERT INTO basket (tenant_id, name, source, metric, created_by)
                  VALUES (medsales_tenant(), :name, :source, :metric, medsales_user()) RETURNING id""")
              .param("name", c.name())
              .param("source", c.source().name())
              .param("metric", c.metric())
              .query(UUID.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw nameTaken(c.name());
    }
    writeItems(id, c.items());
    audit.record(
        "basket.create",
        c.name(),
        AuditOutcome.SUCCESS,
        Map.of("source", c.source().name(), "metric", c.metric(), "items", codes(c.items())));
    recompute();
    return find(id);
  }

  /**
   * Replaces a basket's name, metric and items (its source stays), if nobody changed it since
   * {@code version} (when given).
   */
  @Transactional
  public BasketView update(UUID id, Draft draft, @Nullable Long version) {
    BasketView before = find(id);
    if (draft.source() != null
        && !draft.source().strip().toUpperCase(Locale.ROOT).equals(before.source().name())) {
      throw InvalidFields.of("source", "a basket's source cannot change; create another basket");
    }
    Checked c =
        check(new Draft(draft.name(), before.source().name(), draft.metric(), draft.items()));
    if (version != null && version != before.version()) {
      throw new StaleVersion("The basket changed since version " + version + ".", before);
    }
    int updated;
    try {
      updated =
          jdbc.sql(
                  """
                  UPDATE basket SET name = :name, metric = :metric, updated_at = now(), version = version + 1
                  WHERE id = :id AND tenant_id = medsales_tenant() AND version = :version""")
              .param("name", c.name())
              .param("metric", c.metric())
              .param("id", id)
              .param("version", before.version())
              .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken(c.name());
    }
    if (updated == 0) {
      throw new StaleVersion("The basket changed meanwhile.", find(id));
    }
    jdbc.sql("DELETE FROM basket_item WHERE basket_id = ? AND tenant_id = medsales_tenant()")
        .param(id)
        .update();
    writeItems(id, c.items());
    Map<String, Object> changes = new LinkedHashMap<>();
    if (!before.name().equals(c.name())) {
      changes.put("name", Map.of("from", before.name(), "to", c.name()));
    }
    if (!before.metric().equals(c.metric())) {
      changes.put("metric", Map.of("from", before.metric(), "to", c.metric()));
    }
    if (!before.items().equals(c.items())) {
      changes.put("items", Map.of("from", codes(before.items()), "to", codes(c.items())));
    }
    audit.record("basket.update", c.name(), AuditOutcome.SUCCESS, changes);
    recompute();
    return find(id);
  }

  @Transactional
  public void delete(UUID id) {
    BasketView basket = find(id);
    jdbc.sql("DELETE FROM basket WHERE id = ? AND tenant_id = medsales_tenant()")
        .param(id)
        .update();
    audit.record(
        "basket.delete",
        basket.name(),
        AuditOutcome.SUCCESS,
        Map.of("source", basket.source().name(), "items", codes(basket.items())));
  }

  /**
   * Codes and names of a source whose code or label contains {@code q} (any case), the most used
   * first, across every loaded year.
   */
  @Transactional(readOnly = true)
  public List<Code> codes(String source, @Nullable String q, int size) {
    BasketSource s = source(source);
    String text = q == null ? "" : q.strip();
    return jdbc.sql(
            """
            SELECT code, max(label) AS label, sum(rows) AS rows FROM basket_code
            WHERE source = :source
              AND (:q = '' OR code ILIKE '%' || :pattern || '%' OR label ILIKE '%' || :pattern || '%')
            GROUP BY code
            ORDER BY (code ILIKE :pattern || '%') DESC, sum(rows) DESC, code
            LIMIT :size""")
        .param("source", s.name())
        .param("q", text)
        .param("pattern", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
        .param("size", size)
        .query(
            (rs, row) -> new Code(rs.getString("code"), rs.getString("label"), rs.getLong("rows")))
        .list();
  }

  /** Queues a recomputation of every stale basket-year, in the caller's transaction. */
  private void recompute() {
    jobs.enqueue(JobRequest.of(BasketComputations.QUEUE, BasketComputations.JOB_TYPE, "{}"));
  }

  private void writeItems(UUID id, List<Item> items) {
    for (int i = 0; i < items.size(); i++) {
      jdbc.sql(
              """
              INSERT INTO basket_item (tenant_id, basket_id, position, code, role)
              VALUES (medsales_tenant(), :id, :position, :code, :role)""")
          .param("id", id)
          .param("position", i)
          .param("code", items.get(i).code())
          .param("role", items.get(i).role())
          .update();
    }
  }

  private Checked check(Draft draft) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty()) {
      problems.put("name", List.of("must not be blank"));
    } else if (name.length() > MAX_NAME) {
      problems.put("name", List.of("must be at most " + MAX_NAME + " characters"));
    }
    BasketSource source = null;
    try {
      source = source(draft.source());
    } catch (InvalidFields e) {
      problems.put("source", List.of("must be PARTD or PARTB"));
    }
    String metric = null;
    if (source != null) {
      metric =
          draft.metric() == null || draft.metric().isBlank()
              ? source.defaultMetric()
              : draft.metric().strip().toUpperCase(Locale.ROOT);
      if (!source.metrics().contains(metric)) {
        problems.put("metric", List.of("must be one of " + String.join(", ", source.metrics())));
        metric = null;
      }
    }
    List<Item> items = new ArrayList<>();
    List<@Nullable ItemDraft> given = draft.items() == null ? List.of() : draft.items();
    if (given.isEmpty()) {
      problems.put("items", List.of("must hold at least one item"));
    } else if (given.size() > MAX_ITEMS) {
      problems.put("items", List.of("must hold at most " + MAX_ITEMS + " items"));
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < given.size(); i++) {
        ItemDraft item = given.get(i);
        String field = "items[" + i + "]";
        String code = item == null || item.code() == null ? "" : item.code().strip();
        String role =
            item == null || item.role() == null ? "" : item.role().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
          problems.put(field + ".code", List.of("must not be blank"));
        } else if (code.length() > MAX_CODE) {
          problems.put(field + ".code", List.of("must be at most " + MAX_CODE + " characters"));
        } else if (!seen.add(code.toUpperCase(Locale.ROOT))) {
          problems.put(field + ".code", List.of(code + " is already in the basket"));
        }
        if (!role.equals("OWN") && !role.equals("COMPETITOR")) {
          problems.put(field + ".role", List.of("must be OWN or COMPETITOR"));
        }
        items.add(new Item(code, role));
      }
    }
    if (problems.isEmpty()) {
      for (int i = 0; i < items.size(); i++) {
        if (!matchesSomething(source, items.get(i).code())) {
          problems.put(
              "items[" + i + "].code",
              List.of(
                  items.get(i).code() + " matches no " + source.label() + " in any loaded year"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFields(problems);
    }
    return new Checked(name, source, metric, List.copyOf(items));
  }

  /**
   * Whether a code matches a row of some loaded year: by the codes the job keeps per year, and for
   * a year whose codes are not built from its latest run yet, by the year's rows themselves.
   */
  private boolean matchesSomething(BasketSource source, String code) {
    String upper = code.toUpperCase(Locale.ROOT);
    boolean listed =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM basket_code WHERE source = :source AND code = :code)")
            .param("source", source.name())
            .param("code", upper)
            .query(Boolean.class)
            .single();
    if (listed) {
      return true;
    }
    List<Integer> unbuilt =
        jdbc.sql(
                """
                SELECT r.data_year::int FROM (%s) r
                WHERE r.dataset = :dataset AND NOT EXISTS (
                  SELECT 1 FROM basket_code_build b
                  WHERE b.source = :source AND b.data_year = r.data_year AND b.source_run = r.run)"""
                    .formatted(BasketComputations.LATEST_RUNS))
            .param("dataset", source.dataset())
            .param("source", source.name())
            .query(Integer.class)
            .list();
    for (int year : unbuilt) {
      String sql =
          source == BasketSource.PARTD
              ? """
                SELECT EXISTS (SELECT 1 FROM partd_drug WHERE data_year = :year
                               AND (upper(btrim(brand_name)) = :code OR upper(btrim(generic_name)) = :code))"""
              : """
                SELECT EXISTS (SELECT 1 FROM partb_service WHERE data_year = :year
                               AND upper(btrim(hcpcs_code)) = :code)""";
      if (jdbc.sql(sql).param("year", year).param("code", upper).query(Boolean.class).single()) {
        return true;
      }
    }
    return false;
  }

  static BasketSource source(@Nullable String source) {
    if (source != null) {
      for (BasketSource s : BasketSource.values()) {
        if (s.name().equalsIgnoreCase(source.strip())) {
          return s;
        }
      }
    }
    throw InvalidFields.of("source", "must be PARTD or PARTB");
  }

  private static List<String> codes(List<Item> items) {
    return items.stream().map(i -> i.code() + " (" + i.role() + ")").toList();
  }

  private static AlreadyExists nameTaken(String name) {
    return new AlreadyExists("A basket named " + name + " already exists.");
  }

  private List<BasketView> views(@Nullable UUID only) {
    Map<UUID, List<Item>> items = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT basket_id, code, role FROM basket_item
            WHERE tenant_id = medsales_tenant() AND (CAST(:only AS uuid) IS NULL OR basket_id = :only)
            ORDER BY basket_id, position""")
        .param("only", only)
        .query(
            rs -> {
              items
                  .computeIfAbsent(rs.getObject("basket_id", UUID.class), k -> new ArrayList<>())
                  .add(new Item(rs.getString("code"), rs.getString("role")));
            });
    Map<UUID, List<YearComputed>> years = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT basket_id, data_year, finished_at, coalesce(providers, 0) AS providers,
                   coalesce(total_volume, 0) AS total_volume
            FROM basket_computation
            WHERE tenant_id = medsales_tenant() AND state = 'LIVE'
              AND (CAST(:only AS uuid) IS NULL OR basket_id = :only)
            ORDER BY basket_id, data_year""")
        .param("only", only)
        .query(
            rs -> {
              years
                  .computeIfAbsent(rs.getObject("basket_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new YearComputed(
                          rs.getInt("data_year"),
                          rs.getObject("finished_at", OffsetDateTime.class),
                          rs.getLong("providers"),
                          rs.getBigDecimal("total_volume")));
            });
    return jdbc.sql(
            """
            SELECT b.id, b.name, b.source, b.metric, b.version,
                   (SELECT max(c.finished_at) FROM basket_computation c
                    WHERE c.basket_id = b.id AND c.state = 'LIVE') AS computed_at,
                   %s AS status
            FROM basket b
            WHERE b.tenant_id = medsales_tenant() AND (CAST(:only AS uuid) IS NULL OR b.id = :only)
            ORDER BY lower(b.name)"""
                .formatted(STATUS))
        .param("only", only)
        .query(
            (rs, row) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new BasketView(
                  id,
                  rs.getString("name"),
                  BasketSource.valueOf(rs.getString("source")),
                  rs.getString("metric"),
                  List.copyOf(items.getOrDefault(id, List.of())),
                  rs.getString("status"),
                  rs.getObject("computed_at", OffsetDateTime.class),
                  List.copyOf(years.getOrDefault(id, List.of())),
                  rs.getLong("version"));
            })
        .list();
  }

  /**
   * BUILDING while a loaded year of the basket's source has no live computation read from its
   * latest published run and the basket's current version since the latest registry publish; else
   * FRESH.
   */
  static final String STATUS =
      """
      CASE WHEN EXISTS (
        SELECT 1 FROM (%s) r
        WHERE r.dataset = CASE b.source WHEN 'PARTD' THEN 'partD' ELSE 'partB' END
          AND NOT EXISTS (SELECT 1 FROM basket_computation c
                          WHERE c.basket_id = b.id AND c.data_year = r.data_year AND c.state = 'LIVE'
                            AND c.source_run = r.run AND c.basket_version = b.version AND %s))
      THEN 'BUILDING' ELSE 'FRESH' END"""
          .formatted(BasketComputations.LATEST_RUNS, BasketComputations.AFTER_REGISTRY);
}
