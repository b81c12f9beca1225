package com.medsales.identity.internal;

import com.medsales.identity.IdentitySettings;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.DatabaseSettings;
import com.medsales.platform.Role;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The embedded default's first start creates a demo tenant (an admin {@code admin}, a manager {@code manager} and a
 * rep {@code rep} in one team) and a platform operator {@code operator}. The admin's and operator's passwords are
 * {@code MEDSALES_ADMIN_PASSWORD} and {@code MEDSALES_OPERATOR_PASSWORD} when set; every other password is generated
 * and printed once, to the console only (never to the log).
 */
@Component
@ConditionalOnRole(Role.API)
class DemoTenant implements ApplicationRunner {

  private final DatabaseSettings database;
  private final IdentitySettings settings;
  private final BulkConnections owner;
  private final PasswordEncoder passwords;
  private final PrintStream console = System.out;

  DemoTenant(DatabaseSettings database, IdentitySettings settings, BulkConnections owner, PasswordEncoder passwords) {
    this.database = database;
    this.settings = settings;
    this.owner = owner;
    this.passwords = passwords;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!database.embedded()) {
      return;
    }
    var dataSource = owner.dataSource("seed");
    var jdbc = JdbcClient.create(dataSource);
    List<String> printed = new ArrayList<>();
    new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .executeWithoutResult(
            tx -> {
              jdbc.sql("LOCK TABLE tenant IN EXCLUSIVE MODE").update();
              if (jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() > 0) {
                return;
              }
              UUID tenant =
                  jdbc.sql("INSERT INTO tenant (slug, name) VALUES ('demo', 'Demo Medical Devices') RETURNING id")
                      .query(UUID.class)
                      .single();
              UUID admin = user(jdbc, tenant, "admin", "Avery Admin", "ADMIN", settings.adminPassword(), printed);
              UUID manager = user(jdbc, tenant, "manager", "Morgan Manager", "MANAGER", null, printed);
              UUID rep = user(jdbc, tenant, "rep", "Riley Rep", "REP", null, printed);
              user(jdbc, null, "operator", "Olive Operator", "OPERATOR", settings.operatorPassword(), printed);
              UUID team =
                  jdbc.sql("INSERT INTO team (tenant_id, name, manager_id) VALUES (?, 'Demo team', ?) RETURNING id")
                      .params(tenant, manager)
                      .query(UUID.class)
                      .single();
              for (UUID member : List.of(manager, rep)) {
                jdbc.sql("INSERT INTO team_member (tenant_id, team_id, user_id) VALUES (?, ?, ?)")
                    .params(tenant, team, member)
                    .update();
              }
              jdbc.sql(
                      "SELECT medsales_audit_append(?, NULL, 'system', NULL, 'tenant.create', 'demo', 'SUCCESS',"
                          + " jsonb_build_object('admin', ?::text))")
                  .params(tenant, admin.toString())
                  .query(Long.class)
                  .single();
            });
    if (!printed.isEmpty()) {
      console.println();
      console.println("  MedSales demo accounts (created on first start; passwords shown only this once):");
      printed.forEach(line -> console.println("    " + line));
      console.println("  Sign in at " + settings.publicUrl() + "/sign-in. An admin can reset any tenant user's password.");
      console.println();
    }
  }

  private UUID user(
      JdbcClient jdbc, UUID tenant, String username, String name, String role, String configured, List<String> printed) {
    String password = configured != null && !configured.isEmpty() ? configured : Secrets.password();
    if (configured == null || configured.isEmpty()) {
      printed.add(String.format("%-9s %-9s password %s", username, role, password));
    } else {
      printed.add(String.format("%-9s %-9s password as configured", username, role));
    }
    return jdbc.sql(
            "INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash, password_changed_at)"
                + " VALUES (?, ?, ?, ARRAY[?], ?, now()) RETURNING id")
        .params(tenant, username, name, role, passwords.encode(password))
        .query(UUID.class)
        .single();
  }
}
