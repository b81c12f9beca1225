package com.medsales.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.export.ExportFinished;
import com.medsales.platform.BulkConnections;
import com.medsales.segment.BasketRecomputed;
import com.medsales.targeting.TargetListReevaluated;
import com.medsales.testing.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications other modules' events raise, through the event, the notification queue and this
 * process's notification worker: SEGMENT_MOVED to the watchers (contact owners and target list
 * owners) of providers whose decile moved by two or more, LIST_CHANGED to a dynamic list's owner,
 * EXPORT_READY to whoever asked for the export.
 */
@SpringBootTest
class FeatureAlertsIntegrationTests {

  static final String PASSWORD = "feature alerts passphrase";
  static final long MOVED_DOWN = 1003000126L;
  static final long MOVED_ONE = 1003000134L;
  static final long DROPPED_OUT = 1003000142L;

  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired FeatureAlerts.Jobs jobs;
  TestTenants tenants;
  UUID tenant;
  UUID otherTenant;
  UUID rep;
  UUID manager;
  UUID stranger;

  @BeforeEach
  void twoTenants() {
    tenants = new TestTenants(bulk, passwords);
    tenant = tenants.tenant("alerts");
    otherTenant = tenants.tenant("alerts-other");
    var owner = tenants.owner();
    for (String table :
        List.of("notification", "export", "target_list", "basket", "contact", "crm_change")) {
      owner
          .sql("DELETE FROM " + table + " WHERE tenant_id IN (?, ?)")
          .params(tenant, otherTenant)
          .update();
    }
    rep = tenants.user(tenant, "alerts-rep", PASSWORD, "REP");
    manager = tenants.user(tenant, "alerts-manager", PASSWORD, "MANAGER");
    stranger = tenants.user(otherTenant, "alerts-stranger", PASSWORD, "REP");
  }

