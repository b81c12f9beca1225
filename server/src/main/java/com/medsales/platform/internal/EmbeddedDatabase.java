package com.medsales.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL 17 (zonky's binaries) whose data directory lives in
 * {@code MEDSALES_HOME/pgdata}, so a restart keeps the data.
 *
 * <p>PostgreSQL refuses to run as root; zonky 2.2 handles that by starting it in a new user
 * namespace ({@code unshare -U}), where it is unprivileged and the root-owned data directory
 * appears to be its own.
 *
 * <p>One MedSales process owns a home at a time: {@code MEDSALES_HOME/medsales.lock} is held for
 * the life of the process, and a second process on the same home stops with a message naming the
 * first one's pid. A postmaster left running by a process that was killed is stopped before the new
 * one starts.
 *
 * <p>A watchdog looks at the postmaster twice a second: when it is gone (killed, crashed,
 * OOM-killed) while it should be running, the listeners hear that the database is lost (the pools
 * then fail at once rather than wait), and PostgreSQL is started again on the same data directory
 * and port, retried until it comes up; the listeners then hear it is back and the pools reconnect.
 * PostgreSQL's own crash recovery replays the WAL, so nothing committed is lost.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "medsales";
  static final String SUPERUSER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

  /** Hears when the postmaster was found gone, and when a new one answers again. */
  public interface OutageListener {
    void lost();

    void restarted();
  }

  private final Path home;
  private final Path dataDirectory;
  private final FileChannel lockChannel;
  private final FileLock homeLock;
  private int port;
  private volatile @Nullable EmbeddedPostgres postgres;
  private volatile @Nullable ProcessHandle postmaster;

  /**
   * Whether PostgreSQL should be running: set by {@link #startServer()}, cleared by {@link
   * #stopServer()}.
   */
  private volatile boolean wanted;

  private final List<OutageListener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("medsales-postgres-watchdog").daemon().factory());

  private EmbeddedDatabase(Path home, FileChannel lockChannel, FileLock homeLock) {
    this.home = home;
    this.dataDirectory = home.resolve("pgdata");
    this.lockChannel = lockChannel;
    this.homeLock = homeLock;
  }

  public void addOutageListener(OutageListener listener) {
    listeners.add(listener);
  }

  /**
   * The postmaster's process while one runs: what the watchdog watches (and what a fault test
   * kills).
   */
  public java.util.Optional<ProcessHandle> postmaster() {
    return java.util.Optional.ofNullable(postmaster);
  }

  /**
   * Locks the home, then starts PostgreSQL in it (creating the cluster and the database on first
   * use).
   */
  public static EmbeddedDatabase start(Path home) {
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create MEDSALES_HOME " + home, e);
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              home.resolve("medsales.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String owner =
            new String(Files.readAllBytes(home.resolve("medsales.lock")), StandardCharsets.UTF_8)
                .trim();
        channel.close();
        throw new HomeInUseException(home, owner);
      }
      channel.truncate(0);
      channel.write(
          java.nio.ByteBuffer.wrap(
              String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
          0);
      var database = new EmbeddedDatabase(home, channel, lock);
      database.startServer();
      database.watchdog.scheduleWithFixedDelay(
          database::restartIfGone,
          WATCH_INTERVAL.toMillis(),
          WATCH_INTERVAL.toMillis(),
          TimeUnit.MILLISECONDS);
      return database;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + home, e);
    } catch (RuntimeException e) {
      if (!(e instanceof HomeInUseException)) {
        closeQuietly(channel);
      }
      throw e;
    }
  }

  /** Starts the server again on the same data directory and port, after {@link #stopServer()}. */
  public synchronized void startServer() {
    wanted = true;
    boolean wasDown = postgres == null;
    startInstance();
    if (wasDown) {
      listeners.forEach(OutageListener::restarted);
    }
  }

  private void startInstance() {
    if (postgres != null) {
      return;
    }
    try {
      stopOrphanedPostmaster();
      this.port = port != 0 ? port : choosePort();
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // stopped by close() when the Spring context closes, after the graceful shutdown
              // (requests finish,
              // jobs are released): a JVM hook of its own would stop it at SIGTERM, in parallel
              // with that shutdown
              .setRegisterShutdownHook(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "100")
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("unix_socket_directories", "")
              // a single-node database: no WAL for replicas, so bulk loads into tables created in
              // the same
              // transaction skip WAL entirely; room for long loads before a checkpoint
              .setServerConfig("wal_level", "minimal")
              .setServerConfig("max_wal_senders", "0")
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("maintenance_work_mem", "512MB")
              .start();
      Files.writeString(home.resolve("postgres.port"), String.valueOf(port));
      postmaster = readPostmaster();
      createApplicationDatabase();
      log.info("Embedded PostgreSQL on localhost:{}, data in {}", port, dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  /** Stops the server and keeps the data; the home stays locked. */
  public synchronized void stopServer() {
    wanted = false;
    if (postgres != null) {
      listeners.forEach(OutageListener::lost);
    }
    stopInstance();
  }

  private void stopInstance() {
    postmaster = null;
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Stopping the embedded PostgreSQL failed", e);
    } finally {
      postgres = null;
    }
  }

  /**
   * The watchdog's tick: a postmaster that should run and does not is started again, on the same
   * port.
   */
  private void restartIfGone() {
    try {
      ProcessHandle seen = postmaster;
      if (!gone()) {
        return;
      }
      log.error(
          "The embedded PostgreSQL{} is gone; starting it again on port {}",
          seen == null ? "" : " (pid " + seen.pid() + ")",
          port);
      listeners.forEach(OutageListener::lost);
      synchronized (this) {
        if (!gone()) {
          return;
        }
        // the old instance's pg_ctl stop fails (nothing to stop); closing it releases its lock on
        // the data directory
        stopInstance();
        startInstance();
      }
      listeners.forEach(OutageListener::restarted);
    } catch (RuntimeException e) {
      // the next tick tries again (old backends may still hold the shared memory for a moment)
      log.error("Starting the embedded PostgreSQL again failed; retrying", e);
    }
  }

  /** Wanted but not running: its process ended, or its last start failed. */
  private boolean gone() {
    ProcessHandle process = postmaster;
    return wanted && (postgres == null || (process != null && !process.isAlive()));
  }

  private @Nullable ProcessHandle readPostmaster() {
    try {
      long pid =
          Long.parseLong(
              Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
      return ProcessHandle.of(pid).orElse(null);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Cannot read the postmaster's pid in {}; its loss will go unnoticed", dataDirectory, e);
      return null;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  public String user() {
    return SUPERUSER;
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public synchronized void close() {
    watchdog.shutdownNow();
    stopServer();
    try {
      homeLock.release();
    } catch (IOException e) {
      log.debug("Releasing the home lock failed", e);
    }
    closeQuietly(lockChannel);
  }

  private void createApplicationDatabase() {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      var rs =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!rs.next()) {
        statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the database " + DATABASE + " in the embedded PostgreSQL", e);
    }
  }

  /**
   * The port used last time, when it is free again, so tools pointed at this home keep working;
   * else any free one.
   */
  private int choosePort() throws IOException {
    Path portFile = home.resolve("postgres.port");
    if (Files.exists(portFile)) {
      try {
        int previous = Integer.parseInt(Files.readString(portFile).trim());
        try (var socket =
            new ServerSocket(previous, 1, java.net.InetAddress.getLoopbackAddress())) {
          return previous;
        } catch (IOException inUse) {
          // fall through to any free port
        }
      } catch (NumberFormatException ignored) {
        // a damaged port file: choose another
      }
    }
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * A MedSales process killed with {@code kill -9} leaves its postmaster running (pg_ctl detaches
   * it). We hold the home lock, so no live MedSales process owns it: stop it before starting ours.
   */
  private void stopOrphanedPostmaster() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
    } catch (RuntimeException e) {
      return;
    }
    var orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (orphan.isEmpty()) {
      return;
    }
    log.warn(
        "Stopping PostgreSQL (pid {}) left running in {} by an earlier process",
        pid,
        dataDirectory);
    // SIGTERM is PostgreSQL's smart shutdown: its clients died with the earlier process, so it ends
    // at once
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "PostgreSQL (pid "
              + pid
              + ") left running in "
              + dataDirectory
              + " did not stop; stop it and start again",
          e);
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing more to do
    }
  }
}
