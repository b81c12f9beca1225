package com.medsales.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.notification.Notifications;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.TenantScope;
import com.medsales.testing.OwnerJdbc;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The territory module on its own (with the platform, which owns the database), on real PostgreSQL:
 * the other modules' beans it uses are mocked, so this shows that the module starts with only what
 * it declares it needs.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class TerritoryModuleIntegrationTests {

  @Autowired Territories territories;
  @Autowired BulkConnections bulk;
  @MockitoBean AuditTrail audit;
  @MockitoBean Notifications notifications;

  @Test
  void aZipAlignedToAnotherTerritoryMovesThereAndTheMoveIsAudited() {
    UUID tenant =
        OwnerJdbc.of(bulk)
            .sql("INSERT INTO tenant (slug, name) VALUES (?, 'Territory module') RETURNING id")
            .param("territory-module-" + UUID.randomUUID())
            .query(UUID.class)
            .single();

    TenantScope.ofTenant(tenant)
        .run(
            () -> {
              var region = territories.create("Northeast", TerritoryLevel.REGION, null, null);
              var downtown =
                  territories.create("Downtown", TerritoryLevel.TERRITORY, region.id(), "NE-1");
              var midtown =
                  territories.create("Midtown", TerritoryLevel.TERRITORY, region.id(), "NE-2");

              territories.alignZip(downtown.id(), "10013");
              var moved = territories.alignZip(midtown.id(), "10013");

              assertThat(moved.previousTerritoryId()).isEqualTo(downtown.id());
              assertThat(territories.territory(downtown.id()).zipCount()).isZero();
              assertThat(territories.territory(midtown.id()).zipCount()).isEqualTo(1);
              verify(audit)
                  .record(
                      eq("territory.zip"),
                      eq("Midtown"),
                      eq(AuditOutcome.SUCCESS),
                      eq(Map.of("zip5", "10013", "from", downtown.id().toString())));
            });
  }
}
