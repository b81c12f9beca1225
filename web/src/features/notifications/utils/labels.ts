const LABELS: Record<string, string> = {
  PROVIDER_CHANGED: 'Provider changed',
  NEW_PAYMENTS: 'New payments',
  SEGMENT_MOVED: 'Segment moved',
  LIST_CHANGED: 'Target list changed',
  TASK_DUE: 'Task due',
  ASSIGNED: 'Assigned to me',
  EXPORT_READY: 'Export ready',
  IMPORT_DONE: 'Import done',
};

/** A notification type as people say it. */
export function typeLabel(type: string): string {
  return LABELS[type] ?? type;
}
