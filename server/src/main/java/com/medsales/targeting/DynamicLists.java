package com.medsales.targeting;

import com.medsales.ingest.DatasetPublished;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.TenantScope;
import com.medsales.provider.search.ProviderQueries;
import com.medsales.provider.search.ProviderSearch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dynamic lists: a list's rule (the query string of {@code GET /api/v1/providers}) is parsed and
 * checked with the search's own code, and matched set-based ({@link ProviderSearch#matching}).
 * After every publish (any dataset may change what a rule matches: the registry, Part B and D
 * volumes, Open Payments) every dynamic list of every tenant is re-evaluated: the providers the
 * rule now matches join, those it no longer matches leave unless they were added by hand, and a
 * change that moved anyone is recorded with each provider's reason and announced as {@link
 * TargetListReevaluated}.
 *
 * <p>It runs after the publish's commit in the publishing thread, after the provider module has
 * rebuilt its search tables (their listeners are ordered 0 and 1), each list in a transaction of
 * its own in its tenant's scope, so one list that fails (logged) does not hold back the others.
 */
@Component
class DynamicLists {

  private static final Logger log = LoggerFactory.getLogger(DynamicLists.class);

  private final JdbcClient jdbc;
  private final ProviderSearch search;
  private final DecileReasons decileReasons;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate ownTransaction;

  DynamicLists(
      JdbcClient jdbc,
      ProviderSearch search,
      DecileReasons decileReasons,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.search = search;
    this.decileReasons = decileReasons;
    this.events = events;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The providers {@code rule} matches, or a 400 naming the rule's bad parameters. */
  List<Long> check(String rule) {
    var parsed = ProviderQueries.parse(rule, "rule");
    ProviderSearch.Matches matches;
    try {
      matches = search.matching(parsed.query(), parsed.rejected(), TargetLists.MAX_MEMBERS_AT_ONCE);
    } catch (InvalidFields e) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      e.fieldErrors().forEach((field, problems) -> errors.put("rule." + field, problems));
      throw new InvalidFields("The rule is not a valid provider search.", errors);
    }
    if (matches.exceeds(TargetLists.MAX_MEMBERS_AT_ONCE)) {
      throw InvalidFields.of(
          "rule",
          "matches "
              + (matches.atLeast() ? "more than " : "")
              + matches.total()
              + " providers; a dynamic list holds at most "
              + TargetLists.MAX_MEMBERS_AT_ONCE);
    }
    return matches.npis();
  }

