import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { accountHref, contactHref, paths } from '@/config/paths';
import { apiClient } from '@/lib/api-client';

import { enumLabel, formatAmount, formatDay } from '../utils/labels';
import { ACTIVITIES_PATH, activitySchema } from './activities';
import { OPPORTUNITIES_PATH, opportunitySchema } from './opportunities';
import { crmQueryKey } from './records';
import { optionalString } from './schema';
import { TASKS_PATH, taskSchema } from './tasks';

/** The kinds of record whose list has a "recently deleted" view here (contacts and accounts have their own). */
export const DELETED_KINDS = ['tasks', 'opportunities', 'activities'] as const;
export type DeletedKind = (typeof DELETED_KINDS)[number];

export function isDeletedKind(value: string | null | undefined): value is DeletedKind {
  return (DELETED_KINDS as readonly string[]).includes(value ?? '');
}

/** A deleted record as the recently deleted view shows it, whatever its kind. */
export type DeletedRecord = {
  id: string;
  kind: DeletedKind;
  /** What it was: the task's title, the deal's name, the activity's kind and subject. */
  name: string;
  /** A line of facts that tell it apart: due date and contact, stage and amount, when and with whom. */
  detail: string;
  deletedAt: string | null;
  deletedByName: string | null;
  /** Where it shows again once restored. */
  home: { href: string; label: string };
};

const deletion = { deletedAt: optionalString, deletedByName: optionalString };
const deletedTask = taskSchema.extend(deletion);
const deletedDeal = opportunitySchema.extend(deletion);
const deletedActivity = activitySchema.extend(deletion);

const facts = (...parts: (string | null | undefined)[]) => parts.filter((part) => part && part !== '—').join(' · ');

const sources = {
  tasks: {
    path: TASKS_PATH,
    schema: z.array(deletedTask),
    record: (task: z.output<typeof deletedTask>): DeletedRecord => ({
      id: task.id,
      kind: 'tasks',
      name: task.title,
      detail: facts(
        task.dueDate ? `due ${formatDay(task.dueDate)}` : null,
        task.contactName,
        task.assigneeName ? `for ${task.assigneeName}` : null,
      ),
      deletedAt: task.deletedAt,
      deletedByName: task.deletedByName,
      home: { href: paths.tasks, label: 'My tasks' },
    }),
  },
  opportunities: {
    path: OPPORTUNITIES_PATH,
    schema: z.array(deletedDeal),
    record: (deal: z.output<typeof deletedDeal>): DeletedRecord => ({
      id: deal.id,
      kind: 'opportunities',
      name: deal.name,
      detail: facts(deal.stageName, formatAmount(deal.amount), deal.accountName),
      deletedAt: deal.deletedAt,
      deletedByName: deal.deletedByName,
      home: { href: paths.pipeline, label: 'the pipeline' },
    }),
  },
  activities: {
    path: ACTIVITIES_PATH,
    schema: z.array(deletedActivity),
    record: (activity: z.output<typeof deletedActivity>): DeletedRecord => {
      const attendee = activity.attendees[0];
      return {
        id: activity.id,
        kind: 'activities',
        name: `${enumLabel(activity.kind)}: ${activity.subject ?? ''}`.trim(),
        detail: facts(
          activity.occurredAt ? formatDay(activity.occurredAt) : null,
          activity.attendees.map((a) => a.name).join(', ') || null,
          activity.accountName,
        ),
        deletedAt: activity.deletedAt,
        deletedByName: activity.deletedByName,
        home: attendee
          ? { href: contactHref(attendee.contactId), label: `${attendee.name ?? 'the contact'}'s timeline` }
          : activity.accountId
            ? { href: accountHref(activity.accountId), label: `${activity.accountName ?? 'the account'}'s timeline` }
            : { href: paths.contacts, label: 'the contacts' },
      };
    },
  },
};

/**
 * GET /api/v1/{tasks|opportunities|activities}?deleted=true: what the user may see that was deleted in the last 30
 * days, the latest deletion first. Its key starts with the CRM's, so a restore (which invalidates it) refreshes it.
 */
export function useDeletedRecords(kind: DeletedKind) {
  return useQuery({
    queryKey: [...crmQueryKey, kind, 'deleted'],
    queryFn: async ({ signal }): Promise<DeletedRecord[]> => {
      switch (kind) {
        case 'tasks': {
          const { path, schema, record } = sources.tasks;
          return (await apiClient.get(path, { schema, params: { deleted: true, size: 200 }, signal })).map(record);
        }
        case 'opportunities': {
          const { path, schema, record } = sources.opportunities;
          return (await apiClient.get(path, { schema, params: { deleted: true }, signal })).map(record);
        }
        case 'activities': {
          const { path, schema, record } = sources.activities;
          return (await apiClient.get(path, { schema, params: { deleted: true, size: 200 }, signal })).map(record);
        }
      }
    },
  });
}
