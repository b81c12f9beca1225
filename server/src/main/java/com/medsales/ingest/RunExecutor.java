package com.medsales.ingest;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.ingest.Ingestion.IngestionFailed;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.MedsalesSettings;
import com.medsales.storage.FileStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one ingestion: takes the dataset's lock (one run per dataset at a time across every process
 * on the database), resolves the source, hands it to the loader, and records how it ended. A
 * failure is recorded and rethrown; the loader guarantees that nothing was published. A publish is
 * recorded and announced ({@link DatasetPublished}) in one Spring transaction: the event
 * publication registry stores the event for each of its listeners in that transaction, so a run is
 * never PUBLISHED without its listeners' work being owed, and the listeners run after the commit.
 */
@Component
class RunExecutor {

  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  private final IngestionRuns runs;
  private final DataFreshness freshness;
  private final BulkConnections bulkConnections;
  private final IngestSettings settings;
  private final SourceResolver resolver;
  private final SourcePolicy policy;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  RunExecutor(
      IngestionRuns runs,
      DataFreshness freshness,
      BulkConnections bulkConnections,
      IngestSettings settings,
      MedsalesSettings medsales,
      AuditTrail audit,
      FileStore store,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager) {
    this.runs = runs;
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
    this.audit = audit;
    this.freshness = freshness;
    this.bulkConnections = bulkConnections;
    this.settings = settings;
    this.resolver =
        new SourceResolver(
            settings.rawDirectory() != null
                ? settings.rawDirectory()
                : medsales.home().resolve("raw"),
            store);
    this.policy = new SourcePolicy(settings.directories(medsales.home()), settings.hosts());
  }

  SourcePolicy policy() {
    return policy;
  }

  static String sourceName(String source) {
    return SourceResolver.nameOf(source);
  }

  /**
   * @param waitIfBusy when another run of the dataset holds its lock: true throws {@link
   *     Ingestion.DatasetBusy} and leaves this run queued (a queued job tries again later); false
   *     fails the run (the command line)
   */
  IngestionRun execute(
      long runId, DatasetLoader loader, ProgressListener listener, boolean waitIfBusy)
      throws IngestionFailed {
    IngestionRun run = runs.find(runId).orElseThrow();
    RunContext context = null;
    // the lock's own connection, outside the pool: closing it ends the session and so releases the
    // lock, even when the
    // run dies (a pooled connection would keep a session lock after it went back to the pool)
    try (Connection lock = bulkConnections.open("ingest-lock-" + loader.dataset().key());
        HeldLock held = tryLock(lock, loader)) {
      if (held == null) {
        if (waitIfBusy) {
          throw new Ingestion.DatasetBusy(loader.dataset());
        }
        throw new IllegalStateException(
            "Another " + loader.dataset().key() + " run is in progress; try again when it ends");
      }
      runs.markRunning(runId, backendPid(lock));
      String newer =
          RunOrder.newerPublished(run, runs.firstOfRetries(runId), runs.published(run.kind()));
      if (newer != null) {
        log.warn("Ingestion run {} ({}) skipped: {}", runId, loader.kind(), newer);
        runs.skip(runId, newer);
        audit.recordFor(
            null,
            null,
            "ingestion",
            "ingestion.run",
            loader.kind() + " #" + runId,
            AuditOutcome.SUCCESS,
            Map.of(
                "status",
                IngestionRun.Status.SKIPPED.name(),
                "source",
                run.sourceName(),
                "reason",
                newer));
        return runs.find(runId).orElseThrow();
      }
      context =
          new RunContext(
              runId,
              run.sourceName(),
              run.dataYear(),
              runs,
              settings.maxRejectShare(),
              listener,
              loader.kind());
      Path file = resolver.resolve(run.source(), runs.confined(runId) ? policy : null);
      context.useFile(file);
      runs.source(runId, file.getFileName().toString(), java.nio.file.Files.size(file));
      DatasetLoader.Outcome outcome = loader.load(context);
      context.flush();
      context.recordProgress();
      long rejects = context.rejectCount();
      // the loader committed the data on its own connections; the run's record and the event commit
      // together here,
      // and the event's listeners run once this commits (the rebuilds and the cache clearing before
      // this returns)
      transactions.executeWithoutResult(
          status -> {
            runs.finish(
                runId,
                outcome.published() ? IngestionRun.Status.PUBLISHED : IngestionRun.Status.SKIPPED,
                outcome,
                rejects);
            if (outcome.published()) {
              events.publishEvent(new DatasetPublished(loader.dataset(), runId));
            }
          });
      freshness.evict();
      IngestionRun finished = runs.find(runId).orElseThrow();
      audit.recordFor(
          null,
          null,
          "ingestion",
          "ingestion.run",
          loader.kind() + " #" + runId,
          AuditOutcome.SUCCESS,
          Map.of(
              "status",
              finished.status().name(),
              "source",
              finished.sourceName(),
              "rowsLoaded",
              finished.rowsLoaded(),
              "rowsRejected",
              finished.rowsRejected()));
      return finished;
    } catch (Ingestion.DatasetBusy busy) {
      throw busy;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      long rejects = 0;
      if (context != null) {
        context.flushQuietly();
        rejects = context.rejectCount();
        try {
          context.recordProgress();
        } catch (RuntimeException ignored) {
          // the database may be why the run failed
        }
      }
      String reason = oneLine(e);
      log.warn("Ingestion run {} ({}) failed: {}", runId, loader.kind(), reason);
      log.debug("Ingestion run {} failure", runId, e);
      runs.fail(runId, reason, rejects);
      try {
        audit.recordFor(
            null,
            null,
            "ingestion",
            "ingestion.run",
            loader.kind() + " #" + runId,
            AuditOutcome.FAILURE,
            Map.of("error", reason));
      } catch (RuntimeException auditFailed) {
        log.warn("Could not audit the failure of run {}: {}", runId, auditFailed.getMessage());
      }
      throw new IngestionFailed(runId, reason, e);
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (var statement = connection.prepareStatement("SELECT pg_backend_pid()");
        var rs = statement.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * A session-level advisory lock held on its own connection for the length of the run; null when
   * another holds it.
   */
  private static @Nullable HeldLock tryLock(Connection connection, DatasetLoader loader)
      throws SQLException {
    String key = "medsales-ingest:" + loader.dataset().key();
    try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      statement.setString(1, key);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1) ? new HeldLock(connection, key) : null;
      }
    }
  }

  /**
   * Released by a statement before its connection closes: closing only asks the server to end the
   * session, which lets go of the lock a moment later, so a run started right after this one (the
   * next command, the next test) could find the dataset still "in progress".
   */
  private record HeldLock(Connection connection, String key) implements AutoCloseable {
    @Override
    public void close() {
      try (var statement = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
        statement.setString(1, key);
        statement.execute();
      } catch (SQLException e) {
        // a broken connection: its session's end releases the lock all the same
      }
    }
  }

  static String oneLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof java.nio.file.NoSuchFileException) {
      message = "No such file: " + t.getMessage();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
