import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { RefreshControls } from '@/components/ui/refresh-controls';
import { useRuns } from '@/features/ingestion/api/get-runs';
import { ACTIVE_REFETCH_INTERVAL_MS, IDLE_REFETCH_INTERVAL_MS, isActiveRun } from '@/features/ingestion/api/run-schema';
import { useManualRefresh } from '@/hooks/use-manual-refresh';

import { RunsTable } from './runs-table';

/** The latest ingestion runs, polled quickly while one is queued or running. */
export function IngestionRunsPanel() {
  const query = useRuns();
  const { data, isPending, dataUpdatedAt, refetch } = query;
  const { refreshing, refresh } = useManualRefresh(refetch);
  const active = data?.items.some(isActiveRun) ?? false;
  const interval = (active ? ACTIVE_REFETCH_INTERVAL_MS : IDLE_REFETCH_INTERVAL_MS) / 1000;

  return (
    <Panel
      title="Runs"
      subtitle={
        active
          ? `A run is in progress: refreshing every ${interval} seconds.`
          : `Refreshes every ${interval} seconds. Select a run for its details and rejected rows.`
      }
      actions={
        <RefreshControls
          updatedAt={dataUpdatedAt}
          onRefresh={refresh}
          refreshing={refreshing}
          disabled={isPending || refreshing}
        />
      }
      busy={isPending || refreshing}
      testId="ingestion-runs"
    >
      <PanelBody>
        <QueryState
          query={query}
          loadingLabel="Loading ingestion runs…"
          errorTitle="Could not load ingestion runs"
          onRetry={refresh}
        >
          {({ items: runs }) =>
            runs.length > 0 ? (
              <RunsTable runs={runs} now={new Date(dataUpdatedAt)} />
            ) : (
              <PanelEmpty title="No ingestion runs yet" testId="ingestion-runs-empty">
                <p>Start one with the form above: the run shows here while it loads, then its outcome.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
