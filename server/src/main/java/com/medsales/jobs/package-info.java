/**
 * The durable job queue the API uses to hand work to the workers: at-least-once delivery, a
 * visibility timeout, retries with backoff and a dead-letter state. PostgreSQL implements it
 * ({@code FOR UPDATE SKIP LOCKED}, the default), and so does Amazon SQS ({@code
 * medsales.jobs.backend: sqs}, a redrive policy to each queue's dead-letter queue).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package com.medsales.jobs;

import org.jspecify.annotations.NullMarked;