  @TransactionalEventListener(id = "targeting.dynamic-lists-reevaluation")
  @Order(10)
  void on(DatasetPublished published) {
    String trigger = "published " + published.dataset().name() + " (run " + published.runId() + ")";
    long start = System.nanoTime();
    int lists = 0;
    List<UUID> tenants =
        ownTransaction.execute(
            tx -> jdbc.sql("SELECT medsales_dynamic_list_tenants()").query(UUID.class).list());
    for (UUID tenant : tenants == null ? List.<UUID>of() : tenants) {
      // as the tenant's administrator: every dynamic list of the tenant, whoever owns it
      TenantScope scope = new TenantScope(tenant, null, false, true);
      List<UUID> ids =
          scope.call(
              () ->
                  ownTransaction.execute(
                      tx ->
                          jdbc.sql(
                                  "SELECT id FROM target_list WHERE tenant_id = medsales_tenant() AND rule IS NOT NULL ORDER BY id")
                              .query(UUID.class)
                              .list()));
      for (UUID id : ids == null ? List.<UUID>of() : ids) {
        try {
          scope.run(() -> ownTransaction.executeWithoutResult(tx -> reevaluate(id, trigger)));
          lists++;
        } catch (RuntimeException e) {
          log.warn(
              "dynamic list {} of tenant {} not re-evaluated after {}", id, tenant, trigger, e);
        }
      }
    }
    if (lists > 0) {
      log.info(
          "{}: {} dynamic lists re-evaluated in {} ms",
          trigger,
          lists,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Who joined and left at one re-evaluation (no change: both empty). */
  record Outcome(long changeId, int joined, int left) {}

  /**
   * Re-evaluates list {@code id} in the caller's transaction and tenant: members by the rule are
   * brought to what it matches now. A rule that now matches more than a list holds is left as it
   * was (logged), rather than cut at an arbitrary provider.
   */
  Outcome reevaluate(UUID id, String trigger) {
    String rule =
        jdbc.sql(
                "SELECT rule FROM target_list WHERE id = ? AND tenant_id = medsales_tenant() FOR UPDATE")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null);
    if (rule == null) {
      return new Outcome(0, 0, 0);
    }
    var parsed = ProviderQueries.parse(rule, "rule");
    var matches =
        search.matching(parsed.query(), parsed.rejected(), TargetLists.MAX_MEMBERS_AT_ONCE);
    if (matches.exceeds(TargetLists.MAX_MEMBERS_AT_ONCE)) {
      log.warn(
          "dynamic list {}: its rule now matches {} providers, more than {}; left as it was",
          id,
          matches.total(),
          TargetLists.MAX_MEMBERS_AT_ONCE);
      return new Outcome(0, 0, 0);
    }
    Set<Long> now = new HashSet<>(matches.npis());
    Map<Long, Boolean> byRule = new LinkedHashMap<>();
    jdbc.sql("SELECT npi, manual FROM target_member WHERE list_id = ? AND by_rule")
        .param(id)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> byRule.put(rs.getLong("npi"), rs.getBoolean("manual")));
    List<Long> joining = new ArrayList<>(now);
    joining.removeAll(byRule.keySet());
    List<Long> leaving = new ArrayList<>(byRule.keySet());
    leaving.removeAll(now);
    // joined: not a member before (a manual member the rule now also matches was there already)
    List<Long> joined =
        joining.isEmpty()
            ? List.of()
            : jdbc
                .sql(
                    """
                    INSERT INTO target_member (tenant_id, list_id, npi, by_rule)
                    SELECT medsales_tenant(), :list, n, true FROM unnest(CAST(:npis AS bigint[])) AS n
                    ON CONFLICT (list_id, npi) DO UPDATE SET by_rule = true
                    RETURNING npi, (xmax = 0) AS inserted
                    """)
                .param("list", id)
                .param("npis", joining.toArray(Long[]::new))
                .query((rs, n) -> rs.getBoolean("inserted") ? rs.getLong("npi") : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
    List<Long> left = leaving.stream().filter(npi -> !byRule.get(npi)).sorted().toList();
    if (!leaving.isEmpty()) {
      Long[] all = leaving.toArray(Long[]::new);
      jdbc.sql(
              "DELETE FROM target_member WHERE list_id = :list AND npi = ANY(CAST(:npis AS bigint[])) AND NOT manual")
          .param("list", id)
          .param("npis", all)
          .update();
      jdbc.sql(
              "UPDATE target_member SET by_rule = false WHERE list_id = :list AND npi = ANY(CAST(:npis AS bigint[]))")
          .param("list", id)
          .param("npis", all)
          .update();
    }
    jdbc.sql("UPDATE target_list SET evaluated_at = now() WHERE id = ?").param(id).update();
    if (joined.isEmpty() && left.isEmpty()) {
      return new Outcome(0, 0, 0);
    }
    long change =
        jdbc.sql(
                """
                INSERT INTO target_list_change (tenant_id, list_id, trigger, joined_count, left_count)
                VALUES (medsales_tenant(), ?, ?, ?, ?) RETURNING id
                """)
            .params(id, trigger, joined.size(), left.size())
            .query(Long.class)
            .single();
    Map<Long, String> deciles = joined.isEmpty() ? Map.of() : decileReasons.joined(rule, joined);
    List<Long> npis = new ArrayList<>();
    List<Boolean> joins = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Long npi : joined) {
      npis.add(npi);
      joins.add(true);
      reasons.add("joined: " + deciles.getOrDefault(npi, "matches the rule"));
    }
    Map<Long, String> leftReasons = leftReasons(left);
    for (Long npi : left) {
      npis.add(npi);
      joins.add(false);
      reasons.add("left: " + leftReasons.get(npi));
    }
    jdbc.sql(
            """
            INSERT INTO target_list_change_member (change_id, tenant_id, npi, joined, reason)
            SELECT :change, medsales_tenant(), n, j, r
            FROM unnest(CAST(:npis AS bigint[]), CAST(:joins AS boolean[]), CAST(:reasons AS text[])) AS x(n, j, r)
            """)
        .param("change", change)
        .param("npis", npis.toArray(Long[]::new))
        .param("joins", joins.toArray(Boolean[]::new))
        .param("reasons", reasons.toArray(String[]::new))
        .update();
    UUID tenant = jdbc.sql("SELECT medsales_tenant()").query(UUID.class).single();
    events.publishEvent(new TargetListReevaluated(tenant, id, change, joined.size(), left.size()));
    return new Outcome(change, joined.size(), left.size());
  }

  /**
   * Why each provider left: deactivated in the registry, gone from every public table, or (the
   * rest) no longer matching the rule.
   */
  private Map<Long, String> leftReasons(List<Long> left) {
    Map<Long, String> reasons = new LinkedHashMap<>();
    if (left.isEmpty()) {
      return reasons;
    }
    jdbc.sql(
            """
            SELECT n, CASE WHEN p.npi IS NOT NULL AND NOT p.active THEN 'deactivated'
                           WHEN p.npi IS NULL AND cp.npi IS NULL THEN 'no longer in the registry'
                           ELSE 'no longer matches the rule' END AS reason
            FROM unnest(CAST(? AS bigint[])) AS n
            LEFT JOIN provider p ON p.npi = n LEFT JOIN cms_provider cp ON cp.npi = n
            """)
        .param(left.toArray(Long[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> reasons.put(rs.getLong("n"), rs.getString("reason")));
    return reasons;
  }
}
