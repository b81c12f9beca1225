import type { Run, RunChanges } from '@/features/ingestion/api/run-schema';
import { formatCount, parseDate } from '@/lib/format';

const DATASET_NAMES: Record<string, string> = {
  nppes: 'NPPES NPI registry',
  partB: 'Medicare Part B',
  partD: 'Medicare Part D',
  openPayments: 'Open Payments',
};

const KIND_LABELS: Record<string, string> = {
  nppes: 'Full monthly file',
  'nppes-weekly': 'Weekly update',
  'nppes-deactivations': 'Deactivations',
  partb: 'Part B yearly file',
  partd: 'Part D yearly file',
  openpayments: 'Open Payments yearly file',
  'openpayments-research': 'Open Payments research file',
  'openpayments-ownership': 'Open Payments ownership file',
};

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  PUBLISHED: 'Published',
  FAILED: 'Failed',
  SKIPPED: 'Skipped',
};

const PHASE_LABELS: Record<string, string> = {
  parsing: 'Parsing',
  loading: 'Loading',
  geocoding: 'Geocoding',
  indexing: 'Indexing',
  publishing: 'Publishing',
};

export function datasetName(dataset: string): string {
  return DATASET_NAMES[dataset] ?? dataset;
}

export function kindLabel(kind: string | null | undefined): string | undefined {
  if (!kind) return undefined;
  return KIND_LABELS[kind] ?? kind;
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status.toUpperCase()] ?? status;
}

export function phaseLabel(phase: string | null | undefined): string | undefined {
  if (!phase) return undefined;
  return PHASE_LABELS[phase] ?? phase;
}

/** An em dash for unknown numbers, "1,234" otherwise. */
export function countOrDash(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatCount(value);
}

const CHANGE_KEYS = ['new', 'updated', 'deactivated', 'reactivated'] as const;

/** e.g. ["10 new", "20 updated", "3 deactivated", "1 reactivated"]; empty when nothing is known. */
export function changeList(changes: RunChanges | null | undefined): string[] {
  if (!changes) return [];
  return CHANGE_KEYS.flatMap((key) => {
    const value = changes[key];
    return typeof value === 'number' ? [`${formatCount(value)} ${key}`] : [];
  });
}

/** Milliseconds from start to finish, or to `now` while the run is still going. */
export function runDurationMs(run: Pick<Run, 'startedAt' | 'finishedAt'>, now: Date): number | undefined {
  const started = parseDate(run.startedAt);
  if (!started) return undefined;
  const end = parseDate(run.finishedAt) ?? now;
  return Math.max(0, end.getTime() - started.getTime());
}

/** Average rows read per second so far, when it can be told. */
export function rowsPerSecond(run: Pick<Run, 'startedAt' | 'finishedAt' | 'rowsRead'>, now: Date): number | undefined {
  const elapsed = runDurationMs(run, now);
  if (!elapsed || elapsed < 1000 || !run.rowsRead) return undefined;
  return run.rowsRead / (elapsed / 1000);
}
