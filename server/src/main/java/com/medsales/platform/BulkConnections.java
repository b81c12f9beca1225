package com.medsales.platform;

import com.medsales.platform.internal.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.stereotype.Component;

/**
 * Physical connections to the primary database as its owner, outside the pool, for migrations and
 * bulk loads: a load holds several connections for many minutes (one per COPY stream), which must
 * not starve the API's pool, and writes the public datasets, which the application's own role may
 * only read. They have no statement timeout.
 */
@Component
public class BulkConnections {

  private final DatabaseSettings settings;
  private final ObjectProvider<EmbeddedDatabase> embedded;

  BulkConnections(DatabaseSettings settings, ObjectProvider<EmbeddedDatabase> embedded) {
    this.settings = settings;
    this.embedded = embedded;
  }

  /** Statements on a connection that go together. */
  public interface Work {
    void run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on {@code c} (in auto-commit mode) as one transaction: committed, or rolled
   * back when it throws; the connection is back in auto-commit mode afterwards.
   */
  public static void inOneTransaction(Connection c, Work work) throws SQLException {
    c.setAutoCommit(false);
    try {
      work.run(c);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** A new connection in auto-commit mode; the caller closes it. */
  public Connection open(String purpose) throws SQLException {
    EmbeddedDatabase local = embedded.getIfAvailable();
    Properties props = new Properties();
    props.setProperty("ApplicationName", "medsales-bulk-" + purpose);
    props.setProperty("options", "-c statement_timeout=0");
    String url;
    if (local != null) {
      url = local.jdbcUrl();
      props.setProperty("user", local.user());
    } else {
      url = "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + settings.name();
      props.setProperty("user", settings.user());
      if (settings.pass() != null && !settings.pass().isEmpty()) {
        props.setProperty("password", settings.pass());
      }
    }
    return DriverManager.getConnection(url, props);
  }

  /**
   * The same connections as a {@link DataSource} (unpooled: each {@code getConnection} opens one).
   */
  public DataSource dataSource(String purpose) {
    return new AbstractDataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return open(purpose);
      }

      @Override
      public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException(
            "owner connections take their credentials from the settings");
      }
    };
  }
}
