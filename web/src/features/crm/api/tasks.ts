import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { crmQueryKey, recordPath } from './records';
import { optionalString } from './schema';

export const TASKS_PATH = '/api/v1/tasks';

export const taskSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  notes: optionalString,
  assigneeId: optionalString,
  assigneeName: optionalString,
  dueDate: optionalString,
  remindAt: optionalString,
  priority: optionalString,
  status: z.string(),
  overdue: z.boolean().nullish(),
  contactId: optionalString,
  contactName: optionalString,
  accountId: optionalString,
  opportunityId: optionalString,
  activityId: optionalString,
  completedAt: optionalString,
  createdAt: optionalString,
});
export type Task = z.output<typeof taskSchema>;

export type TaskFilters = { mine?: boolean; status?: string; contactId?: string; accountId?: string; opportunityId?: string };

/** GET /api/v1/tasks: overdue first, then by due date. */
export function useTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: [...crmQueryKey, 'tasks', filters],
    queryFn: ({ signal }) =>
      apiClient.get(TASKS_PATH, { schema: z.array(taskSchema), params: { ...filters, size: 100 }, signal }),
  });
}

/** PATCH /api/v1/tasks/{id} {version, status: DONE}. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Pick<Task, 'id' | 'version'>) =>
      apiClient.patch(recordPath('tasks', task.id), { version: task.version, status: 'DONE' }, { schema: taskSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

export type NewTask = {
  title: string;
  notes?: string;
  dueDate?: string;
  /** When the assignee is reminded (TASK_DUE), an ISO instant. */
  remindAt?: string;
  priority?: string;
  contactId?: string;
  accountId?: string;
  opportunityId?: string;
};

/** POST /api/v1/tasks: a task of my own, optionally about a contact, an account or a deal. */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: NewTask) => apiClient.post(TASKS_PATH, task, { schema: taskSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}
