import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { RefreshControls } from '@/components/ui/refresh-controls';
import { HEALTH_REFETCH_INTERVAL_MS, useHealth } from '@/features/health/api/get-health';

import { DatasetFreshnessTable } from './dataset-freshness-table';
import { HealthSummary } from './health-summary';

/** System health and how recent each source dataset is, from GET /health. */
export function FreshnessPanel() {
  const query = useHealth();
  const { isPending, isFetching, dataUpdatedAt, refetch } = query;
  const retry = () => void refetch();

  return (
    <Panel
      title="Data freshness"
      subtitle={
        <>
          Source datasets and the services behind them. Refreshes every {HEALTH_REFETCH_INTERVAL_MS / 1000} seconds.
        </>
      }
      actions={
        <RefreshControls
          updatedAt={dataUpdatedAt}
          onRefresh={retry}
          refreshing={isFetching && !isPending}
          disabled={isFetching}
        />
      }
      busy={isFetching}
      testId="freshness-panel"
    >
      <PanelBody>
        <QueryState
          query={query}
          loadingLabel="Checking system health…"
          errorTitle="Could not load system health"
          onRetry={retry}
        >
          {(health) => (
            <>
              <HealthSummary health={health} />
              <DatasetFreshnessTable freshness={health.dataFreshness} now={new Date(dataUpdatedAt)} />
            </>
          )}
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
