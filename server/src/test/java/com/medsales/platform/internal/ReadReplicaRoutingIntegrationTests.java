package com.medsales.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With DB_READ_HOST set, read-only transactions go to the replica and everything else to the
 * primary. The embedded server plays both parts here; the pools' application names tell which one
 * answered.
 */
@SpringBootTest
class ReadReplicaRoutingIntegrationTests {

  @Autowired EmbeddedDatabase embedded;
  @Autowired HikariDataSource primaryDataSource;

  @Test
  void readOnlyTransactionsUseTheReplicaAndOthersThePrimary() {
    var settings =
        new DatabaseSettings(
            "localhost",
            embedded.port(),
            "medsales",
            "postgres",
            null,
            "medsales_app",
            null,
            "localhost",
            embedded.port(),
            2,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));
    DataSource routing =
        new DataSourceConfiguration()
            .dataSource(
                primaryDataSource,
                settings,
                new StaticListableBeanFactory()
                    .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                new StaticListableBeanFactory().getBeanProvider(EmbeddedDatabase.class));
    var jdbc = JdbcClient.create(routing);
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(routing));

    String write =
        transactions.execute(s -> jdbc.sql("SHOW application_name").query(String.class).single());
    transactions.setReadOnly(true);
    String read =
        transactions.execute(s -> jdbc.sql("SHOW application_name").query(String.class).single());

    assertThat(write).isEqualTo("medsales-primary");
    assertThat(read).isEqualTo("medsales-replica");
  }

  @Test
  void withoutReplicaEverythingUsesThePrimary() {
    var settings =
        new DatabaseSettings(
            "localhost",
            embedded.port(),
            "medsales",
            "postgres",
            null,
            "medsales_app",
            null,
            null,
            null,
            2,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));
    DataSource routing =
        new DataSourceConfiguration()
            .dataSource(
                primaryDataSource,
                settings,
                new StaticListableBeanFactory()
                    .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                new StaticListableBeanFactory().getBeanProvider(EmbeddedDatabase.class));
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(routing));
    transactions.setReadOnly(true);

    String read =
        transactions.execute(
            s ->
                JdbcClient.create(routing)
                    .sql("SHOW application_name")
                    .query(String.class)
                    .single());

    assertThat(read).isEqualTo("medsales-primary");
  }

  @Test
  void thePoolConnectsAsTheApplicationRoleWhichCannotBypassRowLevelSecurity() {
    var role =
        JdbcClient.create(primaryDataSource)
            .sql(
                "SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
            .query(
                (rs, n) ->
                    rs.getString("name")
                        + " super="
                        + rs.getBoolean("rolsuper")
                        + " bypassrls="
                        + rs.getBoolean("rolbypassrls"))
            .single();
    assertThat(role).isEqualTo("medsales_app super=false bypassrls=false");
  }

  @Test
  void everyConnectionCarriesTheStatementTimeout() {
    String timeout =
        JdbcClient.create(primaryDataSource)
            .sql("SHOW statement_timeout")
            .query(String.class)
            .single();
    assertThat(timeout).isEqualTo("30s");
  }
}
