package com.medsales.targeting.internal;

import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.targeting.TargetListReevaluated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A re-evaluation that changed a dynamic list's members tells its owner (LIST_CHANGED). */
@Component
class ListNotifications {

  private final Notifications notifications;

  ListNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener(id = "targeting.notifications")
  void on(TargetListReevaluated reevaluated) {
    if (reevaluated.joined() + reevaluated.left() > 0) {
      notifications.queue(
          NotificationType.LIST_CHANGED,
          reevaluated.tenantId(),
          String.valueOf(reevaluated.changeId()));
    }
  }
}
