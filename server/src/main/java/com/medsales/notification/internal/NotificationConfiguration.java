package com.medsales.notification.internal;

import com.medsales.jobs.JobQueue;
import com.medsales.notification.NotificationSettings;
import com.medsales.notification.Notifications;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The notification worker: delivery over the channels that are configured, and the sweeps. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.NOTIFICATION_WORKER)
class NotificationConfiguration {

  @Bean
  Deliveries deliveries(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      NotificationSettings settings,
      JobQueue jobs,
      MeterRegistry meters) {
    return new Deliveries(
        jdbc,
        transactions,
        settings,
        settings.smtp().enabled() ? new Mailer(settings.smtp()) : null,
        settings.fcm().enabled() ? new FcmClient(settings.fcm()) : null,
        jobs,
        meters);
  }

  @Bean
  Sweeps notificationSweeps(
      Notifications notifications, Deliveries deliveries, BulkConnections bulk, JobQueue jobs) {
    return new Sweeps(notifications, deliveries, bulk, jobs);
  }
}
