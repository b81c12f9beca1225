package com.medsales.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.jobs.JobSettings;
import com.medsales.jobs.JobStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS job queue against a real SQS-compatible server (ElasticMQ on loopback), with the queues
 * as Terraform makes them: a queue and its dead-letter queue named in a redrive policy. The same
 * behaviours as the PostgreSQL queue's tests, plus what only SQS does.
 */
class SqsJobQueueUnitTests {

  static final Duration VISIBILITY = Duration.ofMinutes(5);
  static SQSRestServer server;
  static SqsClient sqs;

  String queueName;
  List<String> queues;
  SqsJobQueue queue;

  @BeforeAll
  static void startElasticMq() {
    server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
    int port = server.waitUntilStarted().localAddress().getPort();
    sqs = client("http://127.0.0.1:" + port);
  }

  static SqsClient client(String endpoint) {
    return SqsClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  @AfterAll
  static void stopElasticMq() {
    sqs.close();
    server.stopAndWait();
  }

  @BeforeEach
  void freshQueues() {
    queueName = "q" + UUID.randomUUID().toString().substring(0, 8);
    queues = List.of(queueName);
    createQueueWithRedrive(sqs, "medsales-test-", queueName, 3);
    queue = new SqsJobQueue(sqs, settings("medsales-test-", List.of(queueName)));
  }

  /**
   * What Terraform's aws_sqs_queue pair does: a dead-letter queue and a queue whose redrive policy
   * names it.
   */
  static void createQueueWithRedrive(
      SqsClient sqs, String prefix, String queue, int maxReceiveCount) {
    String dlqUrl = sqs.createQueue(r -> r.queueName(prefix + queue + "-dlq")).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sqs.createQueue(
        r ->
            r.queueName(prefix + queue)
                .attributes(
                    Map.of(
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\""
                            + dlqArn
                            + "\",\"maxReceiveCount\":\""
                            + maxReceiveCount
                            + "\"}")));
  }

  static JobSettings settings(String prefix, List<String> queues) {
    return new JobSettings(
        Duration.ofMillis(100),
        VISIBILITY,
        5,
        Duration.ofSeconds(1),
        Duration.ofHours(1),
        2,
        Duration.ofSeconds(2),
        Duration.ofDays(30),
        JobSettings.Backend.SQS,
        new JobSettings.Sqs(prefix, null, "us-east-1", Duration.ZERO, queues));
  }

  @Test
  void deliversAJobOnceWhileItIsInvisibleAndCompletesIt() {
    JobId id = queue.enqueue(JobRequest.of(queueName, "echo", "{\"n\": 1}"));

    Job claimed = queue.claim(queues, "w1", VISIBILITY).orElseThrow();
    assertThat(claimed.id()).isEqualTo(id);
    assertThat(claimed.type()).isEqualTo("echo");
    assertThat(claimed.payload()).isEqualTo("{\"n\": 1}");
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.maxAttempts()).isEqualTo(5);
    assertThat(queue.claim(queues, "w2", VISIBILITY)).isEmpty();
    assertThat(queue.find(id)).map(Job::status).contains(JobStatus.RUNNING);

    queue.complete(id, "w1");
    assertThat(queue.find(id)).isEmpty();
    assertThat(queue.depth()).isEmpty();
    assertThat(queue.claim(queues, "w2", Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void concurrentWorkersNeverTakeTheSameJob() throws Exception {
    for (int i = 0; i < 20; i++) {
      queue.enqueue(JobRequest.of(queueName, "echo", "{}"));
    }
    var claimed = JobQueueChecks.claimConcurrently(queue, queues, 4, VISIBILITY);
    assertThat(claimed.taken()).hasSize(20);
    assertThat(claimed.duplicates()).isZero();
  }

  @Test
  void redeliversAJobWhoseVisibilityTimeoutRanOut() {
    JobId id = queue.enqueue(JobRequest.of(queueName, "echo", "{}"));
    queue.claim(queues, "crashed-worker", Duration.ofSeconds(1)).orElseThrow();

    Job again = awaitClaim("w2");

    assertThat(again.id()).isEqualTo(id);
    assertThat(again.attempts()).isEqualTo(2);
    assertThat(again.lockedBy()).isEqualTo("w2");
    // the worker that lost it can no longer complete it
    queue.complete(id, "crashed-worker");
    assertThat(queue.find(id)).map(Job::lockedBy).contains("w2");
  }

  @Test
  void retriesAFailedJobAfterABackoffThenMovesItToTheDeadLetterQueue() {
    JobId id = queue.enqueue(JobRequest.of(queueName, "flaky", "{}").withMaxAttempts(2));

    queue.claim(queues, "w1", VISIBILITY).orElseThrow();
    Instant failedAt = Instant.now();
    queue.fail(id, "w1", "boom 1");
    assertThat(queue.claim(queues, "w1", VISIBILITY)).isEmpty(); // backoff: not due at once

    Job second = awaitClaim("w1");
    assertThat(Duration.between(failedAt, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(second.attempts()).isEqualTo(2);
    queue.fail(id, "w1", "boom 2");

    assertThat(queue.claim(queues, "w1", Duration.ofSeconds(1))).isEmpty();
    assertThat(queue.depth()).contains(new JobQueue.QueueDepth(queueName, JobStatus.DEAD, 1));

    assertThat(queue.retry(id)).isTrue();
    Job retried = queue.claim(queues, "w1", VISIBILITY).orElseThrow();
    assertThat(retried.id()).isEqualTo(id);
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(queue.retry(new JobId(42))).isFalse();
  }

  @Test
  void theRedrivePolicyMovesAJobWhoseWorkersKeepDyingToTheDeadLetterQueue() {
    // more attempts than the queue's maxReceiveCount (3): only the redrive policy can make it dead
    JobId id = queue.enqueue(JobRequest.of(queueName, "poison", "{}").withMaxAttempts(10));
    for (int delivery = 1; delivery <= 3; delivery++) {
      Job job =
          delivery == 1
              ? queue.claim(queues, "w", Duration.ofSeconds(1)).orElseThrow()
              : awaitClaim("w", Duration.ofSeconds(1));
      assertThat(job.attempts()).isEqualTo(delivery);
    }
    // SQS moves it on the receive after the third, once the last visibility timeout ran out: never
    // delivered again
    var redelivered = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              queue.claim(queues, "w", VISIBILITY).ifPresent(job -> redelivered.incrementAndGet());
              return queue.depth().contains(new JobQueue.QueueDepth(queueName, JobStatus.DEAD, 1));
            });
    assertThat(redelivered).hasValue(0);

    assertThat(queue.retry(id)).isTrue();
    assertThat(queue.claim(queues, "w", VISIBILITY)).map(Job::id).contains(id);
  }

  @Test
  void releasedJobIsDeliveredAgainAtOnceWithoutCountingTheAttempt() {
    JobId id = queue.enqueue(JobRequest.of(queueName, "long", "{\"big\": true}"));
    queue.claim(queues, "stopping-worker", VISIBILITY).orElseThrow();

    queue.release(id, "stopping-worker");

    Job again = queue.claim(queues, "w2", VISIBILITY).orElseThrow();
    assertThat(again.id()).isEqualTo(id);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.payload()).isEqualTo("{\"big\": true}");
  }

  @Test
  void extendingKeepsTheJobFromOtherWorkers() throws Exception {
    JobId id = queue.enqueue(JobRequest.of(queueName, "long", "{}"));
    queue.claim(queues, "w1", Duration.ofSeconds(1)).orElseThrow();
    assertThat(queue.extend(id, "w1", VISIBILITY)).isTrue();
    assertThat(queue.extend(id, "someone-else", VISIBILITY)).isFalse();
    Thread.sleep(1500); // past the first visibility timeout: only the extension keeps it hidden
    assertThat(queue.claim(queues, "w2", VISIBILITY)).isEmpty();
  }

  @Test
  void aJobDueLaterIsNotDeliveredBeforeItsTime() {
    queue.enqueue(
        new JobRequest(queueName, "later", "{}", Instant.now().plusSeconds(2), null, null));
    assertThat(queue.claim(queues, "w1", VISIBILITY)).isEmpty();
    assertThat(awaitClaim("w1").type()).isEqualTo("later");
  }

  @Test
  void countsWaitingRunningAndDeadJobs() {
    queue.enqueue(JobRequest.of(queueName, "a", "{}"));
    queue.enqueue(JobRequest.of(queueName, "b", "{}"));
    queue.claim(queues, "w1", VISIBILITY).orElseThrow();

    assertThat(queue.depth())
        .containsExactlyInAnyOrder(
            new JobQueue.QueueDepth(queueName, JobStatus.READY, 1),
            new JobQueue.QueueDepth(queueName, JobStatus.RUNNING, 1));
  }

  @Test
  void refusesDedupeKeysItCannotKeep() {
    assertThatThrownBy(
            () -> queue.enqueue(JobRequest.of(queueName, "ingest", "{}").dedupedBy("ingest:nppes")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private Job awaitClaim(String worker) {
    return awaitClaim(worker, VISIBILITY);
  }

  private Job awaitClaim(String worker, Duration visibility) {
    var holder = new java.util.concurrent.atomic.AtomicReference<Optional<Job>>(Optional.empty());
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              holder.set(queue.claim(queues, worker, visibility));
              return holder.get().isPresent();
            });
    return holder.get().orElseThrow();
  }
}
