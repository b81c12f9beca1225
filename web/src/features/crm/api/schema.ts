import { z } from 'zod';

import { lenientArray as list, lenientNumber as optionalNumber, lenientString as optionalString } from '@/lib/lenient-schema';

export { list, optionalNumber, optionalString };

/** One change of one field of a CRM record: GET /{records}/{id}/history. */
export const changeSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  field: z.string(),
  oldValue: z.unknown().optional(),
  newValue: z.unknown().optional(),
  /** The name of the user or account an id value stands for, when the user may see it. */
  oldName: optionalString,
  newName: optionalString,
  changedBy: optionalString,
  changedByName: optionalString,
  changedAt: z.string(),
});
export type RecordChange = z.output<typeof changeSchema>;

/** One event of a timeline: CRM work and public-data events, newest first. */
export const timelineEventSchema = z.looseObject({
  at: z.string(),
  source: z.string(),
  type: z.string(),
  title: z.string(),
  detail: optionalString,
  recordId: optionalString,
});
export type TimelineEvent = z.output<typeof timelineEventSchema>;

/** The signed-in user as the CRM pickers need them (owner, assignee). */
export type CrmUser = { id: string; displayName: string; roles: readonly string[] };
