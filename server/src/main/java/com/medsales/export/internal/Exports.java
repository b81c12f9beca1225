package com.medsales.export.internal;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.export.ExportFinished;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.export.ExportTooLarge;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.TokenScope;
import com.medsales.identity.UserRole;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.platform.ConflictingState;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordGone;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.RequestRefused;
import com.medsales.storage.FileStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports: requested (checked, counted against the role's cap, queued), run by the job worker as
 * the user who asked, listed, downloaded, and removed once expired. Every request, refusal, end and
 * download is in the audit trail.
 */
@Service
public class Exports {

  public static final String QUEUE = "exports";
  static final String JOB_TYPE = "export";
  static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger(Exports.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int PROGRESS_EVERY = 5_000;

  private final JdbcClient jdbc;
  private final Map<String, ExportSource> sources;
  private final JobQueue queue;
  private final FileStore files;
  private final AuditTrail audit;
  private final ExportSettings settings;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  Exports(
      JdbcClient jdbc,
      List<ExportSource> sources,
      JobQueue queue,
      FileStore files,
      AuditTrail audit,
      ExportSettings settings,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.sources =
        sources.stream()
            .collect(
                Collectors.toMap(
                    ExportSource::kind, Function.identity(), (a, b) -> a, TreeMap::new));
    this.queue = queue;
    this.files = files;
    this.audit = audit;
    this.settings = settings;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  public enum Format {
    CSV,
    XLSX
  }

  public record Requested(UUID id, String status) {}

  /** An export as {@code GET /api/v1/exports/{id}} shows it. */
  public record ExportView(
      UUID id,
      String kind,
      String format,
      String status,
      long rows,
      int progress,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      @Nullable String error,
      @Nullable String downloadUrl) {}

  /** The kinds there are, by name. */
  public Set<String> kinds() {
    return sources.keySet();
  }

  /**
   * Checks the parameters with the list's own rules, counts the rows against the user's cap and
   * queues the export.
   */
  public Requested request(
      MedsalesUser user, String kind, Format format, Map<String, @Nullable Object> params) {
    if (user.tenantId() == null) {
      // an export belongs to a tenant's user (its row, its file's place, row-level security)
      throw new com.medsales.platform.NotPermitted("Exports are for a tenant's users.");
    }
    ExportSource source = sources.get(kind);
    if (source == null) {
      throw InvalidFields.of("kind", "must be one of " + String.join(", ", sources.keySet()));
    }
    ExportParams checked = new ExportParams(params);
    source.check(checked);
    checked.throwIfRejected();
    String role = role(user);
    long cap = cap(user);
    long rows = source.count(checked, cap);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind);
    details.put("format", format.name());
    details.put("params", checked.asMap());
    if (rows > cap) {
      long exact = source.count(checked, ExportSettings.UNLIMITED);
      details.put("rows", exact);
      details.put("limit", cap);
      audit.record("export.request", null, AuditOutcome.DENIED, details);
      throw new ExportTooLarge(exact, cap, role);
    }
    if (format == Format.XLSX && rows > XlsxWriter.MAX_ROWS) {
      throw InvalidFields.of(
          "format",
          "XLSX holds at most %d rows and this export has %d: take CSV"
              .formatted(XlsxWriter.MAX_ROWS, rows));
    }
    UUID id =
        transaction.execute(
            tx -> {
              UUID created =
                  jdbc.sql(
                          """
                          INSERT INTO export (tenant_id, user_id, username, display_name, roles, kind, format, params,
                                              expected_rows, row_limit, expires_at)
                          VALUES (:tenant, :user, :username, :name, :roles, :kind, :format, CAST(:params AS jsonb),
                                  :rows, :limit, now() + :retention * interval '1 second')
                          RETURNING id
                          """)
                      .param("tenant", user.tenantId())
                      .param("user", user.userId())
                      .param("username", user.username())
                      .param("name", user.displayName())
                      .param("roles", user.roles().stream().map(Enum::name).toArray(String[]::new))
                      .param("kind", kind)
                      .param("format", format.name())
                      .param("params", JSON.writeValueAsString(checked.asMap()))
                      .param("rows", rows)
                      .param("limit", cap == ExportSettings.UNLIMITED ? null : cap)
                      .param("retention", settings.retention().toSeconds())
                      .query(UUID.class)
                      .single();
              queue.enqueue(
                  JobRequest.of(
                          QUEUE,
                          JOB_TYPE,
                          JSON.writeValueAsString(
                              Map.of(
                                  "id",
                                  created.toString(),
                                  "tenantId",
                                  String.valueOf(user.tenantId()),
                                  "userId",
                                  user.userId().toString())))
                      .withMaxAttempts(3));
              return created;
            });
    details.put("rows", rows);
    audit.record("export.request", String.valueOf(id), AuditOutcome.SUCCESS, details);
    return new Requested(id, "QUEUED");
  }

  private long cap(MedsalesUser user) {
    if (user.has(UserRole.ADMIN) || user.has(UserRole.OPERATOR)) {
      return settings.maxRowsAdmin() == null
          ? ExportSettings.UNLIMITED
          : ExportSettings.limit(settings.maxRowsAdmin());
    }
    if (user.has(UserRole.MANAGER)) {
      return ExportSettings.limit(settings.maxRowsManager());
    }
    return ExportSettings.limit(settings.maxRowsRep());
  }

  private static String role(MedsalesUser user) {
    if (user.has(UserRole.ADMIN) || user.has(UserRole.OPERATOR)) {
      return "admin";
    }
    return user.has(UserRole.MANAGER) ? "manager" : "rep";
  }

  private static final String VIEW =
      """
      SELECT id, kind, format, status, rows_written, expected_rows, created_at, expires_at, error, file_key,
             file_removed_at
      FROM export
      """;

  /** One of the caller's exports; another's, or another tenant's, is not found. */
  public ExportView find(MedsalesUser user, UUID id) {
    return read(
        () ->
            jdbc.sql(VIEW + " WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", user.userId())
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFound("The export")));
  }

  /** The caller's exports, newest first (the last 100). */
  public List<ExportView> mine(MedsalesUser user) {
    return read(
        () ->
            jdbc.sql(VIEW + " WHERE user_id = :user ORDER BY created_at DESC, id LIMIT 100")
                .param("user", user.userId())
                .query((rs, n) -> view(rs))
                .list());
  }

  private <T> T read(java.util.function.Supplier<T> work) {
    TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
    readOnly.setReadOnly(true);
    return readOnly.execute(tx -> work.get());
  }

  private static ExportView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    String status = rs.getString("status");
    long rows = rs.getLong("rows_written");
    long expected = rs.getLong("expected_rows");
    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
    boolean available =
        "DONE".equals(status)
            && rs.getString("file_key") != null
            && rs.getObject("file_removed_at") == null
            && expires.isAfter(OffsetDateTime.now());
    int progress =
        switch (status) {
          case "DONE" -> 100;
          case "RUNNING" -> expected == 0 ? 0 : (int) Math.min(99, rows * 100 / expected);
          default -> 0;
        };
    UUID id = rs.getObject("id", UUID.class);
    return new ExportView(
        id,
        rs.getString("kind"),
        rs.getString("format"),
        status,
        rows,
        progress,
        rs.getObject("created_at", OffsetDateTime.class),
        expires,
        rs.getString("error"),
        available ? "/api/v1/exports/" + id + "/download" : null);
  }

  /** A finished export's file: a presigned link to S3, or the local file's bytes. */
  public record Download(
      @Nullable URI link, @Nullable InputStream content, String filename, String contentType) {}

  /** The file of a finished export, audited; 410 once it has expired, 409 before it is done. */
  public Download download(MedsalesUser user, UUID id) {
    record Row(
        String kind,
        String format,
        String status,
        @Nullable String fileKey,
        OffsetDateTime created,
        OffsetDateTime expires,
        boolean removed) {}
    Row row =
        read(
            () ->
                jdbc.sql(
                        "SELECT kind, format, status, file_key, created_at, expires_at, file_removed_at IS NOT NULL"
                            + " FROM export WHERE id = :id AND user_id = :user")
                    .param("id", id)
                    .param("user", user.userId())
                    .query(
                        (rs, n) ->
                            new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class),
                                rs.getObject(6, OffsetDateTime.class),
                                rs.getBoolean(7)))
                    .optional()
                    .orElseThrow(() -> new RecordNotFound("The export")));
    if (row.removed() || !row.expires().isAfter(OffsetDateTime.now())) {
      audit.record(
          "export.download", id.toString(), AuditOutcome.DENIED, Map.of("reason", "expired"));
      throw new RecordGone(
          "The export expired at " + row.expires().withOffsetSameInstant(ZoneOffset.UTC) + ".");
    }
    if (!"DONE".equals(row.status()) || row.fileKey() == null) {
      throw new ConflictingState(
          "The export is " + row.status() + ", not ready to download.",
          Map.of("status", row.status()));
    }
    String extension = row.format().equals("XLSX") ? "xlsx" : "csv";
    String filename =
        "medsales-%s-%s.%s"
            .formatted(
                row.kind(),
                row.created().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
                extension);
    String type =
        extension.equals("xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8";
    audit.record(
        "export.download",
        id.toString(),
        AuditOutcome.SUCCESS,
        Map.of("kind", row.kind(), "format", row.format()));
    if (files.remote()) {
      return new Download(files.downloadLink(row.fileKey(), LINK_VALIDITY), null, filename, type);
    }
    try {
      return new Download(null, files.open(row.fileKey()), filename, type);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new RecordGone("The export's file is no longer kept.");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- the job

  /**
   * Runs a queued export as the user who asked: their principal on this thread, so that every
   * transaction of the list's code carries their tenant and user to row-level security.
   */
  void run(UUID tenantId, UUID userId, UUID id) throws InterruptedException {
    com.medsales.platform.TenantScope scope =
        new com.medsales.platform.TenantScope(tenantId, userId, false, false);
    record Pending(
        String kind,
        String format,
        String status,
        String params,
        @Nullable Long limit,
        String username,
        String displayName,
        String[] roles) {}
    Pending pending =
        scope.call(
            () ->
                read(
                    () ->
                        jdbc.sql(
                                "SELECT kind, format, status, params::text, row_limit, username, display_name, roles"
                                    + " FROM export WHERE id = :id")
                            .param("id", id)
                            .query(
                                (rs, n) ->
                                    new Pending(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getObject(5, Long.class),
                                        rs.getString(6),
                                        rs.getString(7),
                                        (String[]) rs.getArray(8).getArray()))
                            .optional()
                            .orElse(null)));
    if (pending == null || pending.status().equals("DONE") || pending.status().equals("FAILED")) {
      return;
    }
    Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
    Arrays.stream(pending.roles()).map(UserRole::valueOf).forEach(roles::add);
    MedsalesUser user =
        new MedsalesUser(
            userId,
            tenantId,
            pending.username(),
            pending.displayName(),
            roles,
            TokenScope.READ_WRITE,
            null);
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    SecurityContextHolder.setContext(context);
    try {
      write(user, id, pending.kind(), pending.format(), pending.params(), pending.limit());
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  private void write(
      MedsalesUser user,
      UUID id,
      String kind,
      String format,
      String paramsJson,
      @Nullable Long limit)
      throws InterruptedException {
    update(
        "UPDATE export SET status = 'RUNNING', started_at = now(), rows_written = 0, error = NULL"
            + " WHERE id = :id",
        Map.of("id", id));
    Path temp = null;
    long[] written = {0};
    try {
      ExportSource source = sources.get(kind);
      if (source == null) {
        throw new IllegalStateException("No export source for kind " + kind);
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> params = JSON.readValue(paramsJson, Map.class);
      ExportParams checked = new ExportParams(params);
      source.check(checked);
      checked.throwIfRejected();
      temp = Files.createTempFile("medsales-export-", "." + format.toLowerCase());
      long[] lastReport = {System.nanoTime()};
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
          TableWriter writer = TableWriter.of(format, source.columns(), out)) {
        source.write(
            checked,
            limit == null ? ExportSettings.UNLIMITED : limit,
            values -> {
              if (Thread.currentThread().isInterrupted()) {
                throw new Stopped();
              }
              try {
                writer.row(values);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              written[0]++;
              if (written[0] % PROGRESS_EVERY == 0
                  && System.nanoTime() - lastReport[0] > 1_000_000_000L) {
                lastReport[0] = System.nanoTime();
                update(
                    "UPDATE export SET rows_written = :rows WHERE id = :id",
                    Map.of("id", id, "rows", written[0]));
              }
            });
      }
      String key = "exports/" + user.tenantId() + "/" + id + "." + format.toLowerCase();
      files.put(key, temp);
      long bytes = Files.size(temp);
      finish(
          user,
          id,
          "DONE",
          written[0],
          "UPDATE export SET status = 'DONE', rows_written = :rows, bytes = :bytes, file_key = :key,"
              + " finished_at = now(), expires_at = now() + :retention * interval '1 second'"
              + " WHERE id = :id",
          Map.of(
              "id",
              id,
              "rows",
              written[0],
              "bytes",
              bytes,
              "key",
              key,
              "retention",
              settings.retention().toSeconds()),
          Map.of("kind", kind, "format", format, "rows", written[0], "bytes", bytes));
    } catch (Stopped e) {
      update("UPDATE export SET status = 'QUEUED' WHERE id = :id", Map.of("id", id));
      throw new InterruptedException("Export " + id + " stopped by shutdown");
    } catch (Exception e) {
      String error =
          e instanceof RequestRefused refused
              ? refused.getMessage()
              : "The export failed (" + e.getClass().getSimpleName() + "); try again.";
      log.warn("export {} failed", id, e);
      finish(
          user,
          id,
          "FAILED",
          written[0],
          "UPDATE export SET status = 'FAILED', error = :error, finished_at = now() WHERE id = :id",
          Map.of("id", id, "error", error),
          Map.of("kind", kind, "format", format, "error", error));
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          log.warn("could not delete {}", temp, e);
        }
      }
    }
  }

  /** Stops a running export when its thread is interrupted. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private void update(String sql, Map<String, ?> params) {
    transaction.executeWithoutResult(tx -> jdbc.sql(sql).params(params).update());
  }

  private void finish(
      MedsalesUser user,
      UUID id,
      String status,
      long rows,
      String sql,
      Map<String, ?> params,
      Map<String, ?> details) {
    transaction.executeWithoutResult(
        tx -> {
          jdbc.sql(sql).params(params).update();
          events.publishEvent(new ExportFinished(user.tenantId(), user.userId(), id, status));
        });
    audit.record(
        "export." + (status.equals("DONE") ? "complete" : "fail"),
        id.toString(),
        status.equals("DONE") ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
        details);
    log.info("export {} {}: {} rows", id, status, rows);
  }

  // ---- expiry

  /**
   * Deletes the files of expired exports from the store (S3's lifecycle rule does the same there)
   * and marks them removed. Runs as the platform's operator scope, across tenants.
   */
  public int removeExpired() {
    var operator = new com.medsales.platform.TenantScope(null, null, true, false);
    record Expired(UUID id, String key) {}
    List<Expired> expired =
        operator.call(
            () ->
                read(
                    () ->
                        jdbc.sql(
                                "SELECT id, file_key FROM export WHERE expires_at <= now()"
                                    + " AND file_key IS NOT NULL AND file_removed_at IS NULL LIMIT 1000")
                            .query(
                                (rs, n) ->
                                    new Expired(rs.getObject(1, UUID.class), rs.getString(2)))
                            .list()));
    int removed = 0;
    for (Expired e : expired) {
      try {
        files.delete(e.key());
      } catch (IOException | RuntimeException failure) {
        log.warn("could not remove expired export {} ({})", e.id(), e.key(), failure);
        continue;
      }
      operator.run(
          () ->
              update(
                  "UPDATE export SET file_removed_at = now() WHERE id = :id",
                  Map.of("id", e.id())));
      removed++;
    }
    return removed;
  }
}
