import { useId } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel } from '@/components/ui/panel';
import { ingestionRunHref } from '@/config/paths';
import { startRunInputSchema, useStartRun } from '@/features/ingestion/api/start-run';
import { STARTABLE_KINDS, type StartableKind } from '@/features/ingestion/api/run-schema';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

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

/** Queues an NPPES ingestion run from a file on the server or an http(s) URL. */
export function StartRunForm() {
  const titleId = useId();
  const form = useForm({ dataset: 'nppes-weekly' as StartableKind, source: '' });
  const startRun = useStartRun();

  const onSubmit = form.handleSubmit(
    startRunInputSchema,
    (input) =>
      startRun.mutate(input, {
        onSuccess: () => form.setValue('source', ''),
        onError: form.showError,
      }),
    startRun.reset,
  );

  return (
    <Panel
      title="Start a run"
      subtitle="The server reads the file, checks every row, and publishes the new registry when it is done."
      titleId={titleId}
      testId="start-run"
    >
      <Form formRef={form.formRef} layout="row" onSubmit={onSubmit} labelledBy={titleId}>
        <Field label="Dataset" errors={form.errors.dataset}>
          {(control) => (
            <select {...control} {...form.text('dataset')}>
              {STARTABLE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_DESCRIPTIONS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field
          label="Source"
          errors={form.errors.source}
          hint="A path on the MedSales server, or an http(s) URL the server downloads."
          grow
        >
          {(control) => (
            <input
              {...control}
              {...form.text('source')}
              type="text"
              placeholder="/data/nppes/npidata_pfile.csv or https://…"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>

        <div className={formStyles.actions}>
          <Button type="submit" disabled={startRun.isPending}>
            {startRun.isPending ? 'Starting…' : 'Start run'}
          </Button>
        </div>
      </Form>

      {startRun.isError ? (
        <FormAlert other={form.other} inset>
          Could not start the run: {getErrorMessage(startRun.error)}
        </FormAlert>
      ) : null}

      {startRun.isSuccess ? (
        <FormSuccess inset>
          <Link to={ingestionRunHref(startRun.data.id)}>Run #{startRun.data.id}</Link> queued
          {startRun.data.sourceName ? ` for ${startRun.data.sourceName}` : ''}.
        </FormSuccess>
      ) : null}
    </Panel>
  );
}
