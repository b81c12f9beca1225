package com.medsales.jobs.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import com.medsales.jobs.JobSettings;
import com.medsales.jobs.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The job queue on Amazon SQS, with the PostgreSQL queue's semantics:
 *
 * <ul>
 *   <li><b>claim</b> receives one message with the given visibility timeout; SQS keeps it from
 *       other consumers until then, and delivers it again after it (at least once).
 *   <li><b>attempts</b> are SQS's receive count plus the attempts a message carried over from an
 *       earlier copy of itself ({@code prior-attempts}): a <b>release</b> sends a fresh copy that
 *       does not count the attempt, then deletes the original.
 *   <li><b>retries</b>: a failure hides the message for the backoff ({@code
 *       ChangeMessageVisibility}); after the job's last attempt it is moved to the queue's
 *       dead-letter queue. The queue's redrive policy moves a message that keeps killing its
 *       workers there as well.
 * </ul>
 *
 * <p>The message body is the job's payload; its id, type and limits travel as message attributes.
 * What SQS cannot do: {@link #find} knows only the jobs this process holds, and dedupe keys are
 * refused (standard queues have none; use the PostgreSQL queue, or a lock in the handler, as
 * ingestion's dataset lock does).
 */
class SqsJobQueue implements JobQueue {

  private static final Logger log = LoggerFactory.getLogger(SqsJobQueue.class);
  private static final int MAX_DELAY_SECONDS = 900;
  private static final int MAX_VISIBILITY_SECONDS = 43_200;

  static final String ID = "job-id";
  static final String TYPE = "job-type";
  static final String QUEUE = "job-queue";
  static final String MAX_ATTEMPTS = "max-attempts";
  static final String PRIOR_ATTEMPTS = "prior-attempts";
  static final String RUN_AT = "run-at";
  static final String CREATED_AT = "created-at";
  static final String LAST_ERROR = "last-error";

  private final SqsClient sqs;
  private final JobSettings settings;
  private final Map<String, String> urls = new ConcurrentHashMap<>();
  private final Map<Long, Held> held = new ConcurrentHashMap<>();

  /** A message this process received and has not yet completed, failed or released. */
  private record Held(String queueUrl, String receiptHandle, Job job) {}

  SqsJobQueue(SqsClient sqs, JobSettings settings) {
    this.sqs = sqs;
    this.settings = settings;
  }

  @Override
  public JobId enqueue(JobRequest request) {
    if (request.dedupeKey() != null) {
      throw new UnsupportedOperationException(
          "Dedupe keys need the PostgreSQL job queue; SQS standard queues cannot keep one job per key");
    }
    var id = new JobId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    Instant now = Instant.now();
    Instant runAt = request.runAt() != null ? request.runAt() : now;
    int maxAttempts =
        request.maxAttempts() != null ? request.maxAttempts() : settings.maxAttempts();
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    attributes.put(ID, number(id.value()));
    attributes.put(TYPE, text(request.type()));
    attributes.put(QUEUE, text(request.queue()));
    attributes.put(MAX_ATTEMPTS, number(maxAttempts));
    attributes.put(PRIOR_ATTEMPTS, number(0));
    attributes.put(RUN_AT, text(runAt.toString()));
    attributes.put(CREATED_AT, text(now.toString()));
    send(url(request.queue()), request.payload(), attributes, delaySeconds(runAt));
    return id;
  }

  @Override
  public Optional<Job> claim(Collection<String> queues, String worker, Duration visibility) {
    for (String queue : queues) {
      String url = url(queue);
      var messages =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(url)
                          .maxNumberOfMessages(1)
                          .visibilityTimeout(visibilitySeconds(visibility))
                          .waitTimeSeconds(
                              (int) Math.min(20, settings.sqs().receiveWait().toSeconds()))
                          .messageSystemAttributeNames(
                              MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                              MessageSystemAttributeName.SENT_TIMESTAMP)
                          .messageAttributeNames("All"))
              .messages();
      for (var message : messages) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        Instant runAt = Instant.parse(attributes.get(RUN_AT).stringValue());
        if (runAt.isAfter(Instant.now().plusSeconds(1))) {
          // longer than SQS's longest delay: send it on again, without counting this receive
          send(url, message.body(), attributes, delaySeconds(runAt));
          delete(url, message.receiptHandle());
          continue;
        }
        int receives =
            Integer.parseInt(
                message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        int attempts = intValue(attributes, PRIOR_ATTEMPTS) + receives;
        var job =
            new Job(
                new JobId(Long.parseLong(attributes.get(ID).stringValue())),
                queue,
                attributes.get(TYPE).stringValue(),
                message.body(),
                JobStatus.RUNNING,
                attempts,
                intValue(attributes, MAX_ATTEMPTS),
                runAt,
                Instant.now().plus(visibility),
                worker,
                null,
                Instant.parse(attributes.get(CREATED_AT).stringValue()),
                null);
        if (job.attempts() > job.maxAttempts()) {
          // its workers died on every attempt: dead, as the redrive policy would have made it
          moveToDeadLetters(
              url, queue, message.body(), attributes, message.receiptHandle(), "Out of attempts");
          continue;
        }
        held.put(job.id().value(), new Held(url, message.receiptHandle(), job));
        return Optional.of(job);
      }
    }
    return Optional.empty();
  }

  @Override
  public void complete(JobId id, String worker) {
    Held h = takeHeld(id, worker);
    if (h != null) {
      delete(h.queueUrl(), h.receiptHandle());
    }
  }

  @Override
  public void fail(JobId id, String worker, String error) {
    Held h = takeHeld(id, worker);
    if (h == null) {
      return;
    }
    Job job = h.job();
    if (job.attempts() >= job.maxAttempts()) {
      moveToDeadLetters(
          h.queueUrl(),
          job.queue(),
          job.payload(),
          attributesOf(job, job.attempts() - 1),
          h.receiptHandle(),
          error);
      return;
    }
    // the n-th failure waits backoffBase * 2^(n-1), at most backoffMax (and at most SQS's 12 hours)
    long backoff =
        Math.min(
            settings.backoffBase().toSeconds() << Math.min(job.attempts() - 1, 30),
            settings.backoffMax().toSeconds());
    changeVisibility(h, (int) Math.min(backoff, MAX_VISIBILITY_SECONDS));
  }

  @Override
  public void release(JobId id, String worker) {
    Held h = takeHeld(id, worker);
    if (h == null) {
      return;
    }
    // a fresh copy that does not count this attempt, sent before the original goes: at least once,
    // never lost
    send(h.queueUrl(), h.job().payload(), attributesOf(h.job(), h.job().attempts() - 1), 0);
    delete(h.queueUrl(), h.receiptHandle());
  }

  @Override
  public boolean extend(JobId id, String worker, Duration visibility) {
    Held h = held.get(id.value());
    if (h == null || !worker.equals(h.job().lockedBy())) {
      return false;
    }
    return changeVisibility(h, visibilitySeconds(visibility));
  }

  @Override
  public boolean retry(JobId id) {
    for (String queue : settings.sqs().queues()) {
      String deadLetters = deadLettersUrl(queue);
      List<String> passedOver = new ArrayList<>();
      try {
        for (int round = 0; round < 20; round++) {
          var messages =
              sqs.receiveMessage(
                      r ->
                          r.queueUrl(deadLetters)
                              .maxNumberOfMessages(10)
                              .visibilityTimeout(30)
                              .messageAttributeNames("All"))
                  .messages();
          if (messages.isEmpty()) {
            break;
          }
          for (var message : messages) {
            var attributes = new HashMap<>(message.messageAttributes());
            if (Long.parseLong(attributes.get(ID).stringValue()) != id.value()) {
              passedOver.add(message.receiptHandle());
              continue;
            }
            attributes.put(PRIOR_ATTEMPTS, number(0));
            attributes.put(RUN_AT, text(Instant.now().toString()));
            attributes.remove(LAST_ERROR);
            send(url(attributes.get(QUEUE).stringValue()), message.body(), attributes, 0);
            delete(deadLetters, message.receiptHandle());
            return true;
          }
        }
      } finally {
        passedOver.forEach(
            receipt ->
                sqs.changeMessageVisibility(
                    r -> r.queueUrl(deadLetters).receiptHandle(receipt).visibilityTimeout(0)));
      }
    }
    return false;
  }

  /** Only the jobs this process holds: SQS cannot look a message up by id. */
  @Override
  public Optional<Job> find(JobId id) {
    return Optional.ofNullable(held.get(id.value())).map(Held::job);
  }

  @Override
  public List<QueueDepth> depth() {
    List<QueueDepth> result = new ArrayList<>();
    for (String queue : settings.sqs().queues()) {
      var counts =
          sqs.getQueueAttributes(
                  r ->
                      r.queueUrl(url(queue))
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              .attributes();
      long dead =
          count(
              sqs.getQueueAttributes(
                      r ->
                          r.queueUrl(deadLettersUrl(queue))
                              .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                  .attributes(),
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      long ready =
          count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
              + count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
      long running = count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
      add(result, queue, JobStatus.READY, ready);
      add(result, queue, JobStatus.RUNNING, running);
      add(result, queue, JobStatus.DEAD, dead);
    }
    return result;
  }

  private static void add(List<QueueDepth> result, String queue, JobStatus status, long count) {
    if (count > 0) {
      result.add(new QueueDepth(queue, status, count));
    }
  }

  private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    String value = attributes.get(name);
    return value == null ? 0 : Long.parseLong(value);
  }

  private @Nullable Held takeHeld(JobId id, String worker) {
    Held h = held.get(id.value());
    if (h == null || !worker.equals(h.job().lockedBy())) {
      return null; // not ours (any more): change nothing, as the PostgreSQL queue does
    }
    held.remove(id.value());
    return h;
  }

  private boolean changeVisibility(Held h, int seconds) {
    try {
      sqs.changeMessageVisibility(
          r ->
              r.queueUrl(h.queueUrl()).receiptHandle(h.receiptHandle()).visibilityTimeout(seconds));
      return true;
    } catch (SqsException e) {
      log.warn("Job {}: visibility not changed: {}", h.job().id(), e.getMessage());
      return false;
    }
  }

  private void moveToDeadLetters(
      String queueUrl,
      String queue,
      String body,
      Map<String, MessageAttributeValue> attributes,
      String receiptHandle,
      String error) {
    var dead = new HashMap<>(attributes);
    dead.put(LAST_ERROR, text(error.length() > 1000 ? error.substring(0, 1000) : error));
    send(deadLettersUrl(queue), body, dead, 0);
    delete(queueUrl, receiptHandle);
  }

  private Map<String, MessageAttributeValue> attributesOf(Job job, int priorAttempts) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    attributes.put(ID, number(job.id().value()));
    attributes.put(TYPE, text(job.type()));
    attributes.put(QUEUE, text(job.queue()));
    attributes.put(MAX_ATTEMPTS, number(job.maxAttempts()));
    attributes.put(PRIOR_ATTEMPTS, number(Math.max(priorAttempts, 0)));
    attributes.put(RUN_AT, text(Instant.now().toString()));
    attributes.put(CREATED_AT, text(job.createdAt().toString()));
    return attributes;
  }

  private void send(
      String url, String body, Map<String, MessageAttributeValue> attributes, int delaySeconds) {
    sqs.sendMessage(
        r ->
            r.queueUrl(url)
                .messageBody(body)
                .messageAttributes(attributes)
                .delaySeconds(delaySeconds));
  }

  private void delete(String url, String receiptHandle) {
    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(receiptHandle));
  }

  /** The URL of a logical queue's SQS queue. */
  private String url(String queue) {
    return sqsUrl(settings.sqs().queueName(queue));
  }

  private String deadLettersUrl(String queue) {
    return sqsUrl(settings.sqs().deadLetterQueueName(queue));
  }

  private String sqsUrl(String sqsName) {
    return urls.computeIfAbsent(
        sqsName, name -> sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
  }

  private static int delaySeconds(Instant runAt) {
    long seconds = Duration.between(Instant.now(), runAt).toSeconds();
    return (int) Math.clamp(seconds, 0, MAX_DELAY_SECONDS);
  }

  private static int visibilitySeconds(Duration visibility) {
    long seconds = (visibility.toMillis() + 999) / 1000;
    return (int) Math.clamp(seconds, 0, MAX_VISIBILITY_SECONDS);
  }

  private static int intValue(Map<String, MessageAttributeValue> attributes, String name) {
    return Integer.parseInt(attributes.get(name).stringValue());
  }

  private static MessageAttributeValue number(long value) {
    return MessageAttributeValue.builder()
        .dataType("Number")
        .stringValue(Long.toString(value))
        .build();
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
