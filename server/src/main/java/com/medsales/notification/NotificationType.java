package com.medsales.notification;

/** What a notification is about; each user chooses its channels per type. */
public enum NotificationType {
  PROVIDER_CHANGED,
  NEW_PAYMENTS,
  SEGMENT_MOVED,
  LIST_CHANGED,
  TASK_DUE,
  ASSIGNED,
  EXPORT_READY,
  IMPORT_DONE
}
