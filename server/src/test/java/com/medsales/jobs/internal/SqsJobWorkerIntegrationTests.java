package com.medsales.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code medsales.jobs.backend: sqs} in a running application: the SQS queue replaces the
 * PostgreSQL one and the worker runs jobs from it (ElasticMQ on loopback; credentials from the
 * SDK's default chain, as on ECS).
 */
@SpringBootTest
@DirtiesContext
class SqsJobWorkerIntegrationTests {

  static final SQSRestServer server =
      SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();

  @DynamicPropertySource
  static void sqs(DynamicPropertyRegistry registry) {
    int port = server.waitUntilStarted().localAddress().getPort();
    String endpoint = "http://127.0.0.1:" + port;
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    try (var client = SqsJobQueueUnitTests.client(endpoint)) {
      SqsJobQueueUnitTests.createQueueWithRedrive(client, "medsales-it-", "sqs-worker-tests", 5);
      // the api role's worker also consumes the exports queue, as the Terraform module creates it
      SqsJobQueueUnitTests.createQueueWithRedrive(client, "medsales-it-", "exports", 5);
    }
    registry.add("medsales.jobs.backend", () -> "sqs");
    registry.add("medsales.jobs.sqs.endpoint", () -> endpoint);
    registry.add("medsales.jobs.sqs.queue-prefix", () -> "medsales-it-");
    registry.add("medsales.jobs.sqs.queues", () -> "sqs-worker-tests,exports");
    registry.add("medsales.roles", () -> "api");
  }

  @AfterAll
  static void stop() {
    server.stopAndWait();
  }

  @TestConfiguration
  static class Handlers {
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @Bean
    JobHandler sqsEcho() {
      return JobWorkerIntegrationTests.Handlers.handler(
          "echo", job -> seen.add(job.payload()), "sqs-worker-tests");
    }
  }

  @Autowired JobQueue queue;
  @Autowired ApplicationContext context;

  @Test
  void theWorkerRunsJobsFromSqs() {
    assertThat(queue).isInstanceOf(SqsJobQueue.class);
    assertThat(context.getBeanNamesForType(PostgresJobQueue.class)).isEmpty();

    queue.enqueue(JobRequest.of("sqs-worker-tests", "echo", "{\"via\": \"sqs\"}"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Handlers.seen.contains("{\"via\": \"sqs\"}"));
    await().atMost(Duration.ofSeconds(5)).until(() -> queue.depth().isEmpty());
  }
}
