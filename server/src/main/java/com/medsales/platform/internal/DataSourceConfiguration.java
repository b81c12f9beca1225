package com.medsales.platform.internal;

import com.medsales.platform.BulkConnections;
import com.medsales.platform.DatabaseSettings;
import com.medsales.platform.MedsalesSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One {@link DataSource} for the whole application, connecting as the application's own database
 * role (which row-level security binds): the primary, and when {@code DB_READ_HOST} is set a read
 * replica that read-only transactions ({@code @Transactional(readOnly = true)}) are routed to.
 * Pools are small (a 2-core machine gains nothing from many connections) and every connection
 * carries a statement timeout.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${medsales.db.host:}'.isBlank()")
  EmbeddedDatabase embeddedDatabase(MedsalesSettings settings) {
    return EmbeddedDatabase.start(settings.home().toAbsolutePath());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource primaryDataSource(
      DatabaseSettings db,
      ObjectProvider<EmbeddedDatabase> embedded,
      ObjectProvider<MeterRegistry> meters) {
    EmbeddedDatabase local = embedded.getIfAvailable();
    String url = local != null ? local.jdbcUrl() : jdbcUrl(db.host(), db.port(), db.name());
    return pool(
        "primary",
        url,
        db.appUser(),
        local != null ? null : db.appPass(),
        db,
        meters.getIfAvailable());
  }

  /** Migrations run as the owner, on connections of their own. */
  @Bean
  @FlywayDataSource
  DataSource flywayDataSource(BulkConnections bulk) {
    return bulk.dataSource("migrate");
  }

  /**
   * After migrating, give the application's role the configured password ({@code DB_APP_PASS}); the
   * embedded database trusts local connections and needs none.
   */
  @Bean
  FlywayMigrationStrategy migrateThenSetApplicationPassword(DatabaseSettings db) {
    return flyway -> {
      flyway.migrate();
      if (db.appPass() != null && !db.appPass().isEmpty()) {
        try (var connection = flyway.getConfiguration().getDataSource().getConnection();
            // ALTER ROLE takes no bind parameters: PostgreSQL's format() quotes the bound values
            // into the statement
            var quote =
                connection.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?, ?)")) {
          quote.setString(1, db.appUser());
          quote.setString(2, db.appPass());
          try (var quoted = quote.executeQuery();
              var alter = connection.createStatement()) {
            quoted.next();
            alter.execute(quoted.getString(1));
          }
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(
              "Could not set the password of database role " + db.appUser(), e);
        }
      }
    };
  }

  /** Every transaction tells PostgreSQL's row-level security whose rows it may see. */
  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new TenantScopedTransactionManager(dataSource);
  }

  /**
   * Spring Modulith's event publication registry looks for outstanding publications when it is
   * destroyed, in a transaction: it must go before the transaction manager and the pool do, or
   * every process's shutdown (each command-line job's too) warns that the transaction manager is
   * gone.
   */
  @Bean
  static BeanFactoryPostProcessor eventRegistryClosesFirst() {
    return beans -> {
      if (beans.containsBeanDefinition("eventPublicationRegistry")) {
        BeanDefinition registry = beans.getBeanDefinition("eventPublicationRegistry");
        String[] before = registry.getDependsOn() == null ? new String[0] : registry.getDependsOn();
        String[] after = java.util.Arrays.copyOf(before, before.length + 1);
        after[before.length] = "transactionManager";
        registry.setDependsOn(after);
      }
    };
  }

  @Bean
  @org.springframework.context.annotation.Primary
  DataSource dataSource(
      HikariDataSource primaryDataSource,
      DatabaseSettings db,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<EmbeddedDatabase> embedded) {
    // while a database is away, requests fail at once (503) instead of each waiting the connection
    // timeout
    var primary = new FailFastDataSource(primaryDataSource);
    EmbeddedDatabase local = embedded.getIfAvailable();
    if (local != null) {
      local.addOutageListener(
          new EmbeddedDatabase.OutageListener() {
            @Override
            public void lost() {
              primary.markAway();
            }

            @Override
            public void restarted() {
              primary.markBack();
            }
          });
    }
    var routing = new LazyConnectionDataSourceProxy(primary);
    if (db.hasReadReplica()) {
      int port = db.readPort() != null ? db.readPort() : db.port();
      routing.setReadOnlyDataSource(
          new FailFastDataSource(
              pool(
                  "replica",
                  jdbcUrl(db.readHost(), port, db.name()),
                  db.appUser(),
                  db.appPass(),
                  db,
                  meters.getIfAvailable())));
    }
    return routing;
  }

  static String jdbcUrl(@Nullable String host, int port, String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static HikariDataSource pool(
      String name,
      String url,
      String user,
      @Nullable String password,
      DatabaseSettings db,
      @Nullable MeterRegistry meters) {
    var config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setUsername(user);
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(db.poolSize());
    config.setMinimumIdle(Math.min(2, db.poolSize()));
    config.setConnectionTimeout(db.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(3000, db.connectionTimeout().toMillis()));
    // a database that is down at start-up shows as DOWN in /health instead of stopping the process
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("ApplicationName", "medsales-" + name);
    config.addDataSourceProperty(
        "options", "-c statement_timeout=" + db.statementTimeout().toMillis());
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    if ("replica".equals(name)) {
      config.setReadOnly(true);
    }
    if (meters != null) {
      config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    }
    return new HikariDataSource(config);
  }
}
