import { useState } from 'react';
import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Field, FormAlert } from '@/components/ui/form';
import { Panel } from '@/components/ui/panel';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { ACTIVITY_KINDS, PRIORITIES, useLogActivity, type Activity, type NewActivity } from '../api/activities';
import { enumLabel, isoDay } from '../utils/labels';
import { AttendeePicker, type Attendee } from './attendee-picker';
import styles from './crm.module.css';

export const logCallSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    subject: z.string().trim().min(1, 'Say what it was about.').max(300),
    outcome: z.string().trim().max(2000),
    nextStep: z.string().trim().max(2000),
    notes: z.string().trim().max(10000),
    followUp: z.enum(['yes', 'no']),
    followUpTitle: z.string().trim().max(300),
    dueDate: z.string().trim(),
    priority: z.enum(PRIORITIES),
  })
  .superRefine((values, context) => {
    if (values.followUp !== 'yes') return;
    if (!values.followUpTitle) {
      context.addIssue({ code: 'custom', path: ['followUpTitle'], message: 'Name the follow-up task.' });
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate)) {
      context.addIssue({ code: 'custom', path: ['dueDate'], message: 'Pick a due date.' });
    }
  });

/** The form's values as POST /api/v1/activities wants them. */
export function toNewActivity(values: z.output<typeof logCallSchema>, attendeeIds: string[]): NewActivity {
  return {
    kind: values.kind,
    subject: values.subject,
    outcome: values.outcome || undefined,
    nextStep: values.nextStep || undefined,
    notes: values.notes || undefined,
    attendeeIds,
    followUp:
      values.followUp === 'yes'
        ? { title: values.followUpTitle, dueDate: values.dueDate, priority: values.priority }
        : undefined,
  };
}

type LogCallFormProps = {
  attendee: Attendee;
  onLogged: (activity: Activity) => void;
};

/**
 * The field rep's form: one column on a phone, big touch targets, the kind as large buttons,
 * the contact and any other attendees, and a follow-up task (title, due date, priority) in the same submit.
 */
export function LogCallForm({ attendee, onLogged }: LogCallFormProps) {
  const log = useLogActivity();
  const form = useForm({
    kind: 'CALL',
    subject: '',
    outcome: '',
    nextStep: '',
    notes: '',
    followUp: 'no',
    followUpTitle: '',
    dueDate: isoDay(7),
    priority: 'NORMAL',
  });
  // Taken apart from `form`: given as `ref={form.formRef}`, the hooks lint would take all of `form` for a ref.
  const { formRef } = form;
  const followUp = form.values.followUp === 'yes';
  const [others, setOthers] = useState<Attendee[]>([]);

  const onSubmit = form.handleSubmit(
    logCallSchema,
    (values) =>
      log.mutate(toNewActivity(values, [attendee.id, ...others.map((other) => other.id)]), {
        onSuccess: onLogged,
        onError: form.showError,
      }),
    log.reset,
  );

  return (
    <Panel title={`Log a call with ${attendee.name}`} testId="log-call">
      <form ref={formRef} className={styles.touchForm} onSubmit={onSubmit} noValidate aria-label="Log a call">
        <fieldset className={`${styles.kinds} ${styles.wide}`}>
          <legend>Kind</legend>
          {ACTIVITY_KINDS.map((kind) => (
            <label key={kind} className={styles.kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={form.values.kind === kind}
                onChange={() => form.setValue('kind', kind)}
              />
              {enumLabel(kind)}
            </label>
          ))}
        </fieldset>
        <div className={styles.wide}>
          <Field label="Subject" errors={form.errors.subject}>
            {(control) => <input {...control} {...form.text('subject')} autoFocus />}
          </Field>
        </div>
        <Field label="Outcome" errors={form.errors.outcome}>
          {(control) => <input {...control} {...form.text('outcome')} />}
        </Field>
        <Field label="Next step" errors={form.errors.nextStep}>
          {(control) => <input {...control} {...form.text('nextStep')} />}
        </Field>
        <div className={styles.wide}>
          <Field label="Notes" errors={form.errors.notes}>
            {(control) => <textarea {...control} rows={3} {...form.text('notes')} />}
          </Field>
        </div>
        <AttendeePicker first={attendee} others={others} onChange={setOthers} />
        <label className={`${styles.kind} ${styles.wide}`}>
          <input
            type="checkbox"
            checked={followUp}
            onChange={(event) => form.setValue('followUp', event.target.checked ? 'yes' : 'no')}
          />
          Add a follow-up task
        </label>
        {followUp ? (
          <>
            <Field label="Follow-up task" errors={form.errors.followUpTitle}>
              {(control) => <input {...control} {...form.text('followUpTitle')} />}
            </Field>
            <Field label="Due date" errors={form.errors.dueDate}>
              {(control) => <input {...control} type="date" {...form.text('dueDate')} />}
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
          </>
        ) : null}
        <div className={styles.wide}>
          <Button type="submit" disabled={log.isPending}>
            {log.isPending ? 'Saving…' : 'Log it'}
          </Button>
        </div>
        {log.isError ? (
          <div className={styles.wide}>
            <FormAlert other={form.other}>Could not log it: {getErrorMessage(log.error)}</FormAlert>
          </div>
        ) : null}
      </form>
    </Panel>
  );
}
