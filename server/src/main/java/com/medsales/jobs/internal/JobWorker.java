package com.medsales.jobs.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs jobs from the queues that this process's {@link JobHandler}s name. Each of {@code
 * concurrency} loops claims a job, renews its visibility while the handler runs, and completes,
 * fails or releases it. On shutdown the loops stop claiming, running jobs get {@code shutdownGrace}
 * to finish, and jobs still running after it are interrupted and released so another worker takes
 * them at once.
 */
class JobWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

  private final JobQueue queue;
  private final JobSettings settings;
  private final Map<String, JobHandler> handlers;
  private final Set<String> queues;
  private final String workerId;
  private final MeterRegistry meters;
  private final Map<Long, Thread> running = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private ExecutorService loops;
  private ScheduledExecutorService heartbeats;

  JobWorker(JobQueue queue, JobSettings settings, List<JobHandler> handlers, MeterRegistry meters) {
    this.queue = queue;
    this.settings = settings;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(JobWorker::key, Function.identity()));
    this.queues = handlers.stream().map(JobHandler::queue).collect(Collectors.toUnmodifiableSet());
    this.workerId =
        hostName()
            + "/"
            + ProcessHandle.current().pid()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    this.meters = meters;
  }

  @Override
  public synchronized void start() {
    if (loops != null || queues.isEmpty()) {
      return;
    }
    stopping = false;
    loops =
        Executors.newFixedThreadPool(
            settings.concurrency(), Thread.ofPlatform().name("job-worker-", 0).factory());
    heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-heartbeat").daemon().factory());
    for (int i = 0; i < settings.concurrency(); i++) {
      loops.submit(this::loop);
    }
    log.info("Job worker {} consuming {}", workerId, queues);
  }

  @Override
  public synchronized void stop() {
    if (loops == null) {
      return;
    }
    stopping = true;
    loops.shutdown();
    try {
      if (!loops.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Interrupting {} job(s) still running after {}; they are released",
            running.size(),
            settings.shutdownGrace());
        running.values().forEach(Thread::interrupt);
        loops.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    heartbeats.shutdownNow();
    loops = null;
  }

  @Override
  public boolean isRunning() {
    return loops != null;
  }

  /** Stop after the web server has stopped taking requests, before the data source closes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  String workerId() {
    return workerId;
  }

  private void loop() {
    while (!stopping) {
      try {
        var job = queue.claim(queues, workerId, settings.visibilityTimeout());
        if (job.isPresent()) {
          run(job.get());
        } else {
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the database is away, for example: wait and try again rather than spin
        log.warn("Job worker could not claim a job: {}", e.getMessage());
        try {
          Thread.sleep(Math.max(settings.pollInterval().toMillis(), 1000) * 5);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void run(Job job) {
    JobHandler handler = handlers.get(key(job.queue(), job.type()));
    if (handler == null) {
      queue.fail(
          job.id(), workerId, "No handler for job type " + job.type() + " on queue " + job.queue());
      count("failed", job);
      return;
    }
    long renewEvery = Math.max(settings.visibilityTimeout().toMillis() / 3, 100);
    var heartbeat =
        heartbeats.scheduleAtFixedRate(
            () -> {
              if (!queue.extend(job.id(), workerId, settings.visibilityTimeout())) {
                log.warn("Job {} was taken over by another worker while running", job.id());
              }
            },
            renewEvery,
            renewEvery,
            TimeUnit.MILLISECONDS);
    running.put(job.id().value(), Thread.currentThread());
    Timer.Sample sample = Timer.start(meters);
    try {
      handler.handle(job);
      queue.complete(job.id(), workerId);
      count("succeeded", job);
    } catch (InterruptedException e) {
      Thread.interrupted();
      queue.release(job.id(), workerId);
      count("released", job);
    } catch (Exception e) {
      if (stopping && Thread.interrupted()) {
        queue.release(job.id(), workerId);
        count("released", job);
      } else {
        log.warn(
            "Job {} ({}) failed on attempt {} of {}",
            job.id(),
            job.type(),
            job.attempts(),
            job.maxAttempts(),
            e);
        queue.fail(job.id(), workerId, describe(e));
        count(job.attempts() >= job.maxAttempts() ? "dead" : "failed", job);
      }
    } finally {
      heartbeat.cancel(false);
      running.remove(job.id().value());
      sample.stop(
          Timer.builder("medsales.jobs.duration")
              .tag("queue", job.queue())
              .tag("type", job.type())
              .register(meters));
    }
  }

  private void count(String outcome, Job job) {
    Counter.builder("medsales.jobs.processed")
        .description("Jobs processed, by outcome")
        .tag("queue", job.queue())
        .tag("type", job.type())
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message;
  }

  private static String key(JobHandler handler) {
    return key(handler.queue(), handler.type());
  }

  private static String key(String queue, String type) {
    return queue + "/" + type;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown-host";
    }
  }
}
