package com.medsales.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import com.medsales.audit.AuditTrail;
import com.medsales.export.ExportFinished;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.export.ExportTooLarge;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.TokenScope;
import com.medsales.identity.UserRole;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.TenantScope;
import com.medsales.storage.FileStore;
import com.medsales.testing.OwnerJdbc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The export module on its own (with the platform, which owns the database), on real PostgreSQL:
 * the queue, the file store and the audit trail are mocked, and a kind is one test bean
 * implementing {@link ExportSource}, as a list's module adds one.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class ExportModuleIntegrationTests {

  @Autowired Exports exports;
  @Autowired BulkConnections bulk;
  @MockitoBean JobQueue queue;
  @MockitoBean FileStore files;
  @MockitoBean AuditTrail audit;
  @MockitoBean com.medsales.notification.Notifications notifications;

  /** Five numbered rows, the third a formula; a rep's cap of 25,000 is far off. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Numbers {
    @Bean
    ExportSource numbers() {
      return new ExportSource() {
        @Override
        public String kind() {
          return "numbers";
        }

        @Override
        public List<Column> columns() {
          return List.of(Column.text("Name"), new Column("Amount", Type.MONEY));
        }

        @Override
        public void check(ExportParams params) {
          params.only("upTo");
          Integer upTo = params.integer("upTo");
          if (upTo != null && upTo < 0) {
            params.reject("upTo", "must be at least 0");
          }
        }

        long upTo(ExportParams params) {
          Integer upTo = params.integer("upTo");
          return upTo == null ? 5 : upTo;
        }

        @Override
        public long count(ExportParams params, long limit) {
          return Math.min(upTo(params), limit + 1);
        }

        @Override
        public void write(ExportParams params, long limit, Rows rows) {
          for (int i = 1; i <= Math.min(upTo(params), limit); i++) {
            rows.row(i == 3 ? "=SUM(1)" : "row " + i, new java.math.BigDecimal(i + ".50"));
          }
        }
      };
    }
  }

  MedsalesUser rep() {
    var owner = OwnerJdbc.of(bulk);
    UUID tenant =
        owner
            .sql("INSERT INTO tenant (slug, name) VALUES (?, 'Export module') RETURNING id")
            .param("export-module-" + UUID.randomUUID())
            .query(UUID.class)
            .single();
    String username = "export-module-rep-" + UUID.randomUUID();
    UUID rep =
        owner
            .sql(
                """
                INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash)
                VALUES (?, ?, 'Module Rep', ARRAY['REP'], 'never signs in') RETURNING id
                """)
            .params(tenant, username)
            .query(UUID.class)
            .single();
    return new MedsalesUser(
        rep, tenant, username, "Module Rep", Set.of(UserRole.REP), TokenScope.READ_WRITE, null);
  }

  @Test
  void aQueuedExportIsWrittenAsItsUserStoredAndAnnouncedWhenItEnds(Scenario scenario)
      throws Exception {
    MedsalesUser rep = rep();
    TenantScope scope = new TenantScope(rep.tenantId(), rep.userId(), false, false);
    AtomicReference<String> written = new AtomicReference<>();
    doAnswer(
            call -> {
              written.set(
                  Files.readString(call.getArgument(1, Path.class), StandardCharsets.UTF_8));
              return null;
            })
        .when(files)
        .put(any(), any());

    Exports.Requested requested =
        scope.call(() -> exports.request(rep, "numbers", Exports.Format.CSV, Map.of()));
    verify(queue).enqueue(any(JobRequest.class));

    scenario
        .stimulate(
            () -> {
              try {
                exports.run(rep.tenantId(), rep.userId(), requested.id());
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            })
        .andWaitForEventOfType(ExportFinished.class)
        .toArriveAndVerify(
            finished -> {
              assertThat(finished.exportId()).isEqualTo(requested.id());
              assertThat(finished.userId()).isEqualTo(rep.userId());
              assertThat(finished.status()).isEqualTo("DONE");
            });

    verify(files)
        .put(eq("exports/" + rep.tenantId() + "/" + requested.id() + ".csv"), any(Path.class));
    assertThat(written.get())
        .isEqualTo(
            "\uFEFFName,Amount\r\nrow 1,1.50\r\nrow 2,2.50\r\n'=SUM(1),3.50\r\nrow 4,4.50\r\nrow 5,5.50\r\n");
    var view = scope.call(() -> exports.find(rep, requested.id()));
    assertThat(view.status()).isEqualTo("DONE");
    assertThat(view.rows()).isEqualTo(5);
    assertThat(view.progress()).isEqualTo(100);
    assertThat(view.downloadUrl()).isEqualTo("/api/v1/exports/" + requested.id() + "/download");
  }

  @Test
  void overTheRepsCapNothingIsQueuedAndTheRefusalNamesTheCount() {
    MedsalesUser rep = rep();
    TenantScope scope = new TenantScope(rep.tenantId(), rep.userId(), false, false);

    assertThatThrownBy(
            () ->
                scope.call(
                    () ->
                        exports.request(
                            rep, "numbers", Exports.Format.XLSX, Map.of("upTo", 30_000))))
        .isInstanceOfSatisfying(
            ExportTooLarge.class,
            e ->
                assertThat(e.properties())
                    .containsEntry("rows", 30_000L)
                    .containsEntry("limit", 25_000L));
    assertThatThrownBy(
            () ->
                scope.call(
                    () -> exports.request(rep, "numbers", Exports.Format.CSV, Map.of("upTo", -1))))
        .isInstanceOfSatisfying(
            com.medsales.platform.InvalidFields.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("upTo"));
    org.mockito.Mockito.verifyNoInteractions(queue);
  }
}
