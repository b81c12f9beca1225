package com.medsales.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.medsales.ingest.YearlyTables;
import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A rebuild's long read never holds up a publish: a session that waits for a lock the read holds
 * (as a publish's DROP or RENAME of a table waits for its readers) gets it within a second or so,
 * and the read fails saying why.
 */
@SpringBootTest
class GivingWayIntegrationTests {

  @Autowired BulkConnections connections;

  @Test
  void cancelsItsReadWhenASessionWaitsForATableItReads() throws Exception {
    try (Connection setUp = connections.open("test")) {
      YearlyTables.execute(setUp, "DROP TABLE IF EXISTS giving_way_test");
      YearlyTables.execute(setUp, "CREATE TABLE giving_way_test AS SELECT 1 AS x");
    }
    try (Connection reader = connections.open("test-reader");
        Connection publisher = connections.open("test-publisher")) {
      // a read that would hold its lock on the table for a minute
      CompletableFuture<Void> read =
          CompletableFuture.runAsync(
              () -> {
                try {
                  GivingWay.execute(
                      connections, reader, "SELECT pg_sleep(60) FROM giving_way_test");
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  YearlyTables.count(
                          publisher,
                          "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%' AND state = 'active'")
                      == 1);

      long start = System.nanoTime();
      YearlyTables.execute(publisher, "SET lock_timeout = '20s'");
      YearlyTables.execute(publisher, "DROP TABLE giving_way_test");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThatThrownBy(read::get)
          .isInstanceOf(ExecutionException.class)
          .rootCause()
          .hasMessageContaining("canceling statement");
      assertThatThrownBy(read::get).cause().cause().hasMessageContaining("Gave way to a publish");
    }
  }

  @Test
  void cancelsItsStatementWhenItsThreadIsInterrupted() throws Exception {
    try (Connection c = connections.open("test");
        Connection look = connections.open("test-look")) {
      java.util.concurrent.atomic.AtomicReference<Exception> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread worker =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      GivingWay.execute(connections, c, "SELECT pg_sleep(60)");
                    } catch (Exception e) {
                      failure.set(e);
                    }
                  });
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  YearlyTables.count(
                          look,
                          "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'")
                      == 1);
      long start = System.nanoTime();
      worker.interrupt();
      worker.join(Duration.ofSeconds(10));

      assertThat(worker.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(failure.get()).hasMessageContaining("canceling statement");
    }
  }

  @Test
  void runsTheStatementWhenNobodyWaits() throws Exception {
    try (Connection c = connections.open("test")) {
      GivingWay.execute(
          connections,
          c,
          "CREATE TEMPORARY TABLE giving_way_quiet AS SELECT 1 AS x FROM pg_sleep(1)");
      assertThat(YearlyTables.count(c, "SELECT count(*) FROM giving_way_quiet")).isEqualTo(1);
    }
  }
}
