package com.medsales.targeting;

import java.util.UUID;

/**
 * A dynamic list's re-evaluation changed its members: {@code joined} providers joined and {@code
 * left} left, as {@code GET /api/v1/target-lists/{listId}/changes} shows change {@code changeId}.
 * Published in the transaction that recorded the change (notifications send LIST_CHANGED on it).
 */
public record TargetListReevaluated(
    UUID tenantId, UUID listId, long changeId, int joined, int left) {}
