import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { ApiError, getErrorMessage } from '@/lib/api-client';

import { useConfigureStages, useStages, type StageDraft } from '../api/opportunities';

const OUTCOMES = ['OPEN', 'WON', 'LOST'] as const;

/**
 * Administrators: the pipeline's stages in order, renamed, re-weighted, moved, added or removed, saved at once
 * (PUT /api/v1/opportunities/stages). The server refuses to remove a stage that still holds deals; that refusal is
 * shown as it came.
 */
export function StageSettings() {
  const stages = useStages();
  const configure = useConfigureStages();
  const [draft, setDraft] = useState<StageDraft[]>();
  const [saved, setSaved] = useState(false);
  const rows: StageDraft[] =
    draft ??
    (stages.data ?? []).map((s) => ({ id: s.id, name: s.name, probability: s.probability ?? 0, outcome: s.outcome }));

  const change = (next: StageDraft[]) => {
    setSaved(false);
    configure.reset();
    setDraft(next);
  };
  const update = (index: number, patch: Partial<StageDraft>) =>
    change(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(index + by, 0, row);
    change(next);
  };
  const invalid = rows.length === 0 || rows.some((row) => !row.name.trim() || row.probability < 0 || row.probability > 100);

  if (stages.isPending) return <p>Loading the stages…</p>;
  if (stages.isError) return <FormAlert>Could not load the stages: {getErrorMessage(stages.error)}</FormAlert>;
  return (
    <section aria-labelledby="stage-settings">
      <h2 id="stage-settings">Pipeline stages</h2>
      <Form
        layout="stacked"
        label="Pipeline stages"
        onSubmit={(event) => {
          event.preventDefault();
          if (invalid) return;
          configure.mutate(
            rows.map((row) => ({ ...row, name: row.name.trim() })),
            {
              onSuccess: () => {
                setDraft(undefined);
                setSaved(true);
              },
            },
          );
        }}
      >
        {rows.map((row, index) => (
          <div key={row.id ?? `new-${index}`} className={formStyles.actions} data-testid="stage-row">
            <Field label={`Stage ${index + 1} name`}>
              {(control) => (
                <input {...control} value={row.name} maxLength={100} onChange={(event) => update(index, { name: event.target.value })} />
              )}
            </Field>
            <Field label="Probability %">
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={0}
                  max={100}
                  value={row.probability}
                  onChange={(event) => update(index, { probability: Number(event.target.value) })}
                />
              )}
            </Field>
            <Field label="Outcome">
              {(control) => (
                <select {...control} value={row.outcome} onChange={(event) => update(index, { outcome: event.target.value })}>
                  {OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {outcome.toLowerCase()}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button variant="secondary" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${row.name} up`}>
              Up
            </Button>
            <Button
              variant="secondary"
              disabled={index === rows.length - 1}
              onClick={() => move(index, 1)}
              aria-label={`Move ${row.name} down`}
            >
              Down
            </Button>
            <Button variant="secondary" onClick={() => change(rows.filter((_, i) => i !== index))} aria-label={`Remove ${row.name}`}>
              Remove
            </Button>
          </div>
        ))}
        <div className={formStyles.actions}>
          <Button
            variant="secondary"
            disabled={rows.length >= 20}
            onClick={() => change([...rows, { name: 'New stage', probability: 50, outcome: 'OPEN' }])}
          >
            Add a stage
          </Button>
          <Button type="submit" disabled={invalid || configure.isPending || !draft}>
            {configure.isPending ? 'Saving…' : 'Save stages'}
          </Button>
        </div>
        {configure.isError ? (
          <FormAlert other={configure.error instanceof ApiError ? configure.error.errors.map((e) => e.message) : []}>
            Could not save the stages: {getErrorMessage(configure.error)}
          </FormAlert>
        ) : null}
        {saved ? <FormSuccess>The stages are saved.</FormSuccess> : null}
      </Form>
    </section>
  );
}
