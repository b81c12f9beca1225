package com.medsales.segment.internal;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.identity.Provisioning;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.DatabaseSettings;
import com.medsales.platform.MedsalesSettings;
import com.medsales.platform.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's example baskets, so that a newcomer sees deciles at once: Mohs surgery (Part B
 * HCPCS 17311 to 17315, the bundled Part B years 2013 to 2021, so movers between years too) and
 * statins (Part D 2013). Made once, on the embedded default's first start with demo data (a basket
 * the demo tenant deletes stays deleted); computed when the demo data is published.
 */
@Component
@ConditionalOnRole(Role.API)
class DemoBaskets {

  record Demo(String name, String source, String metric, List<List<String>> items) {}

  static final List<Demo> DEMOS =
      List.of(
          new Demo(
              "Mohs surgery",
              "PARTB",
              "SERVICES",
              List.of(
                  List.of("17311", "OWN"),
                  List.of("17312", "OWN"),
                  List.of("17313", "COMPETITOR"),
                  List.of("17314", "COMPETITOR"),
                  List.of("17315", "COMPETITOR"))),
          new Demo(
              "Statins",
              "PARTD",
              "CLAIMS",
              List.of(
                  List.of("CRESTOR", "OWN"),
                  List.of("ATORVASTATIN CALCIUM", "COMPETITOR"),
                  List.of("LIPITOR", "COMPETITOR"),
                  List.of("SIMVASTATIN", "COMPETITOR"))));

  private final DatabaseSettings database;
  private final MedsalesSettings settings;
  private final Provisioning provisioning;
  private final AuditTrail audit;
  private final JobQueue jobs;

  DemoBaskets(
      DatabaseSettings database,
      MedsalesSettings settings,
      Provisioning provisioning,
      AuditTrail audit,
      JobQueue jobs) {
    this.database = database;
    this.settings = settings;
    this.provisioning = provisioning;
    this.audit = audit;
    this.jobs = jobs;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (!database.embedded() || !settings.demoData()) {
      return;
    }
    UUID tenant =
        provisioning.inTransaction(
            jdbc -> {
              UUID demo =
                  jdbc.sql("SELECT id FROM tenant WHERE slug = 'demo'")
                      .query(UUID.class)
                      .optional()
                      .orElse(null);
              if (demo == null
                  || jdbc.sql(
                          """
                          SELECT EXISTS (SELECT 1 FROM basket WHERE tenant_id = :t)
                              OR EXISTS (SELECT 1 FROM audit_event WHERE tenant_id = :t AND action = 'basket.create')""")
                      .param("t", demo)
                      .query(Boolean.class)
                      .single()) {
                return null;
              }
              for (Demo d : DEMOS) {
                UUID basket =
                    jdbc.sql(
                            """
                            INSERT INTO basket (tenant_id, name, source, metric) VALUES (:t, :name, :source, :metric)
                            RETURNING id""")
                        .param("t", demo)
                        .param("name", d.name())
                        .param("source", d.source())
                        .param("metric", d.metric())
                        .query(UUID.class)
                        .single();
                for (int i = 0; i < d.items().size(); i++) {
                  jdbc.sql(
                          """
                          INSERT INTO basket_item (tenant_id, basket_id, position, code, role)
                          VALUES (:t, :b, :p, :code, :role)""")
                      .param("t", demo)
                      .param("b", basket)
                      .param("p", i)
                      .param("code", d.items().get(i).get(0))
                      .param("role", d.items().get(i).get(1))
                      .update();
                }
              }
              return demo;
            });
    if (tenant == null) {
      return;
    }
    for (Demo d : DEMOS) {
      audit.recordFor(
          tenant,
          null,
          "demo",
          "basket.create",
          d.name(),
          AuditOutcome.SUCCESS,
          Map.of("source", d.source(), "metric", d.metric()));
    }
    jobs.enqueue(JobRequest.of(BasketComputations.QUEUE, BasketComputations.JOB_TYPE, "{}"));
  }
}
