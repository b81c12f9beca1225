package com.medsales.ops;

import com.medsales.ingest.DataFreshness;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.Freshness;
import com.medsales.platform.MedsalesSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Service;

/**
 * Assembles {@link Health}: a timed {@code SELECT 1} on the primary database, a {@code PING} to
 * Redis when it is configured, the free space where MEDSALES_HOME lives, and the freshness of each
 * dataset. When the database is away the freshness last read is shown, not a false "never
 * ingested".
 */
@Service
public class HealthCheck {

  private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);

  private final DataSource dataSource;
  private final ObjectProvider<RedisConnectionFactory> redis;
  private final DataFreshness freshness;
  private final OpsSettings settings;
  private final Path home;
  private volatile Map<String, Health.@Nullable DatasetFreshness> lastFreshness = emptyFreshness();

  HealthCheck(
      DataSource dataSource,
      ObjectProvider<RedisConnectionFactory> redis,
      DataFreshness freshness,
      OpsSettings settings,
      MedsalesSettings medsales) {
    this.dataSource = dataSource;
    this.redis = redis;
    this.freshness = freshness;
    this.settings = settings;
    this.home = medsales.home();
  }

  public Health check() {
    var database = database();
    var redisCheck = redis();
    var disk = disk();
    if (Health.UP.equals(database.status())) {
      lastFreshness = freshness();
    }
    String status;
    if (!Health.UP.equals(database.status())) {
      status = Health.DOWN;
    } else if (Health.DOWN.equals(redisCheck.status()) || Health.DOWN.equals(disk.status())) {
      status = Health.DEGRADED;
    } else {
      status = Health.UP;
    }
    return new Health(status, new Health.Components(database, redisCheck, disk), lastFreshness);
  }

  private Health.Check database() {
    long start = System.nanoTime();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, settings.checkTimeout().toSeconds()));
      statement.execute("SELECT 1");
      return new Health.Check(Health.UP, elapsedMs(start));
    } catch (Exception e) {
      log.warn("Health: database unavailable: {}", e.getMessage());
      return new Health.Check(Health.DOWN, elapsedMs(start));
    }
  }

  private Health.Check redis() {
    RedisConnectionFactory factory = redis.getIfAvailable();
    if (factory == null) {
      return new Health.Check(Health.DISABLED, null);
    }
    long start = System.nanoTime();
    try (var connection = factory.getConnection()) {
      connection.ping();
      return new Health.Check(Health.UP, elapsedMs(start));
    } catch (Exception e) {
      log.warn("Health: Redis unavailable: {}", e.getMessage());
      return new Health.Check(Health.DOWN, elapsedMs(start));
    }
  }

  private Health.Disk disk() {
    try {
      Path existing = home.toAbsolutePath();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      long free = Files.getFileStore(existing == null ? Path.of("/") : existing).getUsableSpace();
      return new Health.Disk(
          free >= settings.minFreeDisk().toBytes() ? Health.UP : Health.DOWN, free);
    } catch (IOException e) {
      return new Health.Disk(Health.DOWN, 0);
    }
  }

  private Map<String, Health.@Nullable DatasetFreshness> freshness() {
    EnumMap<Dataset, Freshness> published;
    try {
      published = freshness.published();
    } catch (RuntimeException e) {
      log.warn("Health: data freshness not read: {}", e.getMessage());
      return lastFreshness;
    }
    Map<String, Health.@Nullable DatasetFreshness> result = emptyFreshness();
    published.forEach(
        (dataset, f) ->
            result.put(
                dataset.key(),
                new Health.DatasetFreshness(
                    f.lastIngested().truncatedTo(ChronoUnit.SECONDS),
                    f.recordCount(),
                    f.dataYear())));
    return result;
  }

  private static Map<String, Health.@Nullable DatasetFreshness> emptyFreshness() {
    Map<String, Health.@Nullable DatasetFreshness> result = new LinkedHashMap<>();
    for (Dataset d : Dataset.values()) {
      result.put(d.key(), null);
    }
    return result;
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
