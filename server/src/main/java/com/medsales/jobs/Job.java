package com.medsales.jobs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A job as stored. {@code attempts} counts deliveries, including the current one. */
public record Job(
    JobId id,
    String queue,
    String type,
    String payload,
    JobStatus status,
    int attempts,
    int maxAttempts,
    Instant runAt,
    @Nullable Instant lockedUntil,
    @Nullable String lockedBy,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant finishedAt) {}
