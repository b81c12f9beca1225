import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { PRIORITIES } from '../api/activities';
import { useCreateTask, type NewTask } from '../api/tasks';
import { enumLabel, isoDay } from '../utils/labels';

/** What a new task is about: the contact, account or deal whose page it is made on (none on "My tasks"). */
export type TaskSubject = Pick<NewTask, 'contactId' | 'accountId' | 'opportunityId'>;

const newTaskSchema = z.object({
  title: z.string().trim().min(1, 'Say what is to be done.').max(300, 'At most 300 characters.'),
  dueDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'A date, or nothing.'),
  remindAt: z.string().regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, 'A date and time, or nothing.'),
  priority: z.enum(PRIORITIES),
  notes: z.string().max(10_000, 'At most 10,000 characters.'),
});

type NewTaskFormProps = { subject: TaskSubject; onDone: () => void };

/** A task of my own, without logging a call first: what, when, how urgent, about the page's record. */
export function NewTaskForm({ subject, onDone }: NewTaskFormProps) {
  const create = useCreateTask();
  const form = useForm({ title: '', dueDate: isoDay(7), remindAt: '', priority: 'NORMAL', notes: '' });
  const onSubmit = form.handleSubmit(
    newTaskSchema,
    ({ title, dueDate, remindAt, priority, notes }) =>
      create.mutate(
        {
          ...subject,
          title,
          dueDate: dueDate || undefined,
          // the browser's local time, sent as an instant
          remindAt: remindAt ? new Date(remindAt).toISOString() : undefined,
          priority,
          notes: notes.trim() || undefined,
        },
        { onSuccess: onDone, onError: form.showError },
      ),
    create.reset,
  );
  return (
    <Form formRef={form.formRef} layout="row" label="New task" onSubmit={onSubmit} testId="new-task-form">
      <Field label="Task" errors={form.errors.title} grow>
        {(control) => <input {...control} {...form.text('title')} autoFocus />}
      </Field>
      <Field label="Due date" errors={form.errors.dueDate}>
        {(control) => <input {...control} type="date" {...form.text('dueDate')} />}
      </Field>
      <Field label="Remind me" errors={form.errors.remindAt}>
        {(control) => <input {...control} type="datetime-local" {...form.text('remindAt')} />}
      </Field>
      <Field label="Priority" errors={form.errors.priority}>
        {(control) => (
          <select {...control} {...form.text('priority')}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {enumLabel(priority)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Notes" errors={form.errors.notes} grow>
        {(control) => <input {...control} {...form.text('notes')} />}
      </Field>
      <div className={formStyles.actions}>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add task'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {create.isError ? <FormAlert other={form.other}>Could not add the task: {getErrorMessage(create.error)}</FormAlert> : null}
    </Form>
  );
}
