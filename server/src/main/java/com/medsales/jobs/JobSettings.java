package com.medsales.jobs;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval how often an idle worker looks for work
 * @param visibilityTimeout how long a claimed job stays invisible; a running job's worker renews it
 *     every third of it
 * @param maxAttempts default attempts before a job is dead
 * @param backoffBase delay before the first retry, doubled with each further attempt
 * @param backoffMax the longest delay between retries
 * @param concurrency jobs one worker process runs at once
 * @param shutdownGrace how long a stopping worker waits for running jobs before releasing them
 * @param retention how long finished jobs are kept
 * @param backend where jobs are kept: {@code postgres} (the {@code job} table, the default) or
 *     {@code sqs} (Amazon SQS)
 * @param sqs the SQS queues, when {@code backend} is {@code sqs}
 */
@Validated
@ConfigurationProperties("medsales.jobs")
public record JobSettings(
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("5m") Duration visibilityTimeout,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("10s") Duration backoffBase,
    @DefaultValue("1h") Duration backoffMax,
    @DefaultValue("2") int concurrency,
    @DefaultValue("20s") Duration shutdownGrace,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("postgres") Backend backend,
    @DefaultValue Sqs sqs) {

  public enum Backend {
    POSTGRES,
    SQS
  }

  /**
   * Each logical queue {@code q} is the SQS queue {@code <queuePrefix>q}, with its dead-letter
   * queue {@code <queuePrefix>q-dlq} named in its redrive policy (Terraform creates both).
   *
   * @param queuePrefix prepended to each queue's name, e.g. {@code medsales-prod-} ({@code
   *     SQS_QUEUE_PREFIX})
   * @param endpoint another SQS-compatible endpoint (ElasticMQ in tests); blank for AWS ({@code
   *     SQS_ENDPOINT})
   * @param region the AWS region ({@code AWS_REGION})
   * @param receiveWait how long one receive waits for a message (SQS long polling, at most 20 s)
   * @param queues the queues whose depth is reported and whose dead letters {@code retry} searches
   */
  public record Sqs(
      @DefaultValue("") String queuePrefix,
      @Nullable String endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("1s") Duration receiveWait,
      @DefaultValue({"ingestion", "notification", "exports"}) List<String> queues) {

    public String queueName(String queue) {
      return queuePrefix + queue;
    }

    public String deadLetterQueueName(String queue) {
      return queuePrefix + queue + "-dlq";
    }
  }
}
