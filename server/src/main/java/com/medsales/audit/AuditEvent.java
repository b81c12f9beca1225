package com.medsales.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event of the trail: who ({@code actor}), when, from where ({@code clientIp}), what, and how
 * it ended.
 */
public record AuditEvent(
    long id,
    @Nullable UUID tenantId,
    Instant occurredAt,
    @Nullable UUID actorId,
    @Nullable String actor,
    @Nullable String clientIp,
    String action,
    @Nullable String target,
    AuditOutcome outcome,
    Map<String, Object> details,
    String hash) {}
