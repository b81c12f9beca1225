package com.medsales.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.crm.internal.Opportunities;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.TenantScope;
import com.medsales.testing.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline's default stages are seeded on a tenant's first visit, once, however many first
 * visits overlap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelineStagesIntegrationTests {

  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Opportunities opportunities;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void twoOverlappingFirstVisitsBothGetTheSevenDefaultStagesSeededOnce() throws Exception {
    var tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant("pipeline-first-visit");
    tenants.owner().sql("DELETE FROM opportunity WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM pipeline_stage WHERE tenant_id = ?").param(tenant).update();
    var tx = new TransactionTemplate(transactions);
    CountDownLatch seeded = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // the first visit seeds and holds its transaction open...
      var first =
          CompletableFuture.supplyAsync(
              () ->
                  TenantScope.ofTenant(tenant)
                      .call(
                          () ->
                              tx.execute(
                                  status -> {
                                    List<Opportunities.Stage> stages = opportunities.stages();
                                    seeded.countDown();
                                    try {
                                      assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
                                    } catch (InterruptedException e) {
                                      Thread.currentThread().interrupt();
                                    }
                                    return stages;
                                  })),
              pool);
      assertThat(seeded.await(30, TimeUnit.SECONDS)).isTrue();
      // ...while the second, which saw no stage either, waits on the first one's rows
      var second =
          CompletableFuture.supplyAsync(
              () ->
                  TenantScope.ofTenant(tenant)
                      .call(() -> tx.execute(status -> opportunities.stages())),
              pool);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  tenants
                          .owner()
                          .sql(
                              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO pipeline_stage%'")
                          .query(Long.class)
                          .single()
                      > 0);
      commit.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS))
          .extracting(Opportunities.Stage::name)
          .containsExactly(
              "Prospect", "Qualified", "Evaluation", "Proposal", "Contracting", "Won", "Lost");
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(first.get());
      assertThat(
              tenants
                  .owner()
                  .sql("SELECT count(*) FROM pipeline_stage WHERE tenant_id = ?")
                  .param(tenant)
                  .query(Long.class)
                  .single())
          .isEqualTo(7);
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
  }
}
