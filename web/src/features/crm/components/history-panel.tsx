import { DataTable } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';

import { useHistory } from '../api/records';
import { changeSummary, changeValueText } from '../utils/labels';

/** "owner_id" → "owner", "zip5" → "zip5": the field as the user knows it, without the id suffix. */
function fieldLabel(field: string): string {
  return field.replace(/_id$/, '').replace(/_/g, ' ');
}

/** Who changed which field of a record, from what, to what. */
export function HistoryPanel({ kind, id }: { kind: 'contacts' | 'accounts'; id: string }) {
  const history = useHistory(kind, id);
  return (
    <Panel title="Change history" testId="history">
      <PanelBody>
        <QueryState
          query={history}
          loadingLabel="Loading the history…"
          errorTitle="Could not load the history"
          onRetry={() => void history.refetch()}
        >
          {(changes) =>
            changes.length ? (
              <DataTable caption="Changes to this record">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Field</th>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={String(change.id)}>
                      <td>
                        <DateTime value={change.changedAt} />
                      </td>
                      <td>{change.changedByName ?? '—'}</td>
                      {changeSummary(change) ? (
                        <td colSpan={3}>{changeSummary(change)}</td>
                      ) : (
                        <>
                          <td>{fieldLabel(change.field)}</td>
                          <td>{changeValueText(change.oldValue, change.oldName)}</td>
                          <td>{changeValueText(change.newValue, change.newName)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : (
              <PanelEmpty title="No changes yet">
                <p>Edits to this record will be listed here.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
