package com.medsales.platform;

import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every module may read.
 *
 * @param home where the embedded database, raw files and other local state live ({@code
 *     MEDSALES_HOME})
 * @param demoData load the bundled real sample data on first start with an empty database ({@code
 *     MEDSALES_DEMO_DATA})
 * @param roles what this process does ({@code MEDSALES_ROLES}); empty for a command-line job
 */
@Validated
@ConfigurationProperties("medsales")
public record MedsalesSettings(
    Path home,
    @DefaultValue("true") boolean demoData,
    @DefaultValue({"api", "ingestion-worker", "notification-worker"}) Set<Role> roles) {

  public boolean plays(Role role) {
    return roles.contains(role);
  }
}
