package com.medsales.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.jobs.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class PostgresJobQueueIntegrationTests {

  static final List<String> QUEUE = List.of("queue-tests");
  static final Duration VISIBILITY = Duration.ofMinutes(5);

  @Autowired JobQueue queue;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyQueue() {
    jdbc.sql("DELETE FROM job WHERE queue = 'queue-tests'").update();
  }

  @Test
  void deliversAJobOnceWhileItsLockHoldsAndCompletesIt() {
    JobId id = queue.enqueue(JobRequest.of("queue-tests", "echo", "{\"n\": 1}"));

    var claimed = queue.claim(QUEUE, "w1", VISIBILITY).orElseThrow();
    assertThat(claimed.id()).isEqualTo(id);
    assertThat(claimed.payload()).isEqualTo("{\"n\": 1}");
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(queue.claim(QUEUE, "w2", VISIBILITY)).isEmpty();

    queue.complete(id, "w1");
    assertThat(queue.find(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(queue.claim(QUEUE, "w2", VISIBILITY)).isEmpty();
  }

  @Test
  void concurrentWorkersNeverTakeTheSameJob() throws Exception {
    for (int i = 0; i < 40; i++) {
      queue.enqueue(JobRequest.of("queue-tests", "echo", "{}"));
    }
    var claimed = JobQueueChecks.claimConcurrently(queue, QUEUE, 4, VISIBILITY);
    assertThat(claimed.taken()).hasSize(40);
    assertThat(claimed.duplicates()).isZero();
  }

  @Test
  void redeliversAJobWhoseVisibilityTimeoutRanOut() {
    JobId id = queue.enqueue(JobRequest.of("queue-tests", "echo", "{}"));
    queue.claim(QUEUE, "crashed-worker", Duration.ofMillis(1)).orElseThrow();
    await(() -> queue.claim(QUEUE, "w2", VISIBILITY).isPresent());

    var job = queue.find(id).orElseThrow();
    assertThat(job.lockedBy()).isEqualTo("w2");
    assertThat(job.attempts()).isEqualTo(2);
    // the worker that lost it can no longer complete it
    queue.complete(id, "crashed-worker");
    assertThat(queue.find(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void retriesAFailedJobAfterABackoffThenMovesItToTheDeadLetterState() {
    JobId id = queue.enqueue(JobRequest.of("queue-tests", "flaky", "{}").withMaxAttempts(2));

    queue.claim(QUEUE, "w1", VISIBILITY).orElseThrow();
    Instant failedAt = Instant.now();
    queue.fail(id, "w1", "boom 1");
    var retrying = queue.find(id).orElseThrow();
    assertThat(retrying.status()).isEqualTo(JobStatus.READY);
    assertThat(retrying.lastError()).isEqualTo("boom 1");
    assertThat(retrying.runAt()).isAfter(failedAt); // backoff: not due at once
    assertThat(queue.claim(QUEUE, "w1", VISIBILITY)).isEmpty();

    jdbc.sql("UPDATE job SET run_at = now() WHERE id = :id").param("id", id.value()).update();
    queue.claim(QUEUE, "w1", VISIBILITY).orElseThrow();
    queue.fail(id, "w1", "boom 2");

    var dead = queue.find(id).orElseThrow();
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.attempts()).isEqualTo(2);
    assertThat(dead.finishedAt()).isNotNull();
    assertThat(queue.claim(QUEUE, "w1", VISIBILITY)).isEmpty();
    assertThat(queue.depth()).contains(new JobQueue.QueueDepth("queue-tests", JobStatus.DEAD, 1));

    assertThat(queue.retry(id)).isTrue();
    assertThat(queue.claim(QUEUE, "w1", VISIBILITY)).isPresent();
  }

  @Test
  void backoffGrowsWithEachAttempt() {
    JobId id = queue.enqueue(JobRequest.of("queue-tests", "flaky", "{}").withMaxAttempts(5));
    long previous = 0;
    for (int attempt = 1; attempt <= 3; attempt++) {
      jdbc.sql("UPDATE job SET run_at = now() WHERE id = :id").param("id", id.value()).update();
      queue.claim(QUEUE, "w1", VISIBILITY).orElseThrow();
      queue.fail(id, "w1", "boom");
      long delay =
          jdbc.sql("SELECT extract(epoch FROM run_at - now())::bigint FROM job WHERE id = :id")
              .param("id", id.value())
              .query(Long.class)
              .single();
      assertThat(delay).isGreaterThan(previous);
      previous = delay;
    }
  }

  @Test
  void releasedJobIsDeliveredAgainAtOnceWithoutCountingTheAttempt() {
    JobId id = queue.enqueue(JobRequest.of("queue-tests", "long", "{}"));
    queue.claim(QUEUE, "stopping-worker", VISIBILITY).orElseThrow();

    queue.release(id, "stopping-worker");

    var again = queue.claim(QUEUE, "w2", VISIBILITY).orElseThrow();
    assertThat(again.id()).isEqualTo(id);
    assertThat(again.attempts()).isEqualTo(1);
  }

  @Test
  void aDedupeKeyAllowsOneUnfinishedJob() {
    JobId first =
        queue.enqueue(JobRequest.of("queue-tests", "ingest", "{}").dedupedBy("ingest:nppes"));
    JobId second =
        queue.enqueue(JobRequest.of("queue-tests", "ingest", "{}").dedupedBy("ingest:nppes"));
    assertThat(second).isEqualTo(first);

    queue.claim(QUEUE, "w1", VISIBILITY).orElseThrow();
    queue.complete(first, "w1");
    JobId third =
        queue.enqueue(JobRequest.of("queue-tests", "ingest", "{}").dedupedBy("ingest:nppes"));
    assertThat(third).isNotEqualTo(first);
  }

  @Test
  void extendingKeepsTheJobFromOtherWorkers() {
    JobId id = queue.enqueue(JobRequest.of("queue-tests", "long", "{}"));
    queue.claim(QUEUE, "w1", Duration.ofSeconds(1)).orElseThrow();
    assertThat(queue.extend(id, "w1", VISIBILITY)).isTrue();
    assertThat(queue.extend(id, "someone-else", VISIBILITY)).isFalse();
    jdbc.sql("SELECT pg_sleep(1.2)").query(Object.class).list();
    assertThat(queue.claim(QUEUE, "w2", VISIBILITY)).isEmpty();
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition::getAsBoolean);
  }
}
