package com.medsales.jobs;

/**
 * Runs jobs of one type. Declare handlers as beans under the role that runs them
 * ({@code @ConditionalOnRole(INGESTION_WORKER)}): the worker of a process consumes exactly the
 * queues its handlers name, so a process without the role never takes the role's jobs.
 *
 * <p>Delivery is at least once: a handler must be idempotent. It should stop promptly when its
 * thread is interrupted (shutdown); the job is then released, not failed.
 */
public interface JobHandler {

  String queue();

  String type();

  void handle(Job job) throws Exception;
}
