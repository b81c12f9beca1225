package com.medsales.provider;

import com.medsales.ingest.YearlyTables;
import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a long statement that reads the published tables (a year's drug prescribers read all of the
 * year's Part D rows and the practice addresses: minutes at national size) without ever holding up
 * a publish. A publish swaps tables (a Part D year's partition dropped, the registry's tables
 * renamed) and so waits for every reader of them; while the statement runs, a second connection
 * looks twice a second for a session that waits for a lock the statement holds, and cancels the
 * statement. The caller fails, and is tried again later (the job's backoff), when the publish is
 * done. Waits for advisory locks (another rebuild) do not count. The statement is cancelled too
 * when the calling thread is interrupted (a worker that shuts down releases its job: the statement
 * must not keep it for minutes).
 */
final class GivingWay {

  /**
   * Cancels the statement of backend ? when a client session waits for a lock it holds; true when
   * it did.
   */
  private static final String CANCEL_WHEN_IN_THE_WAY =
      """
      SELECT pg_cancel_backend(?) FROM pg_stat_activity a
      WHERE a.backend_type = 'client backend' AND a.wait_event_type = 'Lock' AND a.wait_event IS DISTINCT FROM 'advisory'
        AND ? = ANY (pg_blocking_pids(a.pid))
      LIMIT 1""";

  private static final long POLL_MILLIS = 500;
  private static final Logger log = LoggerFactory.getLogger(GivingWay.class);

  private GivingWay() {}

  /**
   * Executes {@code sql} on {@code c}; throws when it gave way to a publish, was interrupted, or
   * failed.
   */
  static void execute(BulkConnections connections, Connection c, String sql) throws SQLException {
    int pid;
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
    AtomicBoolean gaveWay = new AtomicBoolean();
    try (Connection watcher = connections.open("giving-way")) {
      Thread caller = Thread.currentThread();
      Thread watch =
          Thread.ofPlatform()
              .daemon()
              .name("giving-way-" + pid)
              .start(() -> watch(watcher, pid, caller, gaveWay));
      SQLException failed = null;
      try {
        YearlyTables.execute(c, sql);
      } catch (SQLException e) {
        failed = e;
      } finally {
        // (the watcher finishes its look first: a cancel it made is known below)
        watch.interrupt();
        try {
          watch.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failed != null && gaveWay.get()) {
        throw new SQLException(
            "Gave way to a publish that waited for a table this statement read",
            failed.getSQLState(),
            failed);
      } else if (failed != null) {
        throw failed;
      }
    }
  }

  private static void watch(Connection watcher, int pid, Thread caller, AtomicBoolean gaveWay) {
    try (PreparedStatement s = watcher.prepareStatement(CANCEL_WHEN_IN_THE_WAY);
        PreparedStatement cancel = watcher.prepareStatement("SELECT pg_cancel_backend(?)")) {
      s.setInt(1, pid);
      s.setInt(2, pid);
      cancel.setInt(1, pid);
      while (!Thread.currentThread().isInterrupted()) {
        if (caller.isInterrupted()) {
          cancel.execute();
          return;
        }
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            gaveWay.set(true);
            log.info("backend {} gave way to a session waiting for a table it read", pid);
            return;
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      // the statement ended
    } catch (SQLException e) {
      log.warn("Stopped watching backend {} for sessions it holds up: {}", pid, e.getMessage());
    }
  }
}
