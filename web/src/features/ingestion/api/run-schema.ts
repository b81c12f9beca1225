import { z } from 'zod';

/**
 * The ingestion Run as /api/v1/admin/ingestion answers it, shared by the endpoint files.
 * Status, phase, dataset and kind stay open strings, so a value the server adds later
 * shows as-is instead of breaking the page; the known ones are listed for labels and logic.
 */
export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'PUBLISHED', 'FAILED', 'SKIPPED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What can be started from the page: the three NPPES kinds. */
export const STARTABLE_KINDS = ['nppes', 'nppes-weekly', 'nppes-deactivations', 'partb', 'partd', 'openpayments', 'openpayments-research', 'openpayments-ownership'] as const;
export type StartableKind = (typeof STARTABLE_KINDS)[number];

const count = z.number().nullish();

export const runChangesSchema = z.looseObject({
  new: count,
  updated: count,
  deactivated: count,
  reactivated: count,
});

export const runSchema = z.looseObject({
  id: z.number().int(),
  dataset: z.string(),
  kind: z.string().nullish(),
  sourceName: z.string().nullish(),
  sourceSize: count,
  sourceSha256: z.string().nullish(),
  dataYear: z.number().int().nullish(),
  status: z.string(),
  phase: z.string().nullish(),
  progressPercent: count,
  bytesRead: count,
  rowsRead: count,
  rowsLoaded: count,
  rowsRejected: count,
  recordCount: count,
  changes: runChangesSchema.nullish(),
  error: z.string().nullish(),
  startedAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
});

export type Run = z.output<typeof runSchema>;
export type RunChanges = z.output<typeof runChangesSchema>;

/** Polling cadence: fast while something is moving, slow otherwise. */
export const ACTIVE_REFETCH_INTERVAL_MS = 2_000;
export const IDLE_REFETCH_INTERVAL_MS = 30_000;

export function isActiveRun(run: Pick<Run, 'status'>): boolean {
  const status = run.status.toUpperCase();
  return status === 'QUEUED' || status === 'RUNNING';
}

export function isFailedRun(run: Pick<Run, 'status'>): boolean {
  return run.status.toUpperCase() === 'FAILED';
}

export function refetchIntervalFor(runs: ReadonlyArray<Pick<Run, 'status'>> | undefined): number {
  return runs?.some(isActiveRun) ? ACTIVE_REFETCH_INTERVAL_MS : IDLE_REFETCH_INTERVAL_MS;
}

/** Every ingestion query starts with this key, so one invalidation refreshes list and details. */
export const ingestionQueryKey = ['ingestion'] as const;

export const INGESTION_RUNS_PATH = '/api/v1/admin/ingestion/runs';

export function ingestionRunPath(id: number): string {
  return `${INGESTION_RUNS_PATH}/${encodeURIComponent(String(id))}`;
}
