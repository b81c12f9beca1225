package com.medsales.notification.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.notification.Notifications;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Sends one user's e-mail and push of one batch ({@link Deliveries}). A failure is retried with the
 * job queue's backoff; the last failure leaves the job dead (the queue's dead-letter state, or the
 * SQS queue's DLQ) for operators to see and retry.
 */
@Component
@ConditionalOnRole(Role.NOTIFICATION_WORKER)
class DeliveryJobs implements JobHandler {

  private final Deliveries deliveries;

  DeliveryJobs(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public String queue() {
    return Notifications.QUEUE;
  }

  @Override
  public String type() {
    return Notifications.DELIVER;
  }

  @Override
  public void handle(Job job) throws Exception {
    deliveries.deliver(
        Notifications.Delivery.of(job.payload()), job.attempts() >= job.maxAttempts());
  }
}
