package com.medsales.segment;

import java.util.UUID;

/**
 * A basket's data year was recomputed and its new results swapped in: {@code computationId} is the
 * live computation now, which {@link Segments#moves(long)} compares with the one before it.
 * Published in the swap's transaction, so a listener sees it only once the results are live.
 */
public record BasketRecomputed(UUID tenantId, UUID basketId, int year, long computationId) {}
