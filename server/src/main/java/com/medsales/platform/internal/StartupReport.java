package com.medsales.platform.internal;

import com.medsales.platform.DatabaseSettings;
import com.medsales.platform.MedsalesSettings;
import com.medsales.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person at the terminal where the platform is and what it runs on, once it is ready. */
@Component
class StartupReport {

  private final MedsalesSettings settings;
  private final DatabaseSettings database;
  private final ObjectProvider<EmbeddedDatabase> embedded;
  private final Environment environment;

  StartupReport(
      MedsalesSettings settings,
      DatabaseSettings database,
      ObjectProvider<EmbeddedDatabase> embedded,
      Environment environment) {
    this.settings = settings;
    this.database = database;
    this.embedded = embedded;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      return; // a command-line job: no server to report
    }
    EmbeddedDatabase local = embedded.getIfAvailable();
    String where =
        local != null
            ? "embedded PostgreSQL on localhost:"
                + local.port()
                + " (data in "
                + local.dataDirectory()
                + ")"
            : "PostgreSQL at " + database.host() + ":" + database.port() + "/" + database.name();
    var roles = settings.roles().stream().map(Role::configName).sorted().toList();
    System.out.print(banner(port, String.join(", ", roles), where));
  }

  /**
   * The lines printed once the server answers. Every page and endpoint but sign-in and /health
   * needs a signed-in user (a session or a bearer token): the banner says where to sign in, never
   * that the platform is open.
   */
  static String banner(String port, String roles, String where) {
    return """

        MedSales is running at http://localhost:%1$s   (roles: %2$s)
          database:  %3$s
          health:    http://localhost:%1$s/health
          API docs:  http://localhost:%1$s/swagger-ui/index.html
          sign-in:   required; http://localhost:%1$s/sign-in (the demo accounts' passwords are printed once, at the first
                     start; an admin resets the others)
        %n"""
        .formatted(port, roles, where);
  }
}
