package com.medsales.jobs.internal;

import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobSettings;
import com.medsales.jobs.JobStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class JobsConfiguration {

  @Bean
  JobWorker jobWorker(
      JobQueue queue,
      JobSettings settings,
      ObjectProvider<JobHandler> handlers,
      MeterRegistry meters) {
    return new JobWorker(queue, settings, handlers.orderedStream().toList(), meters);
  }

  @Bean
  QueueGauges queueGauges(JobQueue queue, MeterRegistry meters) {
    return new QueueGauges(queue, meters);
  }

  @Bean
  @ConditionalOnProperty(
      name = "medsales.jobs.backend",
      havingValue = "postgres",
      matchIfMissing = true)
  JobHousekeeping jobHousekeeping(PostgresJobQueue queue, JobSettings settings) {
    return new JobHousekeeping(queue, settings);
  }

  /**
   * {@code medsales.jobs.backend: sqs}: the queues live in Amazon SQS (credentials from the task
   * role).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "medsales.jobs.backend", havingValue = "sqs")
  static class Sqs {

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(JobSettings settings) {
      var builder = SqsClient.builder().region(Region.of(settings.sqs().region()));
      String endpoint = settings.sqs().endpoint();
      if (endpoint != null && !endpoint.isBlank()) {
        builder.endpointOverride(URI.create(endpoint));
      }
      return builder.build();
    }

    @Bean
    SqsJobQueue sqsJobQueue(SqsClient sqs, JobSettings settings) {
      return new SqsJobQueue(sqs, settings);
    }
  }

  /**
   * {@code medsales_jobs_depth{queue,status}}: how many jobs wait, run or lie dead in each queue,
   * read every 15 s with one grouped query rather than on every scrape.
   */
  static final class QueueGauges {
    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);
    private final JobQueue queue;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    QueueGauges(JobQueue queue, MeterRegistry meters) {
      this.queue = queue;
      this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${medsales.jobs.depth-refresh:15s}", initialDelayString = "5s")
    void refresh() {
      List<JobQueue.QueueDepth> depth;
      try {
        depth = queue.depth();
      } catch (RuntimeException e) {
        log.debug("Queue depth not read: {}", e.getMessage());
        return;
      }
      values.values().forEach(v -> v.set(0));
      for (var d : depth) {
        gauge(d.queue(), d.status()).set(d.count());
      }
    }

    private AtomicLong gauge(String queueName, JobStatus status) {
      return values.computeIfAbsent(
          queueName + "/" + status,
          k -> {
            var value = new AtomicLong();
            Gauge.builder("medsales.jobs.depth", value, AtomicLong::get)
                .description("Jobs in the queue, by status")
                .tag("queue", queueName)
                .tag("status", status.name())
                .register(meters);
            return value;
          });
    }
  }

  static final class JobHousekeeping {
    private static final Logger log = LoggerFactory.getLogger(JobHousekeeping.class);
    private final PostgresJobQueue queue;
    private final JobSettings settings;

    JobHousekeeping(PostgresJobQueue queue, JobSettings settings) {
      this.queue = queue;
      this.settings = settings;
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "1m")
    void purge() {
      try {
        int purged = queue.purgeFinished(settings.retention());
        if (purged > 0) {
          log.info("Purged {} finished jobs older than {}", purged, settings.retention());
        }
      } catch (RuntimeException e) {
        log.debug("Job purge skipped: {}", e.getMessage());
      }
    }
  }
}
