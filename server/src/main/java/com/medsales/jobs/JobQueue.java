package com.medsales.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A durable queue of jobs. Delivery is at least once: a claimed job that is neither completed,
 * failed nor released before its visibility timeout runs out is delivered again, so handlers must
 * be idempotent.
 */
public interface JobQueue {

  /**
   * Adds a job. With a {@link JobRequest#dedupeKey()}, a job with the same key that is still
   * waiting or running is returned instead of a new one, so "only one run per dataset at a time"
   * needs no extra locking.
   */
  JobId enqueue(JobRequest request);

  /**
   * Hands one due job of the given queues to {@code worker}, invisible to others for {@code
   * visibility}.
   */
  Optional<Job> claim(Collection<String> queues, String worker, Duration visibility);

  /** The job succeeded. */
  void complete(JobId id, String worker);

  /**
   * The job failed: it is retried after a backoff that grows with each attempt, or, after its last
   * attempt, moved to the dead-letter state where it waits for {@link #retry(JobId)}.
   */
  void fail(JobId id, String worker, String error);

  /** Gives the job back unfinished (a worker shutting down), without counting the attempt. */
  void release(JobId id, String worker);

  /**
   * Keeps a long job invisible to others for another {@code visibility}. Returns false when the job
   * was lost.
   */
  boolean extend(JobId id, String worker, Duration visibility);

  /** Sends a dead job back to the queue with fresh attempts (the operator's manual retry). */
  boolean retry(JobId id);

  Optional<Job> find(JobId id);

  /** How many jobs each queue holds, by status. */
  List<QueueDepth> depth();

  record QueueDepth(String queue, JobStatus status, long count) {}
}
