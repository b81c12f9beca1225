package com.medsales.export.internal;

import com.medsales.export.ExportFinished;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Whoever asked for an export is told when it is ready, or why it failed (EXPORT_READY). */
@Component
class ExportNotifications {

  private final Notifications notifications;

  ExportNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener(id = "export.notifications")
  void on(ExportFinished finished) {
    notifications.queue(
        NotificationType.EXPORT_READY, finished.tenantId(), finished.exportId().toString());
  }
}
