import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form';
import { getErrorMessage } from '@/lib/api-client';

import { useDeleteRecord, useRestoreRecord } from '../api/records';
import styles from './crm.module.css';

/** The kinds of record listed without their deleted ones. */
export type WorkKind = 'tasks' | 'opportunities' | 'activities';

type Deleted = { kind: WorkKind; id: string; name: string };

/**
 * Soft delete of tasks, deals and activities with an immediate undo: Restore beside each one deleted on this page
 * until it is left. Later, the recently deleted page (deleted-records.tsx) lists them for 30 days.
 */
export function useRecentlyDeleted() {
  const [deleted, setDeleted] = useState<Deleted[]>([]);
  const [error, setError] = useState<string>();
  const removeTask = useDeleteRecord('tasks');
  const removeOpportunity = useDeleteRecord('opportunities');
  const removeActivity = useDeleteRecord('activities');
  const restoreTask = useRestoreRecord('tasks');
  const restoreOpportunity = useRestoreRecord('opportunities');
  const restoreActivity = useRestoreRecord('activities');
  const removers: Record<WorkKind, typeof removeTask> = { tasks: removeTask, opportunities: removeOpportunity, activities: removeActivity };
  const restorers: Record<WorkKind, typeof restoreTask> = { tasks: restoreTask, opportunities: restoreOpportunity, activities: restoreActivity };

  const remove = (record: Deleted) => {
    setError(undefined);
    const mutation = removers[record.kind];
    mutation.mutate(record.id, {
      onSuccess: () => setDeleted((list) => [record, ...list.filter((d) => d.id !== record.id)]),
      onError: (e) => setError(`Could not delete ${record.name}: ${getErrorMessage(e)}`),
    });
  };
  const restore = (record: Deleted) => {
    setError(undefined);
    const mutation = restorers[record.kind];
    mutation.mutate(record.id, {
      onSuccess: () => setDeleted((list) => list.filter((d) => d.id !== record.id)),
      onError: (e) => setError(`Could not restore ${record.name}: ${getErrorMessage(e)}`),
    });
  };
  const pending = (id: string) =>
    Object.values(removers)
      .concat(Object.values(restorers))
      .some((mutation) => mutation.isPending && mutation.variables === id);

  const notice = (
    <>
      {error ? <FormAlert>{error}</FormAlert> : null}
      {deleted.length ? (
        <ul className={styles.deleted} aria-label="Deleted here">
          {deleted.map((record) => (
            <li key={record.id}>
              {record.name} is deleted (restorable for 30 days).{' '}
              <Button
                size="small"
                variant="secondary"
                aria-label={`Restore ${record.name}`}
                disabled={pending(record.id)}
                onClick={() => restore(record)}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
  return { remove, pending, notice };
}

/** The small Delete button of a task, deal or activity (soft delete: it can be restored). */
export function DeleteButton({ name, disabled, onClick }: { name: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button size="small" variant="secondary" aria-label={`Delete ${name}`} disabled={disabled} onClick={onClick}>
      Delete
    </Button>
  );
}
