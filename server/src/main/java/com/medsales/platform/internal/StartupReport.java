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
      MedsalesSettings settings, DatabaseSettings database, ObjectProvider<EmbeddedDatabase> embedded, Environment environment) {
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
            ? "embedded PostgreSQL on localhost:" + local.port() + " (data in " + local.dataDirectory() + ")"
            : "PostgreSQL at " + database.host() + ":" + database.port() + "/" + database.name();
    var roles = settings.roles().stream().map(Role::configName).sorted().toList();
    System.out.printf(
        """

        MedSales is running at http://localhost:%s   (roles: %s)
          database:  %s
          health:    http://localhost:%s/health
          API docs:  http://localhost:%s/swagger-ui/index.html
          sign-in:   none yet; every page and endpoint is open on this machine
        %n""",
        port, String.join(", ", roles), where, port, port);
  }
}
