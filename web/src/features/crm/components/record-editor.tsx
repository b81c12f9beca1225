import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import { Panel } from '@/components/ui/panel';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { changedFields, conflictCurrent, formValuesOf, type Versioned } from '../utils/conflict';
import styles from './crm.module.css';

export type EditableField = {
  name: string;
  label: string;
  /** A select with these options instead of a text input. */
  options?: readonly { value: string; label: string }[];
  multiline?: boolean;
  hint?: string;
};

type Save = (
  change: { version: number; change: Record<string, unknown> },
  callbacks: { onSuccess: () => void; onError: (error: unknown) => void },
) => void;

type RecordEditorProps<R extends Versioned & Record<string, unknown>> = {
  title: string;
  record: R;
  fields: readonly EditableField[];
  save: Save;
  saving: boolean;
  /** Reads the record again (the query's refetch). */
  reload: () => void;
  testId?: string;
};

/**
 * The CRM fields of a record. Saving sends only the changed fields with the version read; when
 * someone else saved in between (409 with the record as it is now), it offers to reload their
 * version or to keep my changes, re-applied on top of theirs.
 */
export function RecordEditor<R extends Versioned & Record<string, unknown>>({
  title,
  record,
  fields,
  save,
  saving,
  reload,
  testId,
}: RecordEditorProps<R>) {
  const names = fields.map((field) => field.name);
  const [base, setBase] = useState<Record<string, unknown>>(record);
  const form = useForm(formValuesOf(record, names));
  const [conflict, setConflict] = useState<Versioned & Record<string, unknown>>();
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const submit = (version: number, from: Record<string, unknown>) => {
    const change = changedFields(from, form.values, names);
    setFailure(undefined);
    setSaved(false);
    if (!Object.keys(change).length) {
      setSaved(true);
      return;
    }
    save(
      { version, change },
      {
        onSuccess: () => {
          setConflict(undefined);
          setSaved(true);
        },
        onError: (error) => {
          const current = conflictCurrent(error);
          if (current) setConflict(current);
          else {
            setFailure(error);
            form.showError(error);
          }
        },
      },
    );
  };

  const reloadTheirs = () => {
    if (!conflict) return;
    form.setValues(formValuesOf(conflict, names));
    setBase(conflict);
    setConflict(undefined);
    reload();
  };

  const keepMine = () => {
    if (!conflict) return;
    // My edits, compared with what I started from, applied on top of their version.
    const mine = changedFields(base, form.values, names);
    const merged = { ...formValuesOf(conflict, names), ...formValuesOf(mine, Object.keys(mine)) };
    form.setValues(merged);
    setBase(conflict);
    const version = conflict.version;
    setConflict(undefined);
    save(
      { version, change: mine },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          const current = conflictCurrent(error);
          if (current) setConflict(current);
          else setFailure(error);
        },
      },
    );
  };

  return (
    <Panel title={title} testId={testId}>
      <Form
        formRef={form.formRef}
        layout="row"
        label={title}
        onSubmit={(event) => {
          event.preventDefault();
          submit(record.version, base);
        }}
      >
        <div className={styles.fields} style={{ flex: '1 1 100%' }}>
          {fields.map((field) => (
            <Field key={field.name} label={field.label} errors={form.errors[field.name]} hint={field.hint}>
              {(control) =>
                field.options ? (
                  <select {...control} {...form.text(field.name)}>
                    {field.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : field.multiline ? (
                  <textarea {...control} rows={3} {...form.text(field.name)} />
                ) : (
                  <input {...control} {...form.text(field.name)} />
                )
              }
            </Field>
          ))}
        </div>
        {conflict ? (
          <div className={styles.warning} role="alert" data-testid="edit-conflict" style={{ flex: '1 1 100%' }}>
            <p>
              Someone changed this while you were editing (now version {conflict.version}). Reload their version, or keep
              your changes on top of theirs.
            </p>
            <div className={styles.toolbar}>
              <Button size="small" onClick={reloadTheirs}>
                Reload
              </Button>
              <Button size="small" variant="secondary" onClick={keepMine}>
                Keep my changes
              </Button>
            </div>
          </div>
        ) : null}
        <div className={styles.toolbar} style={{ flex: '1 1 100%' }}>
          <Button type="submit" disabled={saving || Boolean(conflict)}>
            {saving ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
        {failure ? <FormAlert other={form.other}>Could not save: {getErrorMessage(failure)}</FormAlert> : null}
        {saved && !saving && !conflict ? <FormSuccess>Saved.</FormSuccess> : null}
      </Form>
    </Panel>
  );
}
