import { useState } from 'react';
import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import {
  ASSIGNMENT_KINDS,
  LEVELS,
  useAssignTerritory,
  useCreateTerritory,
  useTerritories,
  type AssignmentRequest,
  type Territory,
} from '../api/territories';
import { TerritoryChanges } from './territory-changes';

const PARENT_LEVEL: Record<string, string | undefined> = { DISTRICT: 'REGION', TERRITORY: 'DISTRICT' };

const newTerritorySchema = z.object({
  name: z.string().trim().min(1, 'Name it.').max(200),
  level: z.enum(LEVELS),
  parentId: z.string(),
  code: z.string().trim().max(50),
});

/** Administrators and managers: a new region, district or territory, changes to one, and who covers each territory. */
export function TerritoryEditor({ people }: { people: readonly { id: string; displayName: string }[] }) {
  const territories = useTerritories().data ?? [];
  const create = useCreateTerritory();
  const form = useForm({ name: '', level: 'TERRITORY', parentId: '', code: '' });
  const parents = territories.filter((t) => t.level === PARENT_LEVEL[form.values.level]);
  const onSubmit = form.handleSubmit(
    newTerritorySchema,
    ({ name, level, parentId, code }) =>
      create.mutate(
        { name, level, parentId: parentId || undefined, code: code || undefined },
        { onSuccess: () => form.setValues({ name: '', level, parentId, code: '' }), onError: form.showError },
      ),
    create.reset,
  );
  return (
    <Panel title="Change territories" testId="territory-editor">
      <Form formRef={form.formRef} layout="row" label="New territory" onSubmit={onSubmit}>
        <Field label="Level" errors={form.errors.level}>
          {(control) => (
            <select {...control} {...form.text('level')}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level.charAt(0) + level.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" errors={form.errors.name} grow>
          {(control) => <input {...control} {...form.text('name')} />}
        </Field>
        <Field label="Code" errors={form.errors.code}>
          {(control) => <input {...control} {...form.text('code')} />}
        </Field>
        {PARENT_LEVEL[form.values.level] ? (
          <Field label="Under" errors={form.errors.parentId}>
            {(control) => (
              <select {...control} {...form.text('parentId')}>
                <option value="">Nothing (top level)</option>
                {parents.map((parent) => (
                  <option key={parent.id} value={parent.id}>
                    {parent.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className={formStyles.actions}>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add'}
          </Button>
        </div>
        {create.isError ? <FormAlert other={form.other}>Could not add it: {getErrorMessage(create.error)}</FormAlert> : null}
      </Form>
      <PanelBody>
        <TerritoryChanges territories={territories} />
      </PanelBody>
      <PanelBody>
        <AssignmentForm territories={territories.filter((t) => t.level === 'TERRITORY')} people={people} />
      </PanelBody>
    </Panel>
  );
}

function AssignmentForm({
  territories,
  people,
}: {
  territories: Territory[];
  people: readonly { id: string; displayName: string }[];
}) {
  const assign = useAssignTerritory();
  const [territoryId, setTerritoryId] = useState('');
  const territory = territories.find((t) => t.id === territoryId);
  const [kinds, setKinds] = useState<Record<string, string>>({});
  const choose = (id: string) => {
    setTerritoryId(id);
    const chosen = territories.find((t) => t.id === id);
    setKinds(Object.fromEntries((chosen?.assignments ?? []).map((a) => [a.userId, a.kind ?? 'SECONDARY'])));
    assign.reset();
  };
  if (!territories.length) return null;
  return (
    <Form
      layout="inline"
      label="Assign reps"
      onSubmit={(event) => {
        event.preventDefault();
        if (!territory) return;
        const assignments = Object.entries(kinds)
          .filter(([, kind]) => kind)
          .map(([userId, kind]) => ({ userId, kind }) as AssignmentRequest);
        assign.mutate({ id: territory.id, assignments });
      }}
    >
      <Field label="Territory to staff">
        {(control) => (
          <select {...control} value={territoryId} onChange={(event) => choose(event.target.value)}>
            <option value="">Pick a territory</option>
            {territories.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {territory
        ? people.map((person) => (
            <Field key={person.id} label={person.displayName}>
              {(control) => (
                <select
                  {...control}
                  value={kinds[person.id] ?? ''}
                  onChange={(event) => setKinds({ ...kinds, [person.id]: event.target.value })}
                >
                  <option value="">Not assigned</option>
                  {ASSIGNMENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {kind.charAt(0) + kind.slice(1).toLowerCase()}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))
        : null}
      <div className={formStyles.actions}>
        <Button type="submit" disabled={!territory || assign.isPending}>
          {assign.isPending ? 'Saving…' : 'Save assignments'}
        </Button>
      </div>
      {assign.isError ? <FormAlert>Could not assign: {getErrorMessage(assign.error)}</FormAlert> : null}
      {assign.isSuccess ? <FormSuccess>Assignments saved.</FormSuccess> : null}
    </Form>
  );
}
