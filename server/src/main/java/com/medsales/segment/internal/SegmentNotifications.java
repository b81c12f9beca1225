package com.medsales.segment.internal;

import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.segment.BasketRecomputed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a recomputation is live, the watchers of providers who moved two deciles or more are told
 * (SEGMENT_MOVED), by the notification worker.
 */
@Component
class SegmentNotifications {

  private final Notifications notifications;

  SegmentNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener(id = "segment.notifications")
  void on(BasketRecomputed recomputed) {
    notifications.queue(
        NotificationType.SEGMENT_MOVED,
        recomputed.tenantId(),
        String.valueOf(recomputed.computationId()));
  }
}
