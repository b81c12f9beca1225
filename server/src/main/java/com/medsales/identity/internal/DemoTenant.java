package com.medsales.identity.internal;

import com.medsales.identity.IdentitySettings;
import com.medsales.identity.Provisioning;
import com.medsales.identity.UserRole;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.DatabaseSettings;
import com.medsales.platform.Role;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default's first start creates a demo tenant (an admin {@code admin}, a manager
 * {@code manager} and a rep {@code rep} in one team) and a platform operator {@code operator}. The
 * admin's and operator's passwords are {@code MEDSALES_ADMIN_PASSWORD} and {@code
 * MEDSALES_OPERATOR_PASSWORD} when set; every other password is generated and printed once, to the
 * console only (never to the log).
 */
@Component
@ConditionalOnRole(Role.API)
class DemoTenant implements ApplicationRunner {

  private final DatabaseSettings database;
  private final IdentitySettings settings;
  private final Provisioning provisioning;
  private final PrintStream console = System.out;

  DemoTenant(DatabaseSettings database, IdentitySettings settings, Provisioning provisioning) {
    this.database = database;
    this.settings = settings;
    this.provisioning = provisioning;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!database.embedded()) {
      return;
    }
    List<String> printed = new ArrayList<>();
    provisioning.inTransaction(
        jdbc -> {
          jdbc.sql("LOCK TABLE tenant IN EXCLUSIVE MODE").update();
          if (jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() > 0) {
            return null;
          }
          UUID tenant = provisioning.createTenant(jdbc, "demo", "Demo Medical Devices");
          user(
              jdbc,
              tenant,
              "admin",
              "Avery Admin",
              UserRole.ADMIN,
              settings.adminPassword(),
              printed);
          UUID manager =
              user(jdbc, tenant, "manager", "Morgan Manager", UserRole.MANAGER, null, printed);
          UUID rep = user(jdbc, tenant, "rep", "Riley Rep", UserRole.REP, null, printed);
          user(
              jdbc,
              null,
              "operator",
              "Olive Operator",
              UserRole.OPERATOR,
              settings.operatorPassword(),
              printed);
          UUID team =
              jdbc.sql(
                      "INSERT INTO team (tenant_id, name, manager_id) VALUES (?, 'Demo team', ?) RETURNING id")
                  .params(tenant, manager)
                  .query(UUID.class)
                  .single();
          for (UUID member : List.of(manager, rep)) {
            jdbc.sql("INSERT INTO team_member (tenant_id, team_id, user_id) VALUES (?, ?, ?)")
                .params(tenant, team, member)
                .update();
          }
          return null;
        });
    if (!printed.isEmpty()) {
      console.println();
      console.println(
          "  MedSales demo accounts (created on first start; passwords shown only this once):");
      printed.forEach(line -> console.println("    " + line));
      console.println(
          "  Sign in at "
              + settings.publicUrl()
              + "/sign-in. An admin can reset any tenant user's password.");
      console.println();
    }
  }

  private UUID user(
      JdbcClient jdbc,
      @Nullable UUID tenant,
      String username,
      String name,
      UserRole role,
      @Nullable String configured,
      List<String> printed) {
    boolean given = configured != null && !configured.isEmpty();
    String password = given ? configured : Secrets.password();
    printed.add(
        String.format(
            "%-9s %-9s %s",
            username, role, given ? "password as configured" : "password " + password));
    return provisioning.createUser(jdbc, tenant, username, name, role, password);
  }
}
