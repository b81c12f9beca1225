package com.medsales.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.jobs.JobStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/** The worker of a running application, with handlers for a test queue, against the real queue. */
@SpringBootTest
@DirtiesContext
class JobWorkerIntegrationTests {

  @TestConfiguration
  static class Handlers {
    static final List<String> seen = new CopyOnWriteArrayList<>();
    static final AtomicInteger flakyCalls = new AtomicInteger();
    static final CountDownLatch slowStarted = new CountDownLatch(1);

    @Bean
    JobHandler echo() {
      return handler("echo", job -> seen.add(job.payload()));
    }

    @Bean
    JobHandler flaky() {
      return handler(
          "flaky",
          job -> {
            if (flakyCalls.incrementAndGet() == 1) {
              throw new IllegalStateException("first try fails");
            }
          });
    }

    @Bean
    JobHandler slow() {
      return handler(
          "slow",
          job -> {
            slowStarted.countDown();
            Thread.sleep(60_000);
          });
    }

    interface Body {
      void run(Job job) throws Exception;
    }

    static JobHandler handler(String type, Body body) {
      return handler(type, body, "worker-tests");
    }

    static JobHandler handler(String type, Body body, String queue) {
      return new JobHandler() {
        @Override
        public String queue() {
          return queue;
        }

        @Override
        public String type() {
          return type;
        }

        @Override
        public void handle(Job job) throws Exception {
          body.run(job);
        }
      };
    }
  }

  @Autowired JobQueue queue;
  @Autowired JobWorker worker;
  @Autowired MeterRegistry meters;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void runsJobsAndRetriesFailuresThenReleasesRunningJobsOnShutdown() throws Exception {
    JobId echo = queue.enqueue(JobRequest.of("worker-tests", "echo", "{\"hello\": \"world\"}"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> queue.find(echo).orElseThrow().status() == JobStatus.SUCCEEDED);
    assertThat(Handlers.seen).containsExactly("{\"hello\": \"world\"}");

    JobId flaky = queue.enqueue(JobRequest.of("worker-tests", "flaky", "{}"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                queue.find(flaky).orElseThrow().attempts() == 1
                    && queue.find(flaky).orElseThrow().status() == JobStatus.READY);
    jdbc.sql("UPDATE job SET run_at = now() WHERE id = :id").param("id", flaky.value()).update();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> queue.find(flaky).orElseThrow().status() == JobStatus.SUCCEEDED);
    assertThat(queue.find(flaky).orElseThrow().attempts()).isEqualTo(2);
    assertThat(
            meters
                .get("medsales.jobs.processed")
                .tag("type", "flaky")
                .tag("outcome", "failed")
                .counter()
                .count())
        .isEqualTo(1.0);

    JobId slow = queue.enqueue(JobRequest.of("worker-tests", "slow", "{}"));
    assertThat(Handlers.slowStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(queue.find(slow).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

    worker.stop(); // what a SIGTERM does: grace, then interrupt and release

    var released = queue.find(slow).orElseThrow();
    assertThat(released.status()).isEqualTo(JobStatus.READY);
    assertThat(released.lockedBy()).isNull();
    assertThat(released.attempts()).isZero();
  }
}