  @Test
  void aRecomputationTellsTheWatchersOfProvidersWhoMovedTwoDecilesOrMoreAndNobodyElse() {
    UUID basket =
        tenants.insert(
            "INSERT INTO basket (tenant_id, name, source, metric) VALUES (?, 'Statins', 'PARTD', 'CLAIMS') RETURNING id",
            tenant);
    long before = computation(basket, null, Map.of(MOVED_DOWN, 9, MOVED_ONE, 5, DROPPED_OUT, 3));
    long after = computation(basket, before, Map.of(MOVED_DOWN, 6, MOVED_ONE, 4));
    // the rep watches two as contacts, the manager one as a target list member; the other tenant's
    // user watches the provider who moved most, and is told nothing of this tenant's basket
    contact(tenant, rep, MOVED_DOWN);
    contact(tenant, rep, MOVED_ONE);
    targetListWith(manager, DROPPED_OUT);
    contact(otherTenant, stranger, MOVED_DOWN);

    transaction.executeWithoutResult(
        tx -> events.publishEvent(new BasketRecomputed(tenant, basket, 2013, after)));

    await().atMost(Duration.ofSeconds(30)).until(() -> notifications("SEGMENT_MOVED").size() == 2);
    var rows = notifications("SEGMENT_MOVED");
    assertThat(rows)
        .extracting(r -> r.get("user_id"), r -> r.get("npi"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(rep, MOVED_DOWN),
            org.assertj.core.groups.Tuple.tuple(manager, DROPPED_OUT));
    var down = rows.stream().filter(r -> r.get("npi").equals(MOVED_DOWN)).findFirst().orElseThrow();
    assertThat((String) down.get("title")).contains("decile 9 → 6 in Statins");
    assertThat((String) down.get("body"))
        .contains("Statins (2013 data)", "from decile 9 to decile 6");
    assertThat(down.get("link")).isEqualTo("/providers/" + MOVED_DOWN);
    var dropped =
        rows.stream().filter(r -> r.get("npi").equals(DROPPED_OUT)).findFirst().orElseThrow();
    assertThat((String) dropped.get("body")).contains("from decile 3 to no volume");

    // raised again (a retried job): nothing new
    assertThat(jobs.raise(FeatureAlerts.SEGMENT_MOVED, tenant, String.valueOf(after))).isZero();
    // the other tenant cannot name this tenant's computation
    assertThat(jobs.raise(FeatureAlerts.SEGMENT_MOVED, otherTenant, String.valueOf(after)))
        .isZero();
  }

  @Test
  void aBasketsFirstComputationMovesNobody() {
    UUID basket =
        tenants.insert(
            "INSERT INTO basket (tenant_id, name, source, metric) VALUES (?, 'First', 'PARTD', 'CLAIMS') RETURNING id",
            tenant);
    long first = computation(basket, null, Map.of(MOVED_DOWN, 10));
    contact(tenant, rep, MOVED_DOWN);

    assertThat(jobs.raise(FeatureAlerts.SEGMENT_MOVED, tenant, String.valueOf(first))).isZero();
  }

  @Test
  void aDynamicListsChangeTellsItsOwnerWhoJoinedAndWhoLeft() {
    UUID list = targetListWith(manager, MOVED_DOWN);
    long change =
        tenants
            .owner()
            .sql(
                "INSERT INTO target_list_change (tenant_id, list_id, trigger, joined_count, left_count)"
                    + " VALUES (?, ?, 'publish', 1, 1) RETURNING id")
            .params(tenant, list)
            .query(Long.class)
            .single();
    tenants
        .owner()
        .sql(
            """
            INSERT INTO target_list_change_member (change_id, tenant_id, npi, joined, reason)
            VALUES (?, ?, ?, true, 'joined: decile 8 in 2013'), (?, ?, ?, false, 'left: deactivated')""")
        .params(change, tenant, MOVED_ONE, change, tenant, DROPPED_OUT)
        .update();

    transaction.executeWithoutResult(
        tx -> events.publishEvent(new TargetListReevaluated(tenant, list, change, 1, 1)));

    await().atMost(Duration.ofSeconds(30)).until(() -> notifications("LIST_CHANGED").size() == 1);
    var row = notifications("LIST_CHANGED").getFirst();
    assertThat(row.get("user_id")).isEqualTo(manager);
    assertThat(row.get("title")).isEqualTo("Call plan: 1 joined, 1 left");
    assertThat((String) row.get("body"))
        .contains("joined: decile 8 in 2013", "(NPI " + MOVED_ONE + ")", "left: deactivated");
    assertThat(row.get("link")).isEqualTo("/target-lists/" + list);
    assertThat(jobs.raise(FeatureAlerts.LIST_CHANGED, otherTenant, String.valueOf(change)))
        .isZero();
  }

  @Test
  void aFinishedExportTellsWhoAskedForItThatItIsReadyOrWhyItFailed() {
    UUID done = export("DONE", 42, null);
    UUID failed = export("FAILED", 0, "The list could not be read.");

    transaction.executeWithoutResult(
        tx -> {
          events.publishEvent(new ExportFinished(tenant, rep, done, "DONE"));
          events.publishEvent(new ExportFinished(tenant, rep, failed, "FAILED"));
        });

    await().atMost(Duration.ofSeconds(30)).until(() -> notifications("EXPORT_READY").size() == 2);
    var rows = notifications("EXPORT_READY");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("user_id")).isEqualTo(rep));
    assertThat(rows)
        .extracting(r -> r.get("title"))
        .containsExactlyInAnyOrder("Your contacts export is ready", "Your contacts export failed");
    assertThat(rows)
        .extracting(r -> (String) r.get("body"))
        .anySatisfy(body -> assertThat(body).startsWith("42 rows as CSV, to download until "))
        .anySatisfy(body -> assertThat(body).isEqualTo("The list could not be read."));
    assertThat(jobs.raise(FeatureAlerts.EXPORT_READY, otherTenant, done.toString())).isZero();
  }

  private long computation(UUID basket, Long previous, Map<Long, Integer> deciles) {
    var owner = tenants.owner();
    if (previous != null) {
      owner
          .sql("UPDATE basket_computation SET state = 'PREVIOUS' WHERE id = ?")
          .param(previous)
          .update();
    }
    long id =
        owner
            .sql(
                """
                INSERT INTO basket_computation (tenant_id, basket_id, data_year, state, source_run, basket_version,
                                                previous_id)
                VALUES (?, ?, 2013, 'LIVE', -1, 0, ?) RETURNING id""")
            .params(tenant, basket, previous)
            .query(Long.class)
            .single();
    deciles.forEach(
        (npi, decile) ->
            owner
                .sql(
                    """
                    INSERT INTO basket_result (computation_id, tenant_id, npi, state, volume, own_volume,
                                               suppressed_cells, decile, state_decile)
                    VALUES (?, ?, ?, 'NY', ?, 0, 0, ?, ?)""")
                .params(id, tenant, npi, decile * 10, decile, decile)
                .update());
    return id;
  }

  private void contact(UUID tenantId, UUID owner, long npi) {
    tenants.insert(
        "INSERT INTO contact (tenant_id, npi, owner_id, source) VALUES (?, ?, ?, 'PROVIDER') RETURNING id",
        tenantId,
        npi,
        owner);
  }

  private UUID targetListWith(UUID owner, long npi) {
    UUID list =
        tenants.insert(
            "INSERT INTO target_list (tenant_id, name, period_start, period_end, owner_id)"
                + " VALUES (?, 'Call plan', DATE '2026-01-01', DATE '2026-12-31', ?) RETURNING id",
            tenant,
            owner);
    tenants
        .owner()
        .sql("INSERT INTO target_member (tenant_id, list_id, npi, manual) VALUES (?, ?, ?, true)")
        .params(tenant, list, npi)
        .update();
    return list;
  }

  private UUID export(String status, long rows, String error) {
    return tenants.insert(
        """
        INSERT INTO export (tenant_id, user_id, username, display_name, roles, kind, format, params, expected_rows,
                            expires_at, status, rows_written, error, finished_at)
        VALUES (?, ?, 'alerts-rep', 'Rep', ARRAY['REP'], 'contacts', 'CSV', '{}', ?, now() + interval '7 days', ?, ?, ?,
                now()) RETURNING id""",
        tenant,
        rep,
        rows,
        status,
        rows,
        error);
  }

  private List<Map<String, Object>> notifications(String type) {
    return tenants
        .owner()
        .sql(
            "SELECT user_id, npi, title, body, link FROM notification WHERE type = ? AND tenant_id IN (?, ?)")
        .params(type, tenant, otherTenant)
        .query()
        .listOfRows();
  }
}
