/**
 * The durable job queue the API uses to hand work to the workers: at-least-once delivery, a visibility timeout,
 * retries with backoff and a dead-letter state. PostgreSQL implements it here ({@code FOR UPDATE SKIP LOCKED}); SQS
 * will implement the same {@link com.medsales.jobs.JobQueue} for AWS.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package com.medsales.jobs;

import org.jspecify.annotations.NullMarked;
