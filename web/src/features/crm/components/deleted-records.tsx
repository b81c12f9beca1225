import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { DateTime } from '@/components/ui/date-time';
import { FormAlert } from '@/components/ui/form';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { getErrorMessage } from '@/lib/api-client';

import { useDeletedRecords, type DeletedKind, type DeletedRecord } from '../api/deleted';
import { useRestoreRecord } from '../api/records';

export const DELETED_KIND_LABELS: Record<DeletedKind, { title: string; one: string; empty: string }> = {
  tasks: { title: 'Tasks', one: 'Task', empty: 'No task was deleted in the last 30 days.' },
  opportunities: { title: 'Deals', one: 'Deal', empty: 'No deal was deleted in the last 30 days.' },
  activities: { title: 'Calls and visits', one: 'Activity', empty: 'No call, visit or note was deleted in the last 30 days.' },
};

/**
 * Tasks, deals or activities deleted in the last 30 days (that the user may see), the latest first, each with when
 * and by whom it was deleted and a Restore button. A restored record leaves this list and is back in its own place.
 */
export function DeletedRecords({ kind }: { kind: DeletedKind }) {
  const records = useDeletedRecords(kind);
  const restore = useRestoreRecord(kind);
  const [restored, setRestored] = useState<DeletedRecord>();
  const [failed, setFailed] = useState<string>();
  const labels = DELETED_KIND_LABELS[kind];

  const onRestore = (record: DeletedRecord) => {
    setRestored(undefined);
    setFailed(undefined);
    restore.mutate(record.id, {
      onSuccess: () => setRestored(record),
      onError: (e) => setFailed(`Could not restore ${record.name}: ${getErrorMessage(e)}`),
    });
  };

  return (
    <Panel
      title={`Recently deleted: ${labels.title.toLowerCase()}`}
      subtitle="Deleted in the last 30 days; Restore brings one back where it was."
      busy={records.isFetching}
      testId="deleted-records"
    >
      <PanelBody>
        {failed ? <FormAlert>{failed}</FormAlert> : null}
        {restored ? (
          <p role="status">
            {restored.name} is restored: see it in <Link to={restored.home.href}>{restored.home.label}</Link>.
          </p>
        ) : null}
        <QueryState
          query={records}
          loadingLabel="Loading what was deleted…"
          errorTitle="Could not load what was deleted"
          onRetry={() => void records.refetch()}
        >
          {(items) =>
            items.length ? (
              <DataTable caption={`Recently deleted ${labels.title.toLowerCase()}`} testId="deleted-table">
                <thead>
                  <tr>
                    <th scope="col">{labels.one}</th>
                    <th scope="col">Deleted</th>
                    <th scope="col">
                      <span className="visually-hidden">Restore</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((record) => (
                    <tr key={record.id} data-testid={`deleted-${record.id}`}>
                      <th scope="row">
                        <span className={tableStyles.primaryLine}>{record.name}</span>
                        {record.detail ? <span className={tableStyles.secondaryLine}>{record.detail}</span> : null}
                      </th>
                      <td>
                        <DateTime value={record.deletedAt} />
                        {record.deletedByName ? (
                          <span className={tableStyles.secondaryLine}>by {record.deletedByName}</span>
                        ) : null}
                      </td>
                      <td>
                        <Button
                          size="small"
                          variant="secondary"
                          aria-label={`Restore ${record.name}`}
                          disabled={restore.isPending && restore.variables === record.id}
                          onClick={() => onRestore(record)}
                        >
                          Restore
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : (
              <PanelEmpty title="Nothing deleted lately" testId="deleted-empty">
                <p>{labels.empty}</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
