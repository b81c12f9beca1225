package com.medsales.platform.internal;

import com.medsales.platform.DatabaseFailures;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A pool that fails at once while its database is known to be away, instead of making every request
 * wait the pool's connection timeout: the first connection failure (or the embedded database's
 * watchdog) marks it away, and a background probe marks it back as soon as the pool hands out a
 * working connection again.
 */
final class FailFastDataSource extends DelegatingDataSource {

  private static final Logger log = LoggerFactory.getLogger(FailFastDataSource.class);
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

  private final HikariDataSource pool;
  private final AtomicBoolean away = new AtomicBoolean();

  FailFastDataSource(HikariDataSource pool) {
    super(pool);
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (away.get()) {
      throw unavailable();
    }
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      if (DatabaseFailures.isConnectionFailure(e)) {
        markAway();
      }
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  boolean away() {
    return away.get();
  }

  /** From now on connections fail at once, until the probe gets one again. */
  void markAway() {
    if (away.compareAndSet(false, true)) {
      log.warn(
          "Database of pool {} unavailable: requests fail at once until it answers again",
          pool.getPoolName());
      Thread.ofVirtual()
          .name("medsales-db-probe-" + pool.getPoolName())
          .start(this::probeUntilBack);
    }
  }

  /**
   * The database is known to be back (the embedded one was just restarted): stop failing at once.
   */
  void markBack() {
    // connections opened before the outage are dead even if not yet found so: none of them is
    // handed out again
    evictConnectionsOfBefore();
    if (away.compareAndSet(true, false)) {
      log.info("Database of pool {} available again", pool.getPoolName());
    }
  }

  private void evictConnectionsOfBefore() {
    var bean = pool.getHikariPoolMXBean();
    if (bean != null) {
      bean.softEvictConnections();
    }
  }

  private void probeUntilBack() {
    while (away.get() && !pool.isClosed()) {
      try (Connection connection = pool.getConnection()) {
        if (connection.isValid(2)) {
          markBack();
          return;
        }
      } catch (SQLException stillAway) {
        log.debug(
            "Database of pool {} still unavailable: {}",
            pool.getPoolName(),
            stillAway.getMessage());
      }
      try {
        Thread.sleep(PROBE_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private SQLTransientConnectionException unavailable() {
    // SQLState 08001: "unable to establish connection", which every layer above reads as the
    // database being away
    return new SQLTransientConnectionException(
        "The database is unavailable (pool " + pool.getPoolName() + ")", "08001");
  }
}
