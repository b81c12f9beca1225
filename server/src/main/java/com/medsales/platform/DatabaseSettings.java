package com.medsales.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives. With {@code host} blank (the seed's {@code DB_HOST} unset) the application
 * starts its own PostgreSQL in {@code MEDSALES_HOME}; otherwise it connects to the server named
 * here.
 *
 * @param user the owner ({@code DB_USER}): migrations and ingestion's bulk loads connect as it
 * @param appUser the role the application's pools connect as ({@code DB_APP_USER}): it cannot
 *     bypass row-level security and writes no public dataset; the migrations create it
 * @param appPass its password ({@code DB_APP_PASS}); when set, start-up (as the owner) gives the
 *     role this password
 * @param readHost a read replica ({@code DB_READ_HOST}) that read-only transactions are routed to;
 *     blank: none
 * @param poolSize connections per pool; a 2-core machine is best served by few
 * @param statementTimeout the default for every statement; ingestion raises it inside its own
 *     transactions
 * @param connectionTimeout how long a request waits for a connection before failing
 */
@Validated
@ConfigurationProperties("medsales.db")
public record DatabaseSettings(
    @Nullable String host,
    @DefaultValue("5432") int port,
    @DefaultValue("medsales") String name,
    @DefaultValue("medsales") String user,
    @Nullable String pass,
    @DefaultValue("medsales_app") String appUser,
    @Nullable String appPass,
    @Nullable String readHost,
    @Nullable Integer readPort,
    @DefaultValue("8") int poolSize,
    @DefaultValue("30s") Duration statementTimeout,
    @DefaultValue("5s") Duration connectionTimeout) {

  public boolean embedded() {
    return host == null || host.isBlank();
  }

  public boolean hasReadReplica() {
    return readHost != null && !readHost.isBlank();
  }
}
