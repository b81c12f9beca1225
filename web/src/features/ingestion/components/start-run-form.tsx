import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { ingestionRunHref } from '@/config/paths';
import { startRunInputSchema, useStartRun } from '@/features/ingestion/api/start-run';
import { STARTABLE_KINDS, type StartableKind } from '@/features/ingestion/api/run-schema';
import { getErrorMessage } from '@/lib/api-client';
import { fieldErrorsOf, fieldNamed } from '@/lib/field-errors';

import styles from './start-run-form.module.css';

type FieldName = 'dataset' | 'source';
type FieldErrors = Partial<Record<FieldName, string[]>>;

const FIELD_NAMES: readonly FieldName[] = ['dataset', 'source'];

const KIND_DESCRIPTIONS: Record<StartableKind, string> = {
  nppes: 'NPPES full monthly file (replaces the registry)',
  'nppes-weekly': 'NPPES weekly update',
  'nppes-deactivations': 'NPPES deactivation list',
  partb: 'Medicare Part B yearly file (year read from the file name)',
  partd: 'Medicare Part D yearly file (year read from the file name)',
  openpayments: 'Open Payments General Payments, one program year',
  'openpayments-research': 'Open Payments Research Payments, one program year',
  'openpayments-ownership': 'Open Payments Ownership Interests, one program year',
};


type FieldProps = {
  id: string;
  label: string;
  errors: string[] | undefined;
  /** Takes the width left over in its row. */
  grow?: boolean;
  children: ReactNode;
};

/** A labelled control with its errors below it; their id is `${id}-error` (see controlProps). */
function Field({ id, label, errors, grow, children }: FieldProps) {
  return (
    <div className={grow ? `${styles.field} ${styles.grow}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** Queues an NPPES ingestion run from a file on the server or an http(s) URL. */
export function StartRunForm() {
  const titleId = useId();
  const datasetId = useId();
  const sourceId = useId();
  const sourceHintId = useId();
  const [dataset, setDataset] = useState<StartableKind>('nppes-weekly');
  const [source, setSource] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const startRun = useStartRun();
  const datasetRef = useRef<HTMLSelectElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);

  /** Errors are shown next to their fields; the first invalid field gets the focus. */
  const showFieldErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    if (errors.dataset?.length) datasetRef.current?.focus();
    else if (errors.source?.length) sourceRef.current?.focus();
  };

  const clearFieldError = (name: FieldName) =>
    setFieldErrors((errors) => (errors[name] ? { ...errors, [name]: undefined } : errors));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startRun.reset();
    setOtherErrors([]);
    const parsed = startRunInputSchema.safeParse({ dataset, source });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const name = fieldNamed(String(issue.path[0] ?? ''), FIELD_NAMES);
        if (name) (errors[name] ??= []).push(issue.message);
      }
      showFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    startRun.mutate(parsed.data, {
      onSuccess: () => setSource(''),
      onError: (error) => {
        const { fields, other } = fieldErrorsOf(error, FIELD_NAMES);
        setOtherErrors(other);
        showFieldErrors(fields);
      },
    });
  };

  const fieldId = (name: FieldName) => (name === 'dataset' ? datasetId : sourceId);
  /** What the control of a field shares: its id and name, and its errors for assistive technology. */
  const controlProps = (name: FieldName, ...describedBy: string[]) => {
    const invalid = Boolean(fieldErrors[name]?.length);
    return {
      id: fieldId(name),
      name,
      className: styles.control,
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby':
        [...describedBy, invalid ? `${fieldId(name)}-error` : undefined].filter(Boolean).join(' ') || undefined,
    };
  };

  return (
    <Panel
      title="Start a run"
      subtitle="The server reads the file, checks every row, and publishes the new registry when it is done."
      titleId={titleId}
      testId="start-run"
    >
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <Field id={datasetId} label="Dataset" errors={fieldErrors.dataset}>
          <select
            ref={datasetRef}
            {...controlProps('dataset')}
            value={dataset}
            onChange={(event) => {
              setDataset(event.target.value as StartableKind);
              clearFieldError('dataset');
            }}
          >
            {STARTABLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_DESCRIPTIONS[kind]}
              </option>
            ))}
          </select>
        </Field>

        <Field id={sourceId} label="Source" errors={fieldErrors.source} grow>
          <input
            ref={sourceRef}
            {...controlProps('source', sourceHintId)}
            type="text"
            value={source}
            onChange={(event) => {
              setSource(event.target.value);
              clearFieldError('source');
            }}
            placeholder="/data/nppes/npidata_pfile.csv or https://…"
            autoComplete="off"
            spellCheck={false}
          />
          <p id={sourceHintId} className={styles.hint}>
            A path on the MedSales server, or an http(s) URL the server downloads.
          </p>
        </Field>

        <div className={styles.actions}>
          <Button type="submit" disabled={startRun.isPending}>
            {startRun.isPending ? 'Starting…' : 'Start run'}
          </Button>
        </div>
      </form>

      {startRun.isError ? (
        <div className={styles.formError} role="alert">
          <p>Could not start the run: {getErrorMessage(startRun.error)}</p>
          {otherErrors.length ? (
            <ul>
              {otherErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {startRun.isSuccess ? (
        <p className={styles.success} role="status">
          <Link to={ingestionRunHref(startRun.data.id)}>Run #{startRun.data.id}</Link> queued
          {startRun.data.sourceName ? ` for ${startRun.data.sourceName}` : ''}.
        </p>
      ) : null}
    </Panel>
  );
}
