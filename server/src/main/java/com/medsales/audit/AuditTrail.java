package com.medsales.audit;

import com.medsales.platform.TenantPrincipal;
import com.medsales.platform.TenantScope;
import com.medsales.shared.LikePatterns;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and reads the audit trail. Appending goes through the database function {@code
 * medsales_audit_append}, which links the event into its chain under a lock; the application's role
 * cannot change or delete an event. Appends run in a transaction of their own, so a failure that
 * rolls back the caller's work is still recorded.
 */
@Service
public class AuditTrail {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate readOnly;

  AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /**
   * An event by whoever is signed in, in their tenant's chain (the platform's for an operator or no
   * one).
   */
  public void record(
      String action, @Nullable String target, AuditOutcome outcome, Map<String, ?> details) {
    TenantPrincipal principal = TenantScope.principal();
    if (principal != null) {
      append(
          principal.tenantId(),
          principal.userId(),
          principal.username(),
          action,
          target,
          outcome,
          details);
    } else {
      append(TenantScope.current().tenantId(), null, null, action, target, outcome, details);
    }
  }

  /** An event whose actor is not (or not yet) signed in, such as a failed sign-in. */
  public void recordFor(
      @Nullable UUID tenantId,
      @Nullable UUID actorId,
      @Nullable String actor,
      String action,
      @Nullable String target,
      AuditOutcome outcome,
      Map<String, ?> details) {
    append(tenantId, actorId, actor, action, target, outcome, details);
  }

  private void append(
      @Nullable UUID tenantId,
      @Nullable UUID actorId,
      @Nullable String actor,
      String action,
      @Nullable String target,
      AuditOutcome outcome,
      Map<String, ?> details) {
    String ip = clientIp();
    ownTransaction.executeWithoutResult(
        tx ->
            jdbc.sql("SELECT medsales_audit_append(?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
                .params(
                    tenantId,
                    actorId,
                    actor,
                    ip,
                    action,
                    target,
                    outcome.name(),
                    JSON.writeValueAsString(details))
                .query(Long.class)
                .single());
  }

  private static @Nullable String clientIp() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  public record Query(
      @Nullable String action,
      @Nullable String actor,
      @Nullable AuditOutcome outcome,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Long before,
      int size) {}

  /**
   * The caller's chain, newest first: a tenant's events for its users, the platform's for an
   * operator (row-level security decides). {@code before} is the last id of the previous page.
   */
  public List<AuditEvent> search(Query q) {
    return readOnly.execute(
        tx ->
            jdbc.sql(
                    """
                    SELECT * FROM audit_event
                    WHERE (tenant_id = medsales_tenant() OR (medsales_tenant() IS NULL AND tenant_id IS NULL))
                      AND (CAST(:action AS text) IS NULL OR action = :action OR action LIKE :actionPrefix || '.%')
                      AND (CAST(:actor AS text) IS NULL OR lower(actor) = lower(:actor))
                      AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome)
                      AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                      AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                      AND (CAST(:before AS bigint) IS NULL OR id < :before)
                    ORDER BY id DESC LIMIT :size
                    """)
                .param("action", q.action())
                .param("actionPrefix", LikePatterns.literal(q.action()))
                .param("actor", q.actor())
                .param("outcome", q.outcome() == null ? null : q.outcome().name())
                .param(
                    "from",
                    q.from() == null
                        ? null
                        : OffsetDateTime.ofInstant(q.from(), java.time.ZoneOffset.UTC))
                .param(
                    "to",
                    q.to() == null
                        ? null
                        : OffsetDateTime.ofInstant(q.to(), java.time.ZoneOffset.UTC))
                .param("before", q.before())
                .param("size", q.size())
                .query(AuditTrail::event)
                .list());
  }

  /**
   * The result of checking a chain: how many events were checked and the first whose link is
   * broken, if any.
   */
  public record Verification(
      long eventsChecked,
      boolean intact,
      @Nullable Long firstBrokenEventId,
      @Nullable String reason) {}

  /**
   * Recomputes the caller's chain: each event's hash from its predecessor's hash and its own
   * content, and each event's link to the event before it. A changed row fails the first check; a
   * removed one the second.
   */
  public Verification verify() {
    return readOnly.execute(
        tx -> {
          long checked =
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE tenant_id = medsales_tenant()"
                          + " OR (medsales_tenant() IS NULL AND tenant_id IS NULL)")
                  .query(Long.class)
                  .single();
          Optional<Verification> broken =
              jdbc.sql(
                      """
                      SELECT id,
                             CASE WHEN prev_hash IS DISTINCT FROM expected_prev THEN 'the link to the previous event is broken'
                                  ELSE 'the event does not match its hash' END AS reason
                      FROM (
                        SELECT e.id, e.hash, e.prev_hash,
                               lag(e.hash) OVER (ORDER BY e.id) AS expected_prev,
                               sha256(coalesce(e.prev_hash, '\\x'::bytea) || medsales_audit_payload(e)) AS recomputed
                        FROM audit_event e
                        WHERE e.tenant_id = medsales_tenant() OR (medsales_tenant() IS NULL AND e.tenant_id IS NULL)
                      ) chain
                      WHERE hash <> recomputed OR prev_hash IS DISTINCT FROM expected_prev
                      ORDER BY id LIMIT 1
                      """)
                  .query(
                      (rs, n) ->
                          new Verification(0, false, rs.getLong("id"), rs.getString("reason")))
                  .optional();
          return broken
              .map(b -> new Verification(checked, false, b.firstBrokenEventId(), b.reason()))
              .orElse(new Verification(checked, true, null, null));
        });
  }

  private static AuditEvent event(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor"),
        rs.getString("client_ip"),
        rs.getString("action"),
        rs.getString("target"),
        AuditOutcome.valueOf(rs.getString("outcome")),
        JSON.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {}),
        HexFormat.of().formatHex(rs.getBytes("hash")));
  }
}
