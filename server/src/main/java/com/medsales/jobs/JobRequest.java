package com.medsales.jobs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to run: {@code type} selects the {@link JobHandler}, {@code payload} is its JSON input.
 *
 * @param runAt when it may start; null for now
 * @param maxAttempts attempts before the job is dead; null for the queue's default
 * @param dedupeKey at most one waiting or running job per key; null for no limit
 */
public record JobRequest(
    String queue,
    String type,
    String payload,
    @Nullable Instant runAt,
    @Nullable Integer maxAttempts,
    @Nullable String dedupeKey) {

  public static JobRequest of(String queue, String type, String payload) {
    return new JobRequest(queue, type, payload, null, null, null);
  }

  public JobRequest dedupedBy(String key) {
    return new JobRequest(queue, type, payload, runAt, maxAttempts, key);
  }

  public JobRequest withMaxAttempts(int attempts) {
    return new JobRequest(queue, type, payload, runAt, attempts, dedupeKey);
  }
}
